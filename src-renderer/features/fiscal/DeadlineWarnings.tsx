import type { ReactNode } from 'react';
import type { DeadlineWarning } from '../../../src-main/fiscal/monitor/fiscal-monitor';
import './fiscal.css';

/** The core's deadline warnings, late ones first as the core orders them; red is loud on purpose. */
export function DeadlineWarnings({ warnings, action }: { warnings: DeadlineWarning[]; action?: ReactNode }) {
  if (warnings.length === 0) return null;
  return (
    <div className="deadline-warnings" data-testid="deadline-banner">
      {warnings.map((warning) => (
        <div
          key={warning.level}
          className={`deadline-warning ${warning.level}`}
          role={warning.level === 'overdue' ? 'alert' : 'status'}
          data-level={warning.level}
          data-testid="deadline-warning"
        >
          <span className="deadline-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="deadline-text">{warning.message}</span>
          {action}
        </div>
      ))}
    </div>
  );
}
