import { useState, type FormEvent } from 'react';
import type { SaleHistoryDetail } from '../../../src-main/api/returns-contract';
import { api } from '../../api/client';
import { formatSoles } from '../../shared/format';
import { useBusyAction } from '../../shared/hooks';
import { changed } from './history-actions';
import { HistoryFormDialog } from './HistoryFormDialog';

/** Anular venta: the whole sale, the same day only. Whether it may is the core's call; this shows its reason. */
export function VoidDialog({ detail }: { detail: SaleHistoryDetail }) {
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useBusyAction();
  const { sale } = detail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError('Escriba el motivo de la anulación (al menos 3 letras); va a SUNAT.');
      return;
    }
    await run(async () => {
      const voided = await api.call('returns.void', { saleId: sale.id, reason: reason.trim() });
      const how = voided.communication
        ? `La comunicación de baja ${voided.communication.number} quedó en cola para SUNAT.`
        : 'SUNAT la recibirá como anulada en el resumen diario.';
      await changed(
        `Venta ${voided.number} anulada: devuelva ${formatSoles(sale.totals.totalCents)} al cliente. ${how}`,
      );
    });
  };

  return (
    <HistoryFormDialog
      title={`Anular ${sale.number}`}
      testIds={{ dialog: 'void-dialog', error: 'void-error', submit: 'void-submit' }}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Anular venta"
      submitClassName="danger"
      cancelLabel="No anular (Esc)"
    >
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
    </HistoryFormDialog>
  );
}
