import { formatSoles } from '../../shared/money';
import { FiscalDocumentError } from './fiscal-document-error';
import {
  assertCorrelativo,
  assertRuc,
  assertSummaryDates,
  assertSummaryIssuerName,
  BOLETA_SERIES,
} from './fiscal-identifiers';
import { BOLETA_IDENTIFIED_ABOVE_CENTS } from './note-rules';
import type { DailySummaryView, SummaryLine } from './summary-view';

/** Rules of SUNAT's ValidaExprRegSummary-1.1.0.xsl that the data alone can break. */

/** SUNAT refuses a resumen diario with more lines (error 0158). */
export const MAX_SUMMARY_LINES = 500;

const DOC_NAMES = { '03': 'boleta', '07': 'nota de crédito', '08': 'nota de débito' } as const;

export function assertValidDailySummary(summary: DailySummaryView): void {
  assertRuc(summary.store.ruc);
  assertSummaryIssuerName(summary.store.legalName);
  assertSummaryDates(summary, 'RC');
  if (summary.lines.length === 0) {
    throw new FiscalDocumentError('no-lines', 'El resumen diario no tiene comprobantes.');
  }
  if (summary.lines.length > MAX_SUMMARY_LINES) {
    throw new FiscalDocumentError(
      'too-many-lines',
      `El resumen diario tiene ${summary.lines.length} comprobantes; SUNAT admite hasta ${MAX_SUMMARY_LINES}. Divídalo en varios resúmenes.`,
    );
  }
  summary.lines.forEach(assertLine);
  assertNoConflicts(summary.lines);
}

function lineLabel(line: SummaryLine): string {
  return `${DOC_NAMES[line.docType] ?? 'comprobante'} ${line.serie}-${line.correlativo}`;
}

function assertLine(line: SummaryLine): void {
  const label = lineLabel(line);
  if (!Object.hasOwn(DOC_NAMES, line.docType)) {
    throw new FiscalDocumentError(
      'invalid-doc-type',
      `El resumen diario solo admite boletas y sus notas (tipo ${line.docType}).`,
    );
  }
  if (!BOLETA_SERIES.test(line.serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La ${label} no va en el resumen diario: solo van las series B (boletas y sus notas).`,
    );
  }
  assertCorrelativo(line.correlativo, `la ${DOC_NAMES[line.docType]}`);
  if (![1, 2, 3].includes(line.condition)) {
    throw new FiscalDocumentError(
      'invalid-condition',
      `El estado ${line.condition} de la ${label} no existe.`,
    );
  }
  assertReference(line, label);
  assertAmounts(line, label);
  const { customer } = line;
  if (
    line.totals.totalCents > BOLETA_IDENTIFIED_ABOVE_CENTS &&
    (!customer || customer.docType === '0' || customer.docNumber.trim() === '')
  ) {
    throw new FiscalDocumentError(
      'customer-required',
      `La ${label} supera ${formatSoles(BOLETA_IDENTIFIED_ABOVE_CENTS)} y necesita el documento del cliente.`,
    );
  }
}

/** Notes name the boleta they modify unless they are being voided (2583); others never (2582). */
function assertReference(line: SummaryLine, label: string): void {
  const isNote = line.docType === '07' || line.docType === '08';
  if (!isNote) {
    if (line.reference) {
      throw new FiscalDocumentError(
        'unexpected-reference',
        `La ${label} no puede llevar comprobante de referencia: solo las notas lo llevan.`,
      );
    }
    return;
  }
  if (!line.reference) {
    if (line.condition === 3) return;
    throw new FiscalDocumentError('missing-reference', `La ${label} debe indicar la boleta que modifica.`);
  }
  if (line.reference.docType !== '03' || !/^(B[A-Z0-9]{3}|\d{4})$/.test(line.reference.serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La ${label} debe modificar una boleta (serie B); se indicó ${line.reference.serie}.`,
    );
  }
  assertCorrelativo(line.reference.correlativo, 'la boleta modificada');
}

function assertAmounts(line: SummaryLine, label: string): void {
  const { totals } = line;
  const parts = [
    totals.gravadasCents,
    totals.exoneradasCents,
    totals.inafectasCents,
    totals.igvCents,
    totals.icbperCents,
  ];
  if (![...parts, totals.totalCents].every((value) => Number.isSafeInteger(value) && value >= 0)) {
    throw new FiscalDocumentError('invalid-amounts', `Los importes de la ${label} no son válidos.`);
  }
  // SUNAT tolerates ±5.00 (4027); the core's totals are exact, so anything else is a bug upstream.
  if (parts.reduce((sum, value) => sum + value, 0) !== totals.totalCents) {
    throw new FiscalDocumentError(
      'totals-mismatch',
      `El importe total de la ${label} no cuadra con sus bases e impuestos.`,
    );
  }
}

/**
 * The same document twice with the same condition (3094), added and modified (3095) or
 * modified and voided (3096) in one summary is refused. Added and voided together is allowed.
 */
function assertNoConflicts(lines: readonly SummaryLine[]): void {
  const conditionsByDocument = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = `${line.docType}-${line.serie}-${line.correlativo}`;
    const conditions = conditionsByDocument.get(key) ?? new Set<number>();
    const label = lineLabel(line);
    if (conditions.has(line.condition)) {
      throw new FiscalDocumentError('duplicate-line', `La ${label} está repetida en el resumen diario.`);
    }
    conditions.add(line.condition);
    if ((conditions.has(1) && conditions.has(2)) || (conditions.has(2) && conditions.has(3))) {
      throw new FiscalDocumentError(
        'conflicting-conditions',
        `La ${label} no puede adicionarse y modificarse, ni modificarse y anularse, en el mismo resumen.`,
      );
    }
    conditionsByDocument.set(key, conditions);
  }
}
