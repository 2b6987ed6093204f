import { useEffect, useState } from 'react';
import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { errorMessage } from '../../api/client';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { CertificateSummary } from './CertificateSummary';
import { DeadlineWarnings } from './DeadlineWarnings';
import { DocumentTable } from './DocumentTable';
import type { RowAction } from './DocumentRow';
import { SenderPanel } from './SenderPanel';
import { TodaysSummaries } from './TodaysSummaries';
import { refreshOverview, useFiscal } from './fiscal-store';
import { downloadCdr, downloadXml, retryDocument, sendNow } from './monitor-actions';
import { filterOptions, isStatusFilter, type StatusFilter } from './status-filter';
import { useFiscalDocuments } from './use-fiscal-documents';
import './fiscal.css';

const PAGE = 100;
const MAX_PAGE = 500;

type Notice = { kind: 'error' | 'info'; text: string };

async function runAction(action: RowAction, doc: FiscalDocumentView): Promise<string | null> {
  switch (action) {
    case 'retry':
      return `${doc.number}: ${await retryDocument(doc.id)}.`;
    case 'xml':
      await downloadXml(doc.id);
      return null;
    case 'cdr':
      await downloadCdr(doc.id);
      return null;
  }
}

/** Monitor SUNAT: where every electronic document stands, why, and what to do about it. */
export function FiscalMonitorScreen() {
  const overview = useFiscal((s) => s.overview);
  const overviewError = useFiscal((s) => s.overviewError);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [limit, setLimit] = useState(PAGE);
  const { documents, error, reload } = useFiscalDocuments(filter, limit);
  const [busy, setBusy] = useState<{ id: string; action: RowAction } | null>(null);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    void refreshOverview();
  }, []);

  const onAction = async (action: RowAction, doc: FiscalDocumentView) => {
    setBusy({ id: doc.id, action });
    setNotice(null);
    try {
      const done = await runAction(action, doc);
      if (done) setNotice({ kind: 'info', text: done });
      if (action === 'retry') {
        reload();
        void refreshOverview();
      }
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure) });
    } finally {
      setBusy(null);
    }
  };

  const onSendNow = async () => {
    setSending(true);
    setNotice(null);
    try {
      await sendNow();
      reload();
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure) });
    } finally {
      setSending(false);
    }
  };

  return (
    <BackOfficePage title="Monitor SUNAT" testId="fiscal-monitor">
      {overview && <DeadlineWarnings warnings={overview.warnings} />}
      {overviewError && (
        <p className="dialog-error" role="alert">
          {overviewError}
        </p>
      )}
      {overview && (
        <div className="panel-grid">
          <SenderPanel sender={overview.sender} sending={sending} onSendNow={() => void onSendNow()} />
          <section className="panel" aria-labelledby="certificate-title">
            <h2 id="certificate-title">Certificado digital</h2>
            <CertificateSummary certificate={overview.certificate} />
          </section>
          <TodaysSummaries summaries={overview.todaysSummaries} />
        </div>
      )}

      <div className="toolbar">
        <label className="inline-label">
          Estado
          <select
            value={filter}
            onChange={(e) => {
              if (isStatusFilter(e.target.value)) setFilter(e.target.value);
              setLimit(PAGE);
            }}
            data-testid="fiscal-filter"
          >
            {filterOptions(overview ?? null).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload} data-testid="fiscal-reload">
          Actualizar
        </button>
        {notice && (
          <p
            className={notice.kind === 'error' ? 'dialog-error' : 'notice'}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            data-testid="fiscal-monitor-notice"
          >
            {notice.text}
          </p>
        )}
      </div>

      {error && (
        <p className="dialog-error" role="alert" data-testid="fiscal-documents-error">
          {error}
        </p>
      )}
      {documents === null && !error && <p className="muted">Cargando comprobantes…</p>}
      {documents?.length === 0 && (
        <p className="muted empty-note">
          {filter === 'all'
            ? 'Todavía no hay comprobantes electrónicos.'
            : 'No hay comprobantes con este estado.'}
        </p>
      )}
      {documents && documents.length > 0 && (
        <DocumentTable documents={documents} busy={busy} onAction={(a, d) => void onAction(a, d)} />
      )}
      {documents && documents.length >= limit && limit < MAX_PAGE && (
        <button type="button" onClick={() => setLimit((l) => Math.min(l + PAGE, MAX_PAGE))}>
          Mostrar más
        </button>
      )}
    </BackOfficePage>
  );
}
