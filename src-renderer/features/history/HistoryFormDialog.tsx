import type { FormEvent, ReactNode } from 'react';
import { Dialog } from '../../shared/Dialog';
import { useHistory } from './history-store';
import { StopNavigationKeys } from './StopNavigationKeys';

interface HistoryFormDialogProps {
  title: string;
  size?: 'normal' | 'wide';
  testIds: { dialog: string; error: string; submit: string };
  onSubmit(event: FormEvent): Promise<void>;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  submitClassName: 'primary' | 'danger';
  cancelLabel: string;
  children: ReactNode;
}

/** A history dialog's form: its fields, then the error and the submit and cancel buttons. */
export function HistoryFormDialog({
  title,
  size,
  testIds,
  onSubmit,
  error,
  busy,
  submitLabel,
  submitClassName,
  cancelLabel,
  children,
}: HistoryFormDialogProps) {
  const close = useHistory((s) => s.closeDialog);
  return (
    <Dialog title={title} testId={testIds.dialog} onClose={close} size={size}>
      <StopNavigationKeys>
        <form className="stack" onSubmit={(e) => void onSubmit(e)}>
          {children}
          {error && (
            <p className="dialog-error" role="alert" data-testid={testIds.error}>
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className={submitClassName} disabled={busy} data-testid={testIds.submit}>
              {submitLabel}
            </button>
            <button type="button" onClick={close}>
              {cancelLabel}
            </button>
          </div>
        </form>
      </StopNavigationKeys>
    </Dialog>
  );
}

interface NoteReasonFieldsProps<Code extends string> {
  /** SUNAT's reason codes and their names. */
  names: Record<NoInfer<Exclude<Code, ''>>, string>;
  code: Code;
  onCode(code: NoInfer<Code>): void;
  /** Label of a first option with value '': the core picks the code. */
  automaticLabel?: string;
  text: string;
  onText(text: string): void;
  testIds: { code: string; text: string };
}

/** A note's SUNAT reason code and the description printed on it. */
export function NoteReasonFields<Code extends string>({
  names,
  code,
  onCode,
  automaticLabel,
  text,
  onText,
  testIds,
}: NoteReasonFieldsProps<Code>) {
  return (
    <div className="history-form-grid">
      <label>
        Motivo (SUNAT)
        <select value={code} onChange={(e) => onCode(e.target.value as Code)} data-testid={testIds.code}>
          {automaticLabel !== undefined && <option value="">{automaticLabel}</option>}
          {(Object.keys(names) as Array<Exclude<Code, ''>>).map((option) => (
            <option key={option} value={option}>
              {option} · {names[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Descripción del motivo
        <input
          value={text}
          onChange={(e) => onText(e.target.value)}
          maxLength={500}
          data-testid={testIds.text}
        />
      </label>
    </div>
  );
}
