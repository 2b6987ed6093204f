import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  testId?: string;
  onClose(): void;
  children: ReactNode;
  /** Wider panel for the payment dialog and lists. */
  size?: 'normal' | 'wide';
  className?: string;
}

/**
 * A modal panel: focus moves into it on open (to `[data-autofocus]` or the first field),
 * Esc closes it, and keys typed inside never reach the sale screen's shortcuts.
 */
export function Dialog({ title, testId, onClose, children, size = 'normal', className }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = panel.current;
    if (!root) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea, button)') ??
      root.querySelector<HTMLElement>('button');
    target?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={`dialog dialog-${size} ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="dialog-close" onClick={onClose} aria-label="Cerrar">
            Esc ✕
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** A button that shows the key that also triggers it. */
export function KeyButton({
  keyLabel,
  label,
  onClick,
  className,
  disabled,
  testId,
}: {
  keyLabel: string;
  label: string;
  onClick(): void;
  className?: string;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`key-button ${className ?? ''}`}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      <kbd>{keyLabel}</kbd>
      <span>{label}</span>
    </button>
  );
}
