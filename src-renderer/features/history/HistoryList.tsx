import type { KeyboardEvent } from 'react';
import type { SaleHistoryItem } from '../../../src-main/api/returns-contract';
import { DOC_TYPE_NAMES } from '../../shared/documents';
import { formatSoles } from '../../shared/format';
import { StatusBadge } from '../fiscal/StatusBadge';
import { ColumnHeads } from './ColumnHeads';
import { search, select } from './history-actions';
import { formatDateTime } from './history-format';
import { PAGE_SIZE, useHistory } from './history-store';

/** The sales found, newest first: number, date, type, total, SUNAT status, void and notes. */
export function HistoryList() {
  const result = useHistory((s) => s.result);
  const page = useHistory((s) => s.page);
  const loading = useHistory((s) => s.loading);
  const error = useHistory((s) => s.listError);
  const selectedId = useHistory((s) => s.selectedId);

  if (error) {
    return (
      <section className="history-list">
        <p className="dialog-error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!result) return <section className="history-list muted">Cargando ventas…</section>;
  const first = page * PAGE_SIZE;
  return (
    <section className="history-list" aria-label="Ventas" aria-busy={loading}>
      {result.items.length === 0 ? (
        <p className="empty-note muted" data-testid="history-empty">
          No hay ventas con esos datos.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table history-table" data-testid="history-table">
            <ColumnHeads
              columns={[
                { label: 'Número' },
                { label: 'Fecha' },
                { label: 'Total', numeric: true },
                { label: 'Estado SUNAT' },
                { label: 'Anulada' },
                { label: 'Notas' },
              ]}
            />
            <tbody>
              {result.items.map((item) => (
                <HistoryRow key={item.id} item={item} selected={item.id === selectedId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="history-pager">
        <span className="muted" data-testid="history-count">
          {result.total === 0
            ? 'Sin resultados'
            : `${first + 1}–${first + result.items.length} de ${result.total}`}
        </span>
        <button type="button" disabled={page === 0 || loading} onClick={() => void search(page - 1)}>
          Anterior
        </button>
        <button
          type="button"
          disabled={first + result.items.length >= result.total || loading}
          onClick={() => void search(page + 1)}
        >
          Siguiente
        </button>
      </div>
    </section>
  );
}

function HistoryRow({ item, selected }: { item: SaleHistoryItem; selected: boolean }) {
  const open = () => void select(item.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  return (
    <tr
      className={`${selected ? 'selected' : ''} ${item.void ? 'voided' : ''}`}
      onClick={open}
      onKeyDown={onKeyDown}
      tabIndex={0}
      aria-selected={selected}
      data-testid="history-row"
      data-number={item.number}
    >
      <td>
        <strong>{item.number}</strong>
        <br />
        <small className="muted">{DOC_TYPE_NAMES[item.docType]}</small>
      </td>
      <td>{formatDateTime(item.issuedAt)}</td>
      <td className="num" data-testid="history-row-total">
        {formatSoles(item.totalCents)}
      </td>
      <td>{item.fiscal ? <StatusBadge document={item.fiscal} /> : <span className="muted">—</span>}</td>
      <td>
        {item.void ? (
          <span className="void-tag" data-testid="history-row-voided">
            {item.fiscal?.voidConfirmed ? 'Sí, baja aceptada' : 'Sí'}
          </span>
        ) : (
          <span className="muted">No</span>
        )}
      </td>
      <td className="wrap" data-testid="history-row-notes">
        {item.notes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          item.notes.map((note) => note.number).join(', ')
        )}
      </td>
    </tr>
  );
}
