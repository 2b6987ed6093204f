import type { SaleView } from '../../sales/sale-view';

/**
 * A nota de crédito (07) or nota de débito (08) as the core computed it: the same facts as a
 * SaleView (lines and totals in integer céntimos, store, customer) plus why it is issued and
 * which factura or boleta it modifies.
 */

export type NoteType = '07' | '08';

/** Catálogo 09, tipo de nota de crédito. */
export const CREDIT_NOTE_REASONS = {
  '01': 'Anulación de la operación',
  '02': 'Anulación por error en el RUC',
  '03': 'Corrección por error en la descripción',
  '04': 'Descuento global',
  '05': 'Descuento por ítem',
  '06': 'Devolución total',
  '07': 'Devolución por ítem',
  '08': 'Bonificación',
  '09': 'Disminución en el valor',
  '10': 'Otros conceptos',
  '11': 'Ajustes de operaciones de exportación',
  '12': 'Ajustes afectos al IVAP',
  '13': 'Ajustes – montos y/o fechas de pago',
} as const;

/** Catálogo 10, tipo de nota de débito, as SUNAT's validation file has it (cat_10.xml, error 2172). */
export const DEBIT_NOTE_REASONS = {
  '01': 'Intereses por mora',
  '02': 'Aumento en el valor',
  '03': 'Penalidades/ otros conceptos',
  '11': 'Ajustes de operaciones de exportación',
  '12': 'Ajustes afectos al IVAP',
} as const;

export type CreditNoteReasonCode = keyof typeof CREDIT_NOTE_REASONS;
export type DebitNoteReasonCode = keyof typeof DEBIT_NOTE_REASONS;

/** The factura (01) or boleta (03) the note modifies. */
export interface NoteReference {
  docType: '01' | '03';
  serie: string;
  correlativo: number;
  /** `YYYY-MM-DD`, Lima. */
  issueDate: string;
}

interface NoteBase extends Pick<
  SaleView,
  'id' | 'serie' | 'correlativo' | 'issuedAt' | 'issueDate' | 'store' | 'customer' | 'lines' | 'totals'
> {
  reasonDescription: string;
  reference: NoteReference;
}

export interface CreditNoteView extends NoteBase {
  noteType: '07';
  reasonCode: CreditNoteReasonCode;
}

export interface DebitNoteView extends NoteBase {
  noteType: '08';
  reasonCode: DebitNoteReasonCode;
}

export type NoteView = CreditNoteView | DebitNoteView;
