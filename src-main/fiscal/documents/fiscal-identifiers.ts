import { isCalendarDate } from '../ubl/ubl-dates';
import { FiscalDocumentError } from './fiscal-document-error';

/**
 * Formats SUNAT checks on identifiers (sunat.md §1.4): RUC, series, correlativos and the
 * `RC-YYYYMMDD-n` / `RA-YYYYMMDD-n` ids of summaries. Shared by the builders and the file names.
 */

export const MAX_CORRELATIVO = 99_999_999;

/** Electronic series: F… facturas and their notes, B… boletas and their notes. */
export const FACTURA_SERIES = /^F[A-Z0-9]{3}$/;
export const BOLETA_SERIES = /^B[A-Z0-9]{3}$/;

export type SummaryKind = 'RC' | 'RA';

export interface SummaryId {
  kind: SummaryKind;
  /** `YYYY-MM-DD` */
  date: string;
  sequence: number;
}

export function assertRuc(ruc: string): void {
  if (!/^\d{11}$/.test(ruc)) {
    throw new FiscalDocumentError('invalid-ruc', `El RUC ${ruc} no es válido: debe tener 11 dígitos.`);
  }
}

export function assertCorrelativo(correlativo: number, label: string): void {
  if (!Number.isSafeInteger(correlativo) || correlativo < 1 || correlativo > MAX_CORRELATIVO) {
    throw new FiscalDocumentError(
      'invalid-correlativo',
      `El número de ${label} (${correlativo}) no es válido: debe ser un entero de 1 a ${MAX_CORRELATIVO}.`,
    );
  }
}

export function assertCalendarDate(value: string, label: string): void {
  if (!isCalendarDate(value)) {
    throw new FiscalDocumentError('invalid-date', `La fecha ${label} (${value}) no es válida.`);
  }
}

/** `RC-20261123-1` → kind, date and sequence (1 to 5 digits, not zero); null if malformed. */
export function parseSummaryId(id: string): SummaryId | null {
  const match = /^(RC|RA)-(\d{4})(\d{2})(\d{2})-(\d{1,5})$/.exec(id);
  if (!match) return null;
  const date = `${match[2]}-${match[3]}-${match[4]}`;
  const sequence = Number(match[5]);
  if (!isCalendarDate(date) || sequence < 1) return null;
  return { kind: match[1] as SummaryKind, date, sequence };
}

/**
 * The id's date must be the issue date (SUNAT 2346) and the documents' date cannot be later
 * than it (2671).
 */
export function assertSummaryDates(
  doc: { id: string; referenceDate: string; issueDate: string },
  kind: SummaryKind,
): void {
  const label = kind === 'RC' ? 'del resumen diario' : 'de la comunicación de baja';
  const parsed = parseSummaryId(doc.id);
  if (!parsed || parsed.kind !== kind) {
    throw new FiscalDocumentError(
      'invalid-summary-id',
      `El identificador ${label} (${doc.id}) no es válido: debe ser ${kind}-AAAAMMDD-n.`,
    );
  }
  assertCalendarDate(doc.issueDate, `de emisión ${label}`);
  assertCalendarDate(doc.referenceDate, 'de los comprobantes');
  if (parsed.date !== doc.issueDate) {
    throw new FiscalDocumentError(
      'summary-date-mismatch',
      `La fecha del identificador ${doc.id} no coincide con la fecha de emisión ${doc.issueDate}.`,
    );
  }
  if (doc.referenceDate > doc.issueDate) {
    throw new FiscalDocumentError(
      'reference-date-after-issue',
      `La fecha de los comprobantes (${doc.referenceDate}) no puede ser posterior a la de emisión ${label} (${doc.issueDate}).`,
    );
  }
}

/** SUNAT's RC/RA rules want the issuer's razón social between 3 and 100 characters (2228). */
export function assertSummaryIssuerName(legalName: string): void {
  const length = legalName.trim().length;
  if (length < 3 || length > 100) {
    throw new FiscalDocumentError(
      'invalid-issuer-name',
      'La razón social del emisor debe tener entre 3 y 100 caracteres para el resumen o la baja.',
    );
  }
}

/** One line of text: line breaks and repeated spaces become single spaces. */
export function singleLineText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
