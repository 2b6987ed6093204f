import { FiscalDocumentError } from './fiscal-document-error';
import {
  assertCorrelativo,
  assertRuc,
  assertSummaryDates,
  assertSummaryIssuerName,
  BOLETA_SERIES,
  FACTURA_SERIES,
  singleLineText,
} from './fiscal-identifiers';
import type { VoidedLine, VoidedView } from './voided-view';

/** Rules of SUNAT's ValidaExprRegSummaryVoided-1.0.1.xsl that the data alone can break. */

/** SUNAT wants at least 3 characters (observation 4203); 100 is what its guide allows. */
export const VOID_REASON_MAX_LENGTH = 100;

const DOC_NAMES = { '01': 'factura', '07': 'nota de crédito', '08': 'nota de débito' } as const;

export function assertValidVoided(voided: VoidedView): void {
  assertRuc(voided.store.ruc);
  assertSummaryIssuerName(voided.store.legalName);
  assertSummaryDates(voided, 'RA');
  if (voided.lines.length === 0) {
    throw new FiscalDocumentError('no-lines', 'La comunicación de baja no tiene comprobantes.');
  }
  const seen = new Set<string>();
  for (const line of voided.lines) {
    assertLine(line);
    const key = `${line.docType}-${line.serie}-${line.correlativo}`;
    if (seen.has(key)) {
      throw new FiscalDocumentError(
        'duplicate-line',
        `El comprobante ${line.serie}-${line.correlativo} está repetido en la comunicación de baja.`,
      );
    }
    seen.add(key);
  }
}

function assertLine(line: VoidedLine): void {
  const name = DOC_NAMES[line.docType] ?? 'comprobante';
  if (!Object.hasOwn(DOC_NAMES, line.docType)) {
    throw new FiscalDocumentError(
      'invalid-doc-type',
      `La comunicación de baja solo admite facturas y sus notas (tipo ${line.docType}).`,
    );
  }
  if (BOLETA_SERIES.test(line.serie)) {
    throw new FiscalDocumentError(
      'boleta-void-in-summary',
      `La ${name} ${line.serie}-${line.correlativo} es de serie B: las boletas y sus notas se anulan en el resumen diario (estado 3), no con una comunicación de baja.`,
    );
  }
  if (!FACTURA_SERIES.test(line.serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La serie ${line.serie} no es válida: debe ser una F seguida de 3 letras o dígitos.`,
    );
  }
  assertCorrelativo(line.correlativo, `la ${name}`);
  const reason = singleLineText(line.reason);
  if (reason.length < 3 || reason.length > VOID_REASON_MAX_LENGTH) {
    throw new FiscalDocumentError(
      'invalid-void-reason',
      `Indique el motivo de la baja de ${line.serie}-${line.correlativo} (de 3 a ${VOID_REASON_MAX_LENGTH} caracteres).`,
    );
  }
}
