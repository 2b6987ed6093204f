import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * XSD validation with Debian's `xmllint` against the schemas the app bundles
 * (resources/sunat/xsd). Fine for a test server; the store PC never runs this.
 */

const XSD_ROOT = new URL('../../../resources/sunat/xsd/', import.meta.url);

export type SchemaName = 'Invoice' | 'CreditNote' | 'DebitNote' | 'SummaryDocuments' | 'VoidedDocuments';

const SCHEMA_FILES: Readonly<Record<SchemaName, string>> = {
  Invoice: '2.1/maindoc/UBL-Invoice-2.1.xsd',
  CreditNote: '2.1/maindoc/UBL-CreditNote-2.1.xsd',
  DebitNote: '2.1/maindoc/UBL-DebitNote-2.1.xsd',
  SummaryDocuments: '2.0/maindoc/UBLPE-SummaryDocuments-1.0.xsd',
  VoidedDocuments: '2.0/maindoc/UBLPE-VoidedDocuments-1.0.xsd',
};

export type SchemaCheck = { ok: true } | { ok: false; detail: string };

/** Validates the exact received bytes, so the declared encoding is xmllint's to honour. */
export function validateWithXmllint(xmlBytes: Uint8Array, schema: SchemaName): Promise<SchemaCheck> {
  const xsd = fileURLToPath(new URL(SCHEMA_FILES[schema], XSD_ROOT));
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error('xmllint no está instalado (paquete Debian libxml2-utils).')
          : error,
      );
    });
    child.on('close', (status) => {
      if (status === 0) {
        resolve({ ok: true });
        return;
      }
      const lines = stderr
        .split('\n')
        .filter((line) => line.trim() !== '' && !/fails to validate/.test(line));
      resolve({ ok: false, detail: (lines[0] ?? `xmllint terminó con código ${String(status)}`).trim() });
    });
    child.stdin.on('error', () => {
      // xmllint may exit before reading everything; its exit status says what happened.
    });
    child.stdin.end(xmlBytes);
  });
}
