import { useEffect } from 'react';
import { useBusyAction } from '../../shared/hooks';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerdict } from './AuditVerdict';
import { exportCsv, loadOptions, search, verifyChain } from './audit-actions';
import { useAudit } from './audit-store';
import './audit.css';

/**
 * Auditoría: who did what and who authorized it, filtered and paged; "Verificar cadena" proves
 * (or disproves) that nobody rewrote the log since it was written; "Exportar CSV" takes it to Excel.
 */
export function AuditScreen() {
  const verifying = useAudit((s) => s.verifying);
  const notice = useAudit((s) => s.notice);
  const say = useAudit((s) => s.say);
  const exporting = useBusyAction();

  useEffect(() => {
    void search();
    void loadOptions();
  }, []);

  return (
    <BackOfficePage title="Auditoría" testId="audit-screen">
      <div className="audit-toolbar">
        <AuditFilters />
        <div className="audit-tools">
          <button
            type="button"
            className="primary"
            disabled={verifying}
            onClick={() => void verifyChain()}
            data-testid="audit-verify"
          >
            {verifying ? 'Verificando…' : 'Verificar cadena'}
          </button>
          <button
            type="button"
            disabled={exporting.busy}
            onClick={() => void exporting.run(exportCsv)}
            data-testid="audit-export"
          >
            {exporting.busy ? 'Exportando…' : 'Exportar CSV'}
          </button>
        </div>
      </div>
      <AuditVerdict />
      {exporting.error && (
        <p className="dialog-error" role="alert" data-testid="audit-export-error">
          {exporting.error}
        </p>
      )}
      {notice && (
        <p
          className={`${notice.kind === 'error' ? 'dialog-error' : 'notice'} audit-notice`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="audit-notice"
        >
          {notice.text}
          <button type="button" className="ghost" onClick={() => say(null)} aria-label="Cerrar aviso">
            ✕
          </button>
        </p>
      )}
      <AuditTable />
    </BackOfficePage>
  );
}
