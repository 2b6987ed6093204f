import type { FiscalDocType, FiscalStatus } from '../../db/schema';
import type { DeadlineLevel } from './deadlines/deadlines';
import type { FiscalNote } from './queue/fiscal-queue';

/** Where a document stands with SUNAT, as the counter, the receipt and the monitor show it. */
export interface FiscalDocumentView {
  id: string;
  docType: FiscalDocType;
  /** `B001-00000007`, `RC-20261123-1`. */
  number: string;
  fileName: string;
  issuedAt: string;
  issueDate: string;
  totalCents: number;
  delivery: 'bill' | 'summary';
  status: FiscalStatus;
  /** Spanish label of the status: "Pendiente de envío", "Aceptado", … */
  statusLabel: string;
  digestValue: string | null;
  sunatCode: string | null;
  sunatMessage: string | null;
  observations: FiscalNote[];
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  ticket: string | null;
  deadlineDate: string;
  deadlineLevel: DeadlineLevel;
  voided: boolean;
  hasCdr: boolean;
  saleId: string | null;
  noteId: string | null;
  /** The RC that carried it (boletas), by number. */
  summaryNumber: string | null;
}

/** What the sale screen and the receipt need right after a sale. */
export interface SaleFiscalView {
  fileName: string;
  status: FiscalStatus;
  statusLabel: string;
  digestValue: string | null;
  qrText: string | null;
  observations: FiscalNote[];
}

export const STATUS_LABELS: Record<FiscalStatus, string> = {
  unsigned: 'Sin firmar',
  pending: 'Pendiente de envío',
  sent: 'Enviado, esperando respuesta',
  accepted: 'Aceptado',
  observed: 'Aceptado con observaciones',
  rejected: 'Rechazado',
  needs_attention: 'Requiere atención',
};
