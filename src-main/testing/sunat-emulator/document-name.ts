/**
 * SUNAT file names (sunat.md §1.4), parsed here on purpose instead of reusing the app's own
 * naming code: the emulator is the independent check of what the app produces.
 */

export type DocumentName =
  | {
      kind: 'document';
      /** `20123456789-01-F001-1` */
      name: string;
      ruc: string;
      docType: string;
      serie: string;
      /** Numeric value of the correlativo (`00000001` and `1` name the same document). */
      number: number;
    }
  | {
      kind: 'summary';
      /** `20123456789-RC-20201007-1` */
      name: string;
      ruc: string;
      summaryType: 'RC' | 'RA' | 'RR';
      /** `YYYY-MM-DD` from the `YYYYMMDD` in the name. */
      date: string;
      /** `RC-20201007-1`, what the document's cbc:ID must say. */
      id: string;
    };

const DOCUMENT = /^(\d{11})-(\d{2})-([A-Z0-9]{4})-(\d{1,8})$/;
const SUMMARY = /^(\d{11})-(RC|RA|RR)-(\d{4})(\d{2})(\d{2})-(\d{1,5})$/;

export function parseDocumentName(name: string): DocumentName | undefined {
  const document = DOCUMENT.exec(name);
  if (document) {
    const [, ruc = '', docType = '', serie = '', number = ''] = document;
    if (Number(number) === 0) return undefined;
    return { kind: 'document', name, ruc, docType, serie, number: Number(number) };
  }
  const summary = SUMMARY.exec(name);
  if (summary) {
    const [, ruc = '', type = '', year = '', month = '', day = '', sequence = ''] = summary;
    return {
      kind: 'summary',
      name,
      ruc,
      summaryType: type as 'RC' | 'RA' | 'RR',
      date: `${year}-${month}-${day}`,
      id: `${type}-${year}${month}${day}-${sequence}`,
    };
  }
  return undefined;
}

/** `20123456789-01-F001-1.zip` → `20123456789-01-F001-1`; undefined unless it ends in `.zip`. */
export function documentNameOfZip(fileName: string): string | undefined {
  return /^[^\\/]+\.zip$/i.test(fileName) ? fileName.slice(0, -4) : undefined;
}
