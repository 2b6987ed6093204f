import type { FiscalDocType } from '../../../db/schema';

/**
 * Legal sending limits (sunat.md §1.7). Facturas and their notes: 3 calendar days counted from
 * the day after issue (RS 000003-2023/SUNAT). The boleta and baja limits are not confirmed
 * against the current resolution, so they are store settings with conservative defaults.
 */
export interface DeadlineRules {
  /** Boletas and their notes, by Resumen Diario or one by one. */
  boletaDeadlineDays: number;
  /** Comunicación de baja, counted from the issue date of the voided factura. */
  voidDeadlineDays: number;
}

export const FACTURA_DEADLINE_DAYS = 3;

/** `F…` series belong to facturas (and their notes); `B…` to boletas. */
export function isFacturaSeries(serie: string): boolean {
  return serie.startsWith('F');
}

/** Last calendar day (inclusive) on which SUNAT must receive the document. */
export function deadlineDate(
  docType: FiscalDocType,
  serie: string,
  issueDate: string,
  rules: DeadlineRules,
): string {
  switch (docType) {
    case '01':
      return addDays(issueDate, FACTURA_DEADLINE_DAYS);
    case '03':
      return addDays(issueDate, rules.boletaDeadlineDays);
    case '07':
    case '08':
      return addDays(issueDate, isFacturaSeries(serie) ? FACTURA_DEADLINE_DAYS : rules.boletaDeadlineDays);
    case 'RC':
      // The RC's own limit is that of the boletas it reports (its reference date).
      return addDays(issueDate, rules.boletaDeadlineDays);
    case 'RA':
      return addDays(issueDate, rules.voidDeadlineDays);
  }
}

export type DeadlineLevel = 'ok' | 'due-soon' | 'overdue';

/** `due-soon` from the day before the limit; `overdue` once the limit has passed. */
export function deadlineLevel(deadline: string, today: string): DeadlineLevel {
  if (today > deadline) return 'overdue';
  if (today >= addDays(deadline, -1)) return 'due-soon';
  return 'ok';
}

export function addDays(isoDate: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
