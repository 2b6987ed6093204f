import { FiscalDocumentError } from './fiscal-document-error';
import {
  assertCorrelativo,
  assertRuc,
  MAX_CORRELATIVO,
  parseSummaryId,
  type SummaryKind,
} from './fiscal-identifiers';

/**
 * SUNAT file names (sunat.md §1.4): `RUC-TT-SERIE-NUMERO` for CPE, `RUC-RC-YYYYMMDD-n` and
 * `RUC-RA-YYYYMMDD-n` for summaries. The zip is the name + `.zip` and holds the name + `.xml`.
 * SUNAT compares the name with the content (1034 RUC, 1035 serie, 1036 número, 2220 ID).
 */

export type CpeDocType = '01' | '03' | '07' | '08';

export interface DocumentFileName {
  kind: 'document';
  ruc: string;
  docType: CpeDocType;
  serie: string;
  correlativo: number;
  /** `SERIE-NUMERO` exactly as written in the name: what `cbc:ID` must equal. */
  documentId: string;
  /** `.xml`, `.zip` or none. */
  extension: FileExtension;
}

export interface SummaryFileName {
  kind: 'summary';
  ruc: string;
  summaryKind: SummaryKind;
  /** `YYYY-MM-DD`: must be the summary's IssueDate (2346). */
  issueDate: string;
  sequence: number;
  /** `RC-YYYYMMDD-n` exactly as written in the name: what `cbc:ID` must equal. */
  summaryId: string;
  extension: FileExtension;
}

export type FiscalFileName = DocumentFileName | SummaryFileName;
export type FileExtension = '' | '.xml' | '.zip';

const CPE_DOC_TYPES: readonly string[] = ['01', '03', '07', '08'];
const SERIES = /^[A-Z0-9]{4}$/;

/** `20601234565-01-F001-7`: SUNAT's samples use the unpadded number, as `cbc:ID` does. */
export function documentFileName(
  ruc: string,
  docType: CpeDocType,
  serie: string,
  correlativo: number,
): string {
  assertRuc(ruc);
  if (!CPE_DOC_TYPES.includes(docType)) {
    throw new FiscalDocumentError('invalid-doc-type', `El tipo de comprobante ${docType} no es válido.`);
  }
  if (!SERIES.test(serie)) {
    throw new FiscalDocumentError(
      'invalid-series',
      `La serie ${serie} no es válida: debe tener 4 letras mayúsculas o dígitos.`,
    );
  }
  assertCorrelativo(correlativo, 'comprobante');
  return `${ruc}-${docType}-${serie}-${correlativo}`;
}

/** `20601234565-RC-20261123-1` from the summary's own id. */
export function summaryFileName(ruc: string, id: string): string {
  assertRuc(ruc);
  if (!parseSummaryId(id)) {
    throw new FiscalDocumentError(
      'invalid-summary-id',
      `El identificador ${id} no es válido: debe ser RC-AAAAMMDD-n o RA-AAAAMMDD-n.`,
    );
  }
  return `${ruc}-${id}`;
}

/** Reads a name as SUNAT does; throws FiscalDocumentError `invalid-file-name` otherwise. */
export function parseFiscalFileName(name: string): FiscalFileName {
  const extension = (/\.(xml|zip)$/i.exec(name)?.[0].toLowerCase() ?? '') as FileExtension;
  const base = name.slice(0, name.length - extension.length);

  const summary = /^(\d{11})-((?:RC|RA)-\d{8}-\d{1,5})$/.exec(base);
  if (summary) {
    const parsed = parseSummaryId(summary[2] ?? '');
    if (!parsed) throw invalidName(name);
    return {
      kind: 'summary',
      ruc: summary[1] ?? '',
      summaryKind: parsed.kind,
      issueDate: parsed.date,
      sequence: parsed.sequence,
      summaryId: summary[2] ?? '',
      extension,
    };
  }

  const document = /^(\d{11})-(\d{2})-([A-Z0-9]{4})-(\d{1,8})$/.exec(base);
  if (!document) throw invalidName(name);
  const [, ruc = '', docType = '', serie = '', number = ''] = document;
  const correlativo = Number(number);
  if (!CPE_DOC_TYPES.includes(docType) || correlativo < 1 || correlativo > MAX_CORRELATIVO) {
    throw invalidName(name);
  }
  return {
    kind: 'document',
    ruc,
    docType: docType as CpeDocType,
    serie,
    correlativo,
    documentId: `${serie}-${number}`,
    extension,
  };
}

function invalidName(name: string): FiscalDocumentError {
  return new FiscalDocumentError(
    'invalid-file-name',
    `El nombre de archivo «${name}» no tiene el formato de SUNAT (RUC-TIPO-SERIE-NÚMERO o RUC-RC/RA-AAAAMMDD-n).`,
  );
}
