import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { screensFor } from './screens';
import './backoffice.css';

/** The screens this person may open, each with its key; nothing for a cashier (one screen only). */
export function ScreenNav() {
  const permissions = useSession((s) => s.actor?.permissions);
  const current = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  const entries = screensFor(permissions ?? []);
  if (entries.length < 2) return null;
  return (
    <nav className="screen-nav" aria-label="Pantallas">
      {entries.map((entry) => (
        <button
          key={entry.id}
          type="button"
          className={`key-button ${entry.id === current ? 'active' : ''}`}
          aria-current={entry.id === current ? 'page' : undefined}
          aria-label={entry.shortLabel && entry.key ? `${entry.label} (${entry.key})` : undefined}
          title={entry.shortLabel ? entry.label : undefined}
          onClick={() => go(entry.id)}
          data-testid={`nav-${entry.id}`}
        >
          {entry.key && <kbd>{entry.key}</kbd>}
          <span>{entry.shortLabel ?? entry.label}</span>
        </button>
      ))}
    </nav>
  );
}
