import { useEffect } from 'react';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { DebitNoteDialog } from './DebitNoteDialog';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import { ReturnDialog } from './ReturnDialog';
import { SaleDetailPanel } from './SaleDetailPanel';
import { VoidDialog } from './VoidDialog';
import { search } from './history-actions';
import { useHistory } from './history-store';
import './history.css';

/**
 * Historial de ventas: find a sale, see its lines, notes and SUNAT status, and from there
 * return goods (nota de crédito), void it the same day or raise it (nota de débito). Each of
 * those asks for a supervisor's PIN when the person lacks the permission (api/client).
 */
export function SaleHistoryScreen() {
  const notice = useHistory((s) => s.notice);
  const say = useHistory((s) => s.say);

  useEffect(() => {
    void search(useHistory.getState().page);
  }, []);

  return (
    <BackOfficePage title="Historial de ventas" testId="sale-history-screen">
      <HistoryFilters />
      {notice && (
        <p
          className={notice.kind === 'error' ? 'dialog-error' : 'history-notice'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="history-notice"
        >
          {notice.text}
          <button type="button" className="ghost" onClick={() => say(null)} aria-label="Cerrar aviso">
            ✕
          </button>
        </p>
      )}
      <div className="history-layout">
        <HistoryList />
        <SaleDetailPanel />
      </div>
      <HistoryDialogs />
    </BackOfficePage>
  );
}

function HistoryDialogs() {
  const dialog = useHistory((s) => s.dialog);
  const detail = useHistory((s) => s.detail);
  if (!dialog || !detail) return null;
  switch (dialog) {
    case 'return':
      return <ReturnDialog detail={detail} />;
    case 'void':
      return <VoidDialog detail={detail} />;
    case 'debit':
      return <DebitNoteDialog detail={detail} />;
  }
}
