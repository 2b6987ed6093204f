import type { ReactNode } from 'react';

export interface Option<T extends string | number> {
  value: T;
  label: string;
}

/** A `<select>` over typed values (numbers too: baud rates, paper widths). */
export function SelectField<T extends string | number>({
  label,
  name,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  name: string;
  value: T;
  options: ReadonlyArray<Option<T>>;
  onChange(value: T): void;
  testId: string;
}) {
  return (
    <label>
      {label}
      <select
        name={name}
        value={String(value)}
        onChange={(e) => {
          const picked = options.find((option) => String(option.value) === e.target.value);
          if (picked) onChange(picked.value);
        }}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TextField({
  label,
  name,
  value,
  onChange,
  testId,
  invalid = false,
  numeric = false,
  placeholder,
  maxLength,
}: {
  label: ReactNode;
  name: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  invalid?: boolean;
  numeric?: boolean;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <label>
      {label}
      <input
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        // Text, not type=number: the core judges the range, and a half-typed value stays visible.
        inputMode={numeric ? 'decimal' : undefined}
        placeholder={placeholder}
        maxLength={maxLength}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        data-testid={testId}
      />
    </label>
  );
}

export function CheckField({
  label,
  hint,
  name,
  checked,
  onChange,
  testId,
}: {
  label: string;
  hint?: string;
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
  testId: string;
}) {
  return (
    <label className="device-check">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span>
        <strong>{label}</strong>
        {hint && <small>{hint}</small>}
      </span>
    </label>
  );
}
