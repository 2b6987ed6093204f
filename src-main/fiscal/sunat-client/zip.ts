import { unzipSync, zipSync } from 'fflate';

/**
 * The zip SUNAT expects (sunat.md §1.4): exactly one entry `{name}.xml`, DEFLATE, holding the
 * exact signed text as UTF-8 without BOM — re-encoding after signing is what produces 2335.
 */

/** `20123456789-01-F001-1`, `20123456789-RC-20201007-1`: no folder, no extension. */
const DOCUMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** A CDR is a few kilobytes; anything near this is not a CDR. */
const MAX_CDR_BYTES = 10 * 1024 * 1024;

export class CdrZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CdrZipError';
  }
}

export function zipDocument(name: string, xmlText: string): Uint8Array {
  if (!DOCUMENT_NAME.test(name)) {
    throw new RangeError(`not a SUNAT document name (no folder, no extension): ${name}`);
  }
  // A BOM is not document content (the signature does not cover it) and SUNAT wants none.
  const bytes = new TextEncoder().encode(xmlText.startsWith('\uFEFF') ? xmlText.slice(1) : xmlText);
  return zipSync({ [`${name}.xml`]: [bytes, { level: 6 }] });
}

/** The `fileName` SUNAT's sendBill/sendSummary take for a document name. */
export function zipFileName(name: string): string {
  return `${name}.zip`;
}

export interface CdrZipEntry {
  /** Entry name, e.g. `R-20123456789-01-F001-1.xml`. */
  entryName: string;
  xmlBytes: Uint8Array;
}

/**
 * The first `*.xml` file of a CDR zip. SUNAT's zips start with a `dummy` folder entry, so the
 * position of the CDR is not fixed (Greenter's `BaseSunat::getXmlResponse` does the same).
 */
export function readCdrZip(zip: Uint8Array): CdrZipEntry {
  let chosen: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        if (chosen !== undefined || file.name.endsWith('/') || !/\.xml$/i.test(file.name)) return false;
        if (file.originalSize > MAX_CDR_BYTES) throw new CdrZipError(`CDR demasiado grande: ${file.name}`);
        chosen = file.name;
        return true;
      },
    });
  } catch (error) {
    if (error instanceof CdrZipError) throw error;
    throw new CdrZipError(`El ZIP de la respuesta está dañado: ${(error as Error).message}`);
  }
  const xmlBytes = chosen === undefined ? undefined : files[chosen];
  if (chosen === undefined || !xmlBytes) throw new CdrZipError('El ZIP de la respuesta no contiene un XML.');
  return { entryName: chosen, xmlBytes };
}
