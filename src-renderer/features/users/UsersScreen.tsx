import { useState } from 'react';
import type { UserAccountView } from '../../../src-main/api/users-contract';
import { api } from '../../api/client';
import { useBusyAction, useLoaded } from '../../shared/hooks';
import { useSession } from '../../state/session-store';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { LoadStatus } from '../backoffice/LoadStatus';
import { SecuritySettingsPanel } from './SecuritySettingsPanel';
import { DeactivateDialog, EditUserDialog, NewUserDialog, ResetPinDialog } from './UserDialogs';
import { UsersTable, type UserAction } from './UsersTable';
import './users.css';

type OpenDialog = { kind: 'new' } | { kind: 'edit' | 'pin' | 'deactivate'; user: UserAccountView } | null;

/** Usuarios (administrador): the people of the store, their roles, PINs and locks, and the inactivity lock. */
export function UsersScreen() {
  const selfId = useSession((s) => s.actor?.userId ?? null);
  const { value: users, loadError, reload } = useLoaded(() => api.call('users.list'));
  const security = useLoaded(() => api.call('users.securitySettings'));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, setError, busy, run } = useBusyAction();

  const done = (message: string) => {
    setDialog(null);
    setError(null);
    setNotice(message);
    reload();
  };

  const act = (action: UserAction, user: UserAccountView) => {
    setNotice(null);
    if (action === 'reactivate') {
      void run(async () => {
        await api.call('users.reactivate', { userId: user.userId });
        done(`Usuario ${user.username} reactivado: ya puede ingresar de nuevo.`);
      });
    } else if (action === 'unlock') {
      void run(async () => {
        await api.call('users.unlock', { userId: user.userId });
        done(`Usuario ${user.username} desbloqueado.`);
      });
    } else {
      setDialog({ kind: action, user });
    }
  };

  const close = () => setDialog(null);

  return (
    <BackOfficePage title="Usuarios" testId="users-screen">
      <div className="users-toolbar">
        <p className="muted">
          Cajeros venden; supervisores además autorizan descuentos, devoluciones y la caja; administradores
          configuran la tienda y gestionan usuarios.
        </p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setNotice(null);
            setDialog({ kind: 'new' });
          }}
          data-testid="users-new"
        >
          Nuevo usuario
        </button>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="dialog-error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      <LoadStatus loaded={users !== null} error={loadError} onRetry={reload} testId="users-load-error" />
      {users && <UsersTable users={users} selfId={selfId} busy={busy} onAction={act} />}
      {security.value && <SecuritySettingsPanel saved={security.value} onSaved={security.reload} />}

      {dialog?.kind === 'new' && <NewUserDialog onClose={close} onDone={done} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={close} onDone={done} />}
      {dialog?.kind === 'pin' && <ResetPinDialog user={dialog.user} onClose={close} onDone={done} />}
      {dialog?.kind === 'deactivate' && <DeactivateDialog user={dialog.user} onClose={close} onDone={done} />}
    </BackOfficePage>
  );
}
