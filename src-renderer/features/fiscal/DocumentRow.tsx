import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { formatSoles } from '../../shared/format';
import { StatusBadge } from './StatusBadge';
import { DOC_TYPE_NAMES, formatDay, formatTimestamp } from './fiscal-labels';

export type RowAction = 'retry' | 'xml' | 'cdr';

const DEADLINE_NOTES = { 'due-soon': 'Vence pronto', overdue: 'Vencido' } as const;

/** Statuses where a person's "try again" makes sense; the core has the last word. */
const RETRYABLE = new Set<FiscalDocumentView['status']>(['pending', 'needs_attention']);

/** Day over time: the table has many columns to fit on a till's screen. */
function IssuedAt({ iso }: { iso: string }) {
  const [day, time] = formatTimestamp(iso).split(' ');
  return (
    <>
      {day}
      <small className="muted block">{time}</small>
    </>
  );
}

/** One document of the SUNAT queue with everything the core knows about it, and what can be done. */
export function DocumentRow({
  document: doc,
  busy,
  onAction,
}: {
  document: FiscalDocumentView;
  busy: RowAction | null;
  onAction(action: RowAction, document: FiscalDocumentView): void;
}) {
  return (
    <tr className={`deadline-${doc.deadlineLevel}`} data-testid={`fiscal-row-${doc.number}`}>
      <td className="mono strong nowrap">{doc.number}</td>
      <td>
        {DOC_TYPE_NAMES[doc.docType]}
        {doc.voided && <span className="tag">Anulado</span>}
      </td>
      <td className="nowrap">
        <IssuedAt iso={doc.issuedAt} />
      </td>
      <td className="num">{formatSoles(doc.totalCents)}</td>
      <td>
        <StatusBadge document={doc} />
        {doc.summaryNumber && <small className="muted block">en {doc.summaryNumber}</small>}
      </td>
      <td className="wrap" data-testid="fiscal-sunat">
        {doc.sunatCode && (
          <span>
            <strong>{doc.sunatCode}</strong> {doc.sunatMessage}
          </span>
        )}
        {doc.observations.length > 0 && (
          <ul className="observations" aria-label="Observaciones de SUNAT">
            {doc.observations.map((note) => (
              <li key={note.code}>
                <strong>{note.code}</strong> {note.message}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {formatDay(doc.deadlineDate)}
        {doc.deadlineLevel !== 'ok' && (
          <span className={`tag deadline-tag ${doc.deadlineLevel}`}>{DEADLINE_NOTES[doc.deadlineLevel]}</span>
        )}
      </td>
      <td className="num">
        {doc.attempts}
        {doc.nextAttemptAt && <small className="muted block">{formatTimestamp(doc.nextAttemptAt)}</small>}
      </td>
      <td className="wrap error-text">{doc.lastError}</td>
      <td className="mono ticket">{doc.ticket}</td>
      <td>
        <div className="row-actions">
          {RETRYABLE.has(doc.status) && (
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => onAction('retry', doc)}
              data-testid="fiscal-retry"
            >
              {busy === 'retry' ? 'Reintentando…' : 'Reintentar'}
            </button>
          )}
          {doc.status !== 'unsigned' && (
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => onAction('xml', doc)}
              aria-label={`Descargar XML de ${doc.number}`}
              data-testid="fiscal-xml"
            >
              XML
            </button>
          )}
          {doc.hasCdr && (
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => onAction('cdr', doc)}
              aria-label={`Descargar CDR de ${doc.number}`}
              data-testid="fiscal-cdr"
            >
              CDR
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
