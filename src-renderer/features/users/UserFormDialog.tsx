import type { FormEvent, ReactNode } from 'react';
import { Dialog } from '../../shared/Dialog';
import { StopNavigationKeys } from '../history/StopNavigationKeys';

/** A people-screen dialog: its fields, then the error and the submit and cancel buttons. */
export function UserFormDialog({
  title,
  testId,
  onSubmit,
  onClose,
  error,
  busy,
  submitLabel,
  danger = false,
  children,
}: {
  title: string;
  testId: string;
  onSubmit(): Promise<void>;
  onClose(): void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void onSubmit();
  };
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <StopNavigationKeys>
        <form className="stack" onSubmit={submit}>
          {children}
          {error && (
            <p className="dialog-error" role="alert" data-testid={`${testId}-error`}>
              {error}
            </p>
          )}
          <div className="row">
            <button
              type="submit"
              className={danger ? 'danger' : 'primary'}
              disabled={busy}
              data-testid={`${testId}-submit`}
            >
              {submitLabel}
            </button>
            <button type="button" onClick={onClose}>
              Cancelar (Esc)
            </button>
          </div>
        </form>
      </StopNavigationKeys>
    </Dialog>
  );
}

/** A PIN box: digits only, hidden, numeric keypad on touch screens. */
export function PinField({
  label,
  value,
  onChange,
  testId,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  autoFocus?: boolean;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={8}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
        autoComplete="new-password"
        data-autofocus={autoFocus || undefined}
        data-testid={testId}
      />
    </label>
  );
}
