import { useSession } from '../state/session-store';
import { ROLE_NAMES } from '../shared/roles';
import { ScreenNav } from '../features/backoffice/ScreenNav';
import { logout } from '../features/login/session-actions';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import './top-bar.css';

/** Store and terminal, the screens this person may open, headquarters' sync, and who is signed in. */
export function TopBar() {
  const store = useSession((s) => s.store);
  const actor = useSession((s) => s.actor);
  return (
    <header className="top-bar">
      <div className="top-bar-store">
        <strong data-testid="header-store">{store?.tradeName ?? 'Mostrador'}</strong>
        <div className="top-bar-terminal">
          <span className="terminal-badge" data-testid="header-terminal">
            {store?.terminalCode}
          </span>
          <SyncIndicator />
        </div>
      </div>
      <ScreenNav />
      <div className="top-bar-user">
        <span
          className="top-bar-person"
          data-testid="header-cashier"
          title={actor ? `${actor.fullName} (${ROLE_NAMES[actor.role]})` : undefined}
        >
          {actor?.fullName} <small>({actor ? ROLE_NAMES[actor.role] : ''})</small>
        </span>
        <button type="button" className="ghost" onClick={() => void logout()} data-testid="logout">
          Salir
        </button>
      </div>
    </header>
  );
}
