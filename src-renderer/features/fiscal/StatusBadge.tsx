import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { STATUS_TONES } from './fiscal-labels';
import './fiscal.css';

/** The core's status label, coloured by how urgent it is. */
export function StatusBadge({ document }: { document: Pick<FiscalDocumentView, 'status' | 'statusLabel'> }) {
  return (
    <span
      className={`status-badge tone-${STATUS_TONES[document.status]}`}
      data-status={document.status}
      data-testid="fiscal-status"
    >
      {document.statusLabel}
    </span>
  );
}
