import { useId } from 'react';
import type { HardwareList } from './hardware-lists';

/**
 * A name typed freely (a USB-CDC port such as /dev/ttyACM0 may only appear once plugged in),
 * with what the machine reports right now as one-tap choices.
 */
export function PortPicker({
  label,
  name,
  value,
  onChange,
  list,
  emptyText,
  placeholder,
  testId,
}: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  list: HardwareList;
  emptyText: string;
  placeholder?: string;
  testId: string;
}) {
  const optionsId = useId();
  return (
    <div className="port-picker">
      <label>
        {label}
        <input
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          list={optionsId}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          data-testid={testId}
        />
      </label>
      <datalist id={optionsId}>
        {list.items.map((item) => (
          <option key={item.value} value={item.value}>
            {item.detail ?? undefined}
          </option>
        ))}
      </datalist>
      <div className="port-found" data-testid={`${testId}-found`}>
        {list.loading ? (
          <span className="muted small">Buscando…</span>
        ) : list.error ? (
          <span className="error-note small" role="alert">
            {list.error}
          </span>
        ) : list.items.length === 0 ? (
          <span className="muted small">{emptyText}</span>
        ) : (
          list.items.map((item) => (
            <button
              key={item.value}
              type="button"
              className="port-chip"
              aria-pressed={item.value === value.trim()}
              onClick={() => onChange(item.value)}
            >
              <span className="mono">{item.value}</span>
              {item.detail && <small>{item.detail}</small>}
            </button>
          ))
        )}
        <button
          type="button"
          className="port-refresh"
          onClick={list.refresh}
          disabled={list.loading}
          data-testid={`${testId}-refresh`}
        >
          Actualizar
        </button>
      </div>
    </div>
  );
}
