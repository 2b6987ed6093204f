import { Fragment } from 'react';
import type { AuditEntryView } from '../../../src-main/api/audit-contract';
import { ColumnHeads } from '../history/ColumnHeads';
import { search } from './audit-actions';
import { actionLabel, entityLabel, formatAuditTime, summarizeData } from './audit-format';
import { useAudit } from './audit-store';

const COLUMNS = [
  { label: 'Fecha y hora' },
  { label: 'Caja' },
  { label: 'Usuario' },
  { label: 'Autorizó' },
  { label: 'Acción' },
  { label: 'Entidad' },
  { label: 'Detalle' },
];

/** The entries found, newest first; a row opens to its full data. */
export function AuditTable() {
  const entries = useAudit((s) => s.entries);
  const loaded = useAudit((s) => s.loaded);
  const loading = useAudit((s) => s.loading);
  const error = useAudit((s) => s.listError);
  const more = useAudit((s) => s.nextBeforeSeq !== null);
  const expanded = useAudit((s) => s.expanded);
  const brokenSeq = useAudit((s) => (s.verdict && !s.verdict.ok ? s.verdict.firstBroken.seq : null));

  if (error) {
    return (
      <div className="stack">
        <p className="dialog-error" role="alert" data-testid="audit-error">
          {error}
        </p>
        <button type="button" onClick={() => void search()}>
          Reintentar
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="muted">Cargando auditoría…</p>;
  return (
    <section className="audit-list" aria-label="Entradas de auditoría" aria-busy={loading}>
      {entries.length === 0 ? (
        <p className="empty-note muted" data-testid="audit-empty">
          No hay entradas con esos filtros.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table audit-table" data-testid="audit-table">
            <ColumnHeads columns={COLUMNS} />
            <tbody>
              {entries.map((entry) => (
                <AuditRow
                  key={entry.seq}
                  entry={entry}
                  open={expanded.has(entry.seq)}
                  broken={entry.seq === brokenSeq}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="audit-pager">
        <span className="muted" data-testid="audit-count">
          {entries.length === 0
            ? ''
            : `${entries.length} ${entries.length === 1 ? 'entrada' : 'entradas'}${more ? ' (hay más)' : ''}`}
        </span>
        {more && (
          <button type="button" disabled={loading} onClick={() => void search(true)} data-testid="audit-more">
            Cargar más
          </button>
        )}
      </div>
    </section>
  );
}

function AuditRow({ entry, open, broken }: { entry: AuditEntryView; open: boolean; broken: boolean }) {
  const toggle = useAudit((s) => s.toggle);
  const detailId = `audit-detail-${entry.seq}`;
  return (
    <Fragment>
      <tr
        className={`${broken ? 'broken' : ''} ${open ? 'open' : ''}`}
        data-testid="audit-row"
        data-seq={entry.seq}
        data-action={entry.action}
      >
        <td className="nowrap">{formatAuditTime(entry.at)}</td>
        <td className="nowrap">
          {entry.terminalCode ?? <span className="muted">{entry.terminalId.slice(0, 8)}</span>}
        </td>
        <td>{entry.userName ?? <span className="muted">—</span>}</td>
        <td>{entry.approverName ?? <span className="muted">—</span>}</td>
        <td>
          {actionLabel(entry.action)}
          <br />
          <small className="mono muted">{entry.action}</small>
        </td>
        <td>
          {entityLabel(entry.entityType)}
          {entry.entityId && (
            <>
              <br />
              {/* The tail: ids are time-ordered (UUIDv7), so their heads look alike. */}
              <small className="mono muted" title={entry.entityId}>
                …{entry.entityId.slice(-8)}
              </small>
            </>
          )}
        </td>
        <td className="audit-detail-cell">
          <button
            type="button"
            className="ghost audit-expand"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => toggle(entry.seq)}
            data-testid="audit-row-toggle"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span className="audit-summary">
              {summarizeData(entry.data, 140, entry.action) || 'Sin detalle'}
            </span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="audit-detail-row" id={detailId} data-testid="audit-row-detail">
          <td colSpan={COLUMNS.length}>
            <dl className="facts audit-facts">
              <div>
                <dt>N.º de entrada</dt>
                <dd>{entry.seq}</dd>
              </div>
              <div>
                <dt>ID de la entrada</dt>
                <dd className="mono">{entry.id}</dd>
              </div>
              {entry.entityId && (
                <div>
                  <dt>ID de {entityLabel(entry.entityType).toLowerCase()}</dt>
                  <dd className="mono">{entry.entityId}</dd>
                </div>
              )}
              <div>
                <dt>Fecha y hora</dt>
                <dd className="mono">{entry.at}</dd>
              </div>
            </dl>
            <pre className="audit-json">{JSON.stringify(entry.data, null, 2)}</pre>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
