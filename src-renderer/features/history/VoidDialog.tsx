import { useState, type FormEvent } from 'react';
import type { SaleHistoryDetail } from '../../../src-main/api/returns-contract';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../shared/Dialog';
import { formatSoles } from '../../shared/format';
import { changed } from './history-actions';
import { useHistory } from './history-store';
import { StopNavigationKeys } from './StopNavigationKeys';

/** Anular venta: the whole sale, the same day only. Whether it may is the core's call; this shows its reason. */
export function VoidDialog({ detail }: { detail: SaleHistoryDetail }) {
  const close = useHistory((s) => s.closeDialog);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { sale } = detail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError('Escriba el motivo de la anulación (al menos 3 letras); va a SUNAT.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const voided = await api.call('returns.void', { saleId: sale.id, reason: reason.trim() });
      const how = voided.communication
        ? `La comunicación de baja ${voided.communication.number} quedó en cola para SUNAT.`
        : 'SUNAT la recibirá como anulada en el resumen diario.';
      await changed(
        `Venta ${voided.number} anulada: devuelva ${formatSoles(sale.totals.totalCents)} al cliente. ${how}`,
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Anular ${sale.number}`} testId="void-dialog" onClose={close}>
      <StopNavigationKeys>
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <p className="lead">
            Se anula la venta completa ({formatSoles(sale.totals.totalCents)}) y todo vuelve al stock. Solo se
            puede el mismo día de la venta; después, registre una devolución.
          </p>
          {detail.voidBlocker && (
            <p className="history-warning" role="status" data-testid="void-blocker">
              No se puede anular: {detail.voidBlocker}.
            </p>
          )}
          <label>
            Motivo (va a SUNAT)
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={100}
              placeholder="Ej.: el cliente desistió de la compra"
              autoComplete="off"
              data-autofocus
              data-testid="void-reason"
            />
          </label>
          {error && (
            <p className="dialog-error" role="alert" data-testid="void-error">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="danger" disabled={busy} data-testid="void-submit">
              Anular venta
            </button>
            <button type="button" onClick={close}>
              No anular (Esc)
            </button>
          </div>
        </form>
      </StopNavigationKeys>
    </Dialog>
  );
}
