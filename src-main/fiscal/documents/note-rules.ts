import type { SaleLineView } from '../../sales/sale-view';
import type { DocumentTotals } from '../../sales/taxes';
import { formatSoles } from '../../shared/money';
import { timestampDate } from '../ubl/ubl-dates';
import { FiscalDocumentError } from './fiscal-document-error';
import {
  assertCalendarDate,
  assertCorrelativo,
  assertRuc,
  BOLETA_SERIES,
  FACTURA_SERIES,
  singleLineText,
} from './fiscal-identifiers';
import { CREDIT_NOTE_REASONS, DEBIT_NOTE_REASONS, type NoteView } from './note-view';

/**
 * What must hold before a note is built, so SUNAT does not reject it for something we can
 * see locally (rules from ValidaExprReg{NC,ND}-2.0.1.xsl and the RC rules for boleta notes).
 */

/** Above this total a boleta (and a note on it) must identify the customer (SUNAT 2514). */
export const BOLETA_IDENTIFIED_ABOVE_CENTS = 70_000;

/** CreditNoteLine/DebitNoteLine IDs have at most 3 digits (SUNAT 2137). */
export const MAX_NOTE_LINES = 999;

/**
 * Reasons a counter sale cannot carry: 11/12 need export or IVAP lines, and credit note 13
 * needs the instalment schedule of a sale on credit.
 */
const UNSUPPORTED_REASONS: Record<NoteView['noteType'], readonly string[]> = {
  '07': ['11', '12', '13'],
  '08': ['11', '12'],
};

const NOTE_NAMES = { '07': 'nota de crédito', '08': 'nota de débito' } as const;
const REFERENCE_NAMES = { '01': 'factura', '03': 'boleta' } as const;

/** The affected document may also be a contingency (paper) one with a numeric series. */
const REFERENCE_SERIES = { '01': /^(F[A-Z0-9]{3}|\d{4})$/, '03': /^(B[A-Z0-9]{3}|\d{4})$/ } as const;

export function assertValidNote(note: NoteView): void {
  const noteName = NOTE_NAMES[note.noteType];
  assertRuc(note.store.ruc);
  assertReason(note);
  assertSeries(note);
  assertCorrelativo(note.correlativo, `la ${noteName}`);
  assertCorrelativo(note.reference.correlativo, `la ${REFERENCE_NAMES[note.reference.docType]}`);
  assertCalendarDate(note.reference.issueDate, 'del comprobante que se modifica');
  const noteDate = timestampDate(note.issuedAt);
  if (note.reference.issueDate > noteDate) {
    throw new FiscalDocumentError(
      'reference-after-note',
      `La ${noteName} (${noteDate}) no puede ser anterior al comprobante que modifica (${note.reference.issueDate}).`,
    );
  }
  assertCustomer(note);
  assertLines(note.lines);
  assertTotalsMatchLines(note.lines, note.totals);
}

function assertReason(note: NoteView): void {
  const catalog: Readonly<Record<string, string>> =
    note.noteType === '07' ? CREDIT_NOTE_REASONS : DEBIT_NOTE_REASONS;
  if (!Object.hasOwn(catalog, note.reasonCode)) {
    throw new FiscalDocumentError(
      'invalid-reason',
      `El motivo ${note.reasonCode} no existe para una ${NOTE_NAMES[note.noteType]} (catálogo ${note.noteType === '07' ? '09' : '10'}).`,
    );
  }
  if (UNSUPPORTED_REASONS[note.noteType].includes(note.reasonCode)) {
    throw new FiscalDocumentError(
      'unsupported-reason',
      `El motivo «${catalog[note.reasonCode]}» no se puede usar en una venta de mostrador.`,
    );
  }
  const description = singleLineText(note.reasonDescription);
  if (description.length < 2 || description.length > 500) {
    throw new FiscalDocumentError(
      'invalid-reason-description',
      'Describa el motivo de la nota (de 2 a 500 caracteres).',
    );
  }
}

/** The note takes the letter of the document it modifies: F… for facturas, B… for boletas. */
function assertSeries(note: NoteView): void {
  const { reference } = note;
  const expected = reference.docType === '01' ? FACTURA_SERIES : BOLETA_SERIES;
  const referenceName = REFERENCE_NAMES[reference.docType];
  if (!FACTURA_SERIES.test(note.serie) && !BOLETA_SERIES.test(note.serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La serie ${note.serie} no es válida: debe ser una F o una B seguida de 3 letras o dígitos.`,
    );
  }
  if (!expected.test(note.serie)) {
    throw new FiscalDocumentError(
      'note-series-mismatch',
      `La serie ${note.serie} no corresponde a una nota sobre una ${referenceName}: debe empezar con ${reference.docType === '01' ? 'F' : 'B'}.`,
    );
  }
  if (!REFERENCE_SERIES[reference.docType].test(reference.serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La serie ${reference.serie} no es de una ${referenceName}.`,
    );
  }
}

function assertCustomer(note: NoteView): void {
  const { customer } = note;
  if (note.reference.docType === '01') {
    if (!customer || customer.docType !== '6' || !/^\d{11}$/.test(customer.docNumber)) {
      throw new FiscalDocumentError(
        'customer-required',
        'Una nota sobre una factura necesita el RUC del cliente de la factura.',
      );
    }
    return;
  }
  if (note.totals.totalCents > BOLETA_IDENTIFIED_ABOVE_CENTS && (!customer || customer.docType === '0')) {
    throw new FiscalDocumentError(
      'customer-required',
      `Una nota de más de ${formatSoles(BOLETA_IDENTIFIED_ABOVE_CENTS)} necesita el documento del cliente.`,
    );
  }
}

function assertLines(lines: readonly SaleLineView[]): void {
  if (lines.length === 0) {
    throw new FiscalDocumentError('no-lines', 'La nota no tiene líneas.');
  }
  if (lines.length > MAX_NOTE_LINES) {
    throw new FiscalDocumentError(
      'too-many-lines',
      `La nota tiene ${lines.length} líneas; SUNAT admite hasta ${MAX_NOTE_LINES}.`,
    );
  }
  const seen = new Set<number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.lineNo) || line.lineNo < 1 || line.lineNo > MAX_NOTE_LINES) {
      throw new FiscalDocumentError('invalid-amounts', `El número de línea ${line.lineNo} no es válido.`);
    }
    if (seen.has(line.lineNo)) {
      throw new FiscalDocumentError('duplicate-line', `La línea ${line.lineNo} está repetida.`);
    }
    seen.add(line.lineNo);
    const amounts = [line.unitPriceCents, line.grossCents, line.discountCents, line.amountCents];
    const taxes = [line.igvCents, line.icbperCents];
    if (
      !Number.isSafeInteger(line.quantityMilli) ||
      line.quantityMilli <= 0 ||
      ![...amounts, ...taxes].every((value) => Number.isSafeInteger(value) && value >= 0)
    ) {
      throw new FiscalDocumentError(
        'invalid-amounts',
        `La línea ${line.lineNo} tiene una cantidad o un importe no válido.`,
      );
    }
  }
}

const TOTAL_LABELS = {
  gravadasCents: 'op. gravadas',
  exoneradasCents: 'op. exoneradas',
  inafectasCents: 'op. inafectas',
  igvCents: 'IGV',
  icbperCents: 'ICBPER',
  totalCents: 'importe total',
} as const;

/** The header must be the exact sum of the lines, as the tax engine makes it. */
function assertTotalsMatchLines(lines: readonly SaleLineView[], totals: DocumentTotals): void {
  const sumOf = (pick: (line: SaleLineView) => number, affectation?: string): number =>
    lines
      .filter((line) => affectation === undefined || line.affectation === affectation)
      .reduce((total, line) => total + pick(line), 0);
  const value = (line: SaleLineView): number => line.amountCents - line.igvCents;
  const expected: Record<keyof typeof TOTAL_LABELS, number> = {
    gravadasCents: sumOf(value, '10'),
    exoneradasCents: sumOf(value, '20'),
    inafectasCents: sumOf(value, '30'),
    igvCents: sumOf((line) => line.igvCents),
    icbperCents: sumOf((line) => line.icbperCents),
    totalCents: sumOf((line) => line.amountCents + line.icbperCents),
  };
  const mismatched = (Object.keys(TOTAL_LABELS) as Array<keyof typeof TOTAL_LABELS>)
    .filter((key) => totals[key] !== expected[key])
    .map((key) => TOTAL_LABELS[key]);
  if (mismatched.length > 0) {
    throw new FiscalDocumentError(
      'totals-mismatch',
      `Los totales de la nota no cuadran con sus líneas (${mismatched.join(', ')}).`,
    );
  }
}
