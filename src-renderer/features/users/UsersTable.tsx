import type { UserAccountView } from '../../../src-main/api/users-contract';
import { ROLE_NAMES } from '../../shared/roles';
import { lastLoginText, userState } from './users-format';

export type UserAction = 'edit' | 'pin' | 'deactivate' | 'reactivate' | 'unlock';

/** Everyone of the store, with what an administrador can do to each. */
export function UsersTable({
  users,
  selfId,
  busy,
  onAction,
}: {
  users: readonly UserAccountView[];
  /** The administrador looking: they cannot deactivate themselves. */
  selfId: string | null;
  busy: boolean;
  onAction(action: UserAction, user: UserAccountView): void;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table users-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">Nombre</th>
            <th scope="col">Usuario</th>
            <th scope="col">Rol</th>
            <th scope="col">Estado</th>
            <th scope="col">Último ingreso</th>
            <th scope="col">Acciones</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const state = userState(user);
            const self = user.userId === selfId;
            return (
              <tr
                key={user.userId}
                className={`users-row-${state.kind}`}
                data-testid={`user-row-${user.username}`}
              >
                <td className="strong">
                  {user.fullName}
                  {self && <span className="muted small"> (usted)</span>}
                </td>
                <td className="mono">{user.username}</td>
                <td data-testid={`user-role-${user.username}`}>{ROLE_NAMES[user.role]}</td>
                <td>
                  <span
                    className={`users-state users-state-${state.kind}`}
                    data-state={state.kind}
                    data-testid={`user-state-${user.username}`}
                  >
                    {state.label}
                  </span>
                  {state.kind === 'active' && user.failedPinAttempts > 0 && (
                    <span className="muted small"> · {user.failedPinAttempts} PIN errados</span>
                  )}
                </td>
                <td>{lastLoginText(user.lastLoginAt)}</td>
                <td>
                  <div className="users-actions">
                    <button
                      type="button"
                      onClick={() => onAction('edit', user)}
                      disabled={busy}
                      data-testid={`user-edit-${user.username}`}
                    >
                      Nombre y rol
                    </button>
                    <button
                      type="button"
                      onClick={() => onAction('pin', user)}
                      disabled={busy}
                      data-testid={`user-pin-${user.username}`}
                    >
                      Restablecer PIN
                    </button>
                    {user.lockedUntil && (
                      <button
                        type="button"
                        onClick={() => onAction('unlock', user)}
                        disabled={busy}
                        data-testid={`user-unlock-${user.username}`}
                      >
                        Desbloquear
                      </button>
                    )}
                    {user.active ? (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => onAction('deactivate', user)}
                        disabled={busy || self}
                        title={self ? 'No puede desactivar su propio usuario.' : undefined}
                        data-testid={`user-deactivate-${user.username}`}
                      >
                        Desactivar
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => onAction('reactivate', user)}
                        disabled={busy}
                        data-testid={`user-reactivate-${user.username}`}
                      >
                        Reactivar
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
