import type { SaleView } from '../../sales/sale-view';
import type { DocumentTotals } from '../../sales/taxes';

/**
 * Resumen diario (RC): boletas and their notes of one day, reported together. Boletas are
 * voided here too (condition 3), never through a comunicación de baja.
 */

/** Catálogo 19: 1 adicionar, 2 modificar, 3 anular. */
export type SummaryCondition = 1 | 2 | 3;

export interface SummaryLine {
  docType: '03' | '07' | '08';
  serie: string;
  correlativo: number;
  condition: SummaryCondition;
  /** Catálogo 06 code and number; required when the total exceeds S/ 700. */
  customer: { docType: string; docNumber: string } | null;
  totals: DocumentTotals;
  /** For notes (07/08): the boleta they modify. */
  reference?: { docType: '03'; serie: string; correlativo: number };
}

export interface DailySummaryView {
  store: Pick<SaleView['store'], 'ruc' | 'legalName'>;
  /** `RC-YYYYMMDD-n`, the date being the issue date of the summary. */
  id: string;
  /** `YYYY-MM-DD`: the day the summarised documents were issued. */
  referenceDate: string;
  /** `YYYY-MM-DD`: the day the summary is generated. */
  issueDate: string;
  lines: SummaryLine[];
}
