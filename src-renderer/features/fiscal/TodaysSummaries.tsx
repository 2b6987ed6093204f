import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { StatusBadge } from './StatusBadge';
import { formatTimestamp } from './fiscal-labels';

/** Today's Resumen Diario (the boletas' way to SUNAT) and the ticket SUNAT gave for it. */
export function TodaysSummaries({ summaries }: { summaries: FiscalDocumentView[] }) {
  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="fiscal-summaries">
      <h2 id="summary-title">Resumen diario de hoy</h2>
      {summaries.length === 0 ? (
        <p className="muted">
          Aún no se generó el resumen de hoy: las boletas esperan a que se agrupen para enviarse.
        </p>
      ) : (
        <ul className="summary-list">
          {summaries.map((summary) => (
            <li key={summary.id} data-testid="fiscal-summary">
              <div className="summary-head">
                <strong className="mono">{summary.number}</strong>
                <StatusBadge document={summary} />
              </div>
              <dl className="facts">
                <div>
                  <dt>Generado</dt>
                  <dd>{formatTimestamp(summary.issuedAt)}</dd>
                </div>
                <div>
                  <dt>Ticket</dt>
                  <dd className="mono" data-testid="fiscal-summary-ticket">
                    {summary.ticket ?? 'Sin ticket todavía'}
                  </dd>
                </div>
                {summary.sunatCode && (
                  <div>
                    <dt>SUNAT</dt>
                    <dd>
                      {summary.sunatCode} — {summary.sunatMessage}
                    </dd>
                  </div>
                )}
                {summary.lastError && (
                  <div>
                    <dt>Último error</dt>
                    <dd>{summary.lastError}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
