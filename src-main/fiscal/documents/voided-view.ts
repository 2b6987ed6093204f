import type { SaleView } from '../../sales/sale-view';

/** Comunicación de baja (RA): facturas and their notes voided after they were accepted. */

export interface VoidedLine {
  docType: '01' | '07' | '08';
  serie: string;
  correlativo: number;
  /** Why it is voided, as the owner wrote it (3 to 100 characters). */
  reason: string;
}

export interface VoidedView {
  store: Pick<SaleView['store'], 'ruc' | 'legalName'>;
  /** `RA-YYYYMMDD-n`, the date being the issue date of the communication. */
  id: string;
  /** `YYYY-MM-DD`: the day the voided documents were issued. */
  referenceDate: string;
  /** `YYYY-MM-DD`: the day the communication is generated. */
  issueDate: string;
  lines: VoidedLine[];
}
