import { useState, type FormEvent } from 'react';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { openDrawer } from './printer-actions';

const REASONS = ['Cambio de sencillo', 'Revisión de caja', 'Corrección de vuelto'] as const;

/**
 * Opening the drawer without a sale: a supervisor's action (a cashier is asked for a
 * supervisor's PIN by the core), always with a reason, always audited.
 */
export function DrawerDialog() {
  const close = useUi((s) => s.close);
  const [reason, setReason] = useState<string>(REASONS[0]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    close();
    await openDrawer(reason);
  };

  return (
    <Dialog title="Abrir gaveta" testId="drawer-dialog" onClose={close}>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <label>
          Motivo
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-autofocus
            data-testid="drawer-reason"
          >
            {REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <p className="muted">Queda registrado quién la abrió y quién lo autorizó.</p>
        <button type="submit" className="primary" data-testid="drawer-confirm">
          Abrir gaveta
        </button>
      </form>
    </Dialog>
  );
}
