import { useEffect, useRef, type ReactNode } from 'react';
import { useUi } from '../../state/ui-store';
import { screenEntry } from './screens';
import './backoffice.css';

/**
 * The frame of every back-office screen: its title takes the focus on arrival (screen readers
 * announce it, Tab starts at the top) and the way back to the counter is always in sight.
 */
export function BackOfficePage({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const go = useUi((s) => s.go);
  const sale = screenEntry('sale');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <main className="backoffice-page" data-testid={testId}>
      <header className="backoffice-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <button type="button" className="key-button" onClick={() => go('sale')} data-testid="back-to-sale">
          <kbd>{sale.key}</kbd>
          <span>Volver a la {sale.label.toLowerCase()}</span>
        </button>
      </header>
      <div className="backoffice-body">{children}</div>
    </main>
  );
}
