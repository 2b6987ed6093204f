import type { DocType, FiscalStatus } from '../../db/schema';

export interface VoidCandidate {
  docType: DocType;
  /** `YYYY-MM-DD`, Lima. */
  issueDate: string;
  voided: boolean;
  noteCount: number;
  fiscalStatus: FiscalStatus | null;
}

/**
 * Why the sale cannot be voided today, or null. A void cancels the whole sale the day it was
 * made (boleta: Resumen Diario condition 3; factura: Comunicación de Baja); later, or once a
 * note modified it, the way back is a nota de crédito. Phrased for "No se puede anular: …".
 */
export function voidBlocker(sale: VoidCandidate, today: string): string | null {
  if (sale.voided) return 'la venta ya fue anulada';
  if (sale.issueDate !== today) {
    return `solo se anulan ventas del mismo día (esta es del ${dayMonthYear(sale.issueDate)}); registre una devolución con nota de crédito`;
  }
  if (sale.noteCount > 0) {
    return 'la venta ya tiene notas emitidas; registre una devolución con nota de crédito por lo que queda';
  }
  if (sale.docType === '01' && sale.fiscalStatus === 'rejected') {
    return 'SUNAT rechazó esta factura: no existe para SUNAT y no se comunica de baja';
  }
  return null;
}

function dayMonthYear(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
