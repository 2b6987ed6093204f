import type { SaleHistoryDetail } from '../../../src-main/api/returns-contract';
import { DOC_TYPE_NAMES, IDENTITY_DOC_NAMES } from '../../shared/documents';
import { formatQuantity, formatSoles } from '../../shared/format';
import { reprint } from '../devices/printer-actions';
import { StatusBadge } from '../fiscal/StatusBadge';
import { ColumnHeads } from './ColumnHeads';
import { formatDateTime } from './history-format';
import { NOTE_TYPE_NAMES, noteReasonName, REFUND_NAMES } from './history-labels';
import { useHistory } from './history-store';

/** One sale in full: what was sold and returned, its notes, its void, where SUNAT stands, and what can be done. */
export function SaleDetailPanel() {
  const detail = useHistory((s) => s.detail);
  const error = useHistory((s) => s.detailError);
  const selectedId = useHistory((s) => s.selectedId);
  if (error) {
    return (
      <section className="panel history-detail">
        <p className="dialog-error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!selectedId || !detail) {
    return (
      <section className="panel history-detail muted" data-testid="history-detail-empty">
        {selectedId ? 'Cargando la venta…' : 'Elija una venta de la lista para ver su detalle.'}
      </section>
    );
  }
  return <SaleDetail detail={detail} />;
}

function SaleDetail({ detail }: { detail: SaleHistoryDetail }) {
  const openDialog = useHistory((s) => s.openDialog);
  const { sale, fiscal } = detail;
  return (
    <section
      className="panel history-detail"
      aria-label={`Venta ${sale.number}`}
      data-testid="history-detail"
    >
      <header className="history-detail-head">
        <h2 data-testid="history-detail-number">
          {DOC_TYPE_NAMES[sale.docType]} {sale.number}
        </h2>
        <strong className="history-detail-total">{formatSoles(sale.totals.totalCents)}</strong>
      </header>
      <dl className="facts">
        <div>
          <dt>Fecha</dt>
          <dd>{formatDateTime(sale.issuedAt)}</dd>
        </div>
        <div>
          <dt>Cajero</dt>
          <dd>{sale.cashier}</dd>
        </div>
        <div>
          <dt>Cliente</dt>
          <dd>
            {sale.customer
              ? `${sale.customer.name} (${IDENTITY_DOC_NAMES[sale.customer.docType] ?? 'Doc.'} ${sale.customer.docNumber})`
              : 'Sin identificar'}
          </dd>
        </div>
        <div>
          <dt>Estado SUNAT</dt>
          <dd data-testid="history-detail-fiscal">
            {fiscal ? (
              <>
                <StatusBadge document={fiscal} /> <span className="muted">{fiscal.fileName}</span>
                {fiscal.sunatMessage && <span className="history-sunat-message">{fiscal.sunatMessage}</span>}
              </>
            ) : (
              'Sin comprobante electrónico'
            )}
          </dd>
        </div>
      </dl>

      {detail.void && (
        <div className="history-void" role="status" data-testid="history-detail-void">
          <strong>Venta anulada</strong> el {formatDateTime(detail.void.voidedAt)} por {detail.void.userName}
          {detail.void.approverName && detail.void.approverName !== detail.void.userName
            ? `, autorizó ${detail.void.approverName}`
            : ''}
          . Motivo: {detail.void.reason}.
          {detail.void.report ? (
            <span>
              {' '}
              Informada en {detail.void.report.number}: <StatusBadge document={detail.void.report} />
            </span>
          ) : (
            <span> Se informará a SUNAT en el próximo resumen diario.</span>
          )}
        </div>
      )}

      <LinesTable detail={detail} />
      <NotesTable detail={detail} />

      <div className="history-actions">
        <button
          type="button"
          className="primary"
          disabled={!detail.returnable}
          onClick={() => openDialog('return')}
          data-testid="history-return"
        >
          Devolución
        </button>
        <button
          type="button"
          className="danger"
          disabled={detail.void !== null}
          onClick={() => openDialog('void')}
          data-testid="history-void"
        >
          Anular venta
        </button>
        <button
          type="button"
          disabled={detail.void !== null}
          onClick={() => openDialog('debit')}
          data-testid="history-debit"
        >
          Nota de débito
        </button>
        <button
          type="button"
          onClick={() => void reprint({ saleId: detail.sale.id })}
          data-testid="history-reprint"
        >
          Reimprimir comprobante
        </button>
      </div>
      {detail.voidBlocker && !detail.void && (
        <p className="muted history-hint" data-testid="history-void-hint">
          No se puede anular: {detail.voidBlocker}.
        </p>
      )}
    </section>
  );
}

function LinesTable({ detail }: { detail: SaleHistoryDetail }) {
  return (
    <table className="data-table history-table compact" data-testid="history-lines">
      <caption>Productos</caption>
      <ColumnHeads
        columns={[
          { label: 'Producto' },
          { label: 'Cantidad', numeric: true },
          { label: 'Devuelto', numeric: true },
          { label: 'Importe', numeric: true },
        ]}
      />
      <tbody>
        {detail.lines.map((line) => (
          <tr key={line.lineNo} data-testid="history-line">
            <td className="wrap">{line.description}</td>
            <td className="num">{formatQuantity(line.quantityMilli, line.unit)}</td>
            <td className="num" data-testid="history-line-returned">
              {line.returnedMilli > 0 ? formatQuantity(line.returnedMilli, line.unit) : '—'}
            </td>
            <td className="num">{formatSoles(line.amountCents + line.icbperCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NotesTable({ detail }: { detail: SaleHistoryDetail }) {
  if (detail.notes.length === 0) return null;
  return (
    <section aria-label="Notas emitidas">
      <h3 className="history-subtitle">Notas emitidas</h3>
      <ul className="history-notes" data-testid="history-notes">
        {detail.notes.map((note) => (
          <li key={note.id} className="history-note" data-testid="history-note">
            <div className="history-note-head">
              <strong>
                {NOTE_TYPE_NAMES[note.noteType]} {note.number}
              </strong>
              <strong className="num">{formatSoles(note.totalCents)}</strong>
            </div>
            <div>
              {noteReasonName(note.noteType, note.reasonCode)}: {note.reasonText}
            </div>
            <div className="history-note-foot">
              <small className="muted">
                {formatDateTime(note.issuedAt)}
                {note.refundMethod &&
                  ` · reembolso ${REFUND_NAMES[note.refundMethod].toLowerCase()} ${formatSoles(note.refundCents)}`}
                {note.noteType === '07' && !note.restock && ' · sin reponer stock'}
              </small>
              {note.fiscal && <StatusBadge document={note.fiscal} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
