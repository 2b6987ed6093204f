import { useSession } from '../../state/session-store';
import { ROLE_NAMES } from '../../shared/roles';
import { logout } from '../login/session-actions';

export function SaleHeader() {
  const store = useSession((s) => s.store);
  const actor = useSession((s) => s.actor);
  return (
    <header className="sale-header">
      <div className="sale-header-store">
        <strong data-testid="header-store">{store?.tradeName ?? 'Mostrador'}</strong>
        <span className="terminal-badge" data-testid="header-terminal">
          {store?.terminalCode}
        </span>
      </div>
      <div className="sale-header-user">
        <span data-testid="header-cashier">
          {actor?.fullName} <small>({actor ? ROLE_NAMES[actor.role] : ''})</small>
        </span>
        <button type="button" className="ghost" onClick={() => void logout()} data-testid="logout">
          Salir
        </button>
      </div>
    </header>
  );
}
