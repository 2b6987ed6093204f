import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificatePem,
  makeTestCertificate,
  noteFixture,
  saleFixture,
  summaryFixture,
  voidedFixture,
  xmlsecVerifyFile,
} from '../../testing/fiscal-fixtures';
import { buildInvoiceXml } from '../ubl/invoice-xml';
import { buildNoteXml } from '../ubl/note-xml';
import { buildDailySummaryXml } from '../ubl/summary-xml';
import { buildVoidedXml } from '../ubl/voided-xml';
import type { StoreCertificate } from './certificate';
import { signUblXml } from './sign-xml';
import { verifyUblSignature } from './verify-xml';

/** Independent signed material (see shared/external/sunat/README.md and sunat.md §3). */
const SAMPLES_DIR = fileURLToPath(new URL('../../testing/sunat-samples/signed', import.meta.url));

const GOOD_SAMPLES = [
  'openubl-invoice-01-signed.xml',
  'openubl-boleta-03-signed.xml',
  'openubl-credit-note-07-signed.xml',
  'openubl-debit-note-08-signed.xml',
  '20603233591-03-B007-00000049.ubl20.xml',
  '12345678912-RA-20200328-1.xml',
];
/** Altered after signing: their digest no longer matches. */
const BROKEN_SAMPLES = [
  '20605446788-01-F002-00000031.xml',
  '20000000001-RC-20171119-001.xml',
  '20505310072-03-B001-00000088.ubl20.xml',
];

/** Decodes as the XML declaration says: one sample is ISO-8859-1. */
function readXml(file: string): string {
  const bytes = readFileSync(file);
  const declaration = bytes.subarray(0, 100).toString('latin1');
  return bytes.toString(/encoding="ISO-8859-1"/i.test(declaration) ? 'latin1' : 'utf8');
}

describe('verifyUblSignature on independent samples', () => {
  it('covers every signed sample', () => {
    expect([...GOOD_SAMPLES, ...BROKEN_SAMPLES].sort()).toEqual(readdirSync(SAMPLES_DIR).sort());
  });

  it.each([
    ...GOOD_SAMPLES.map((name) => [name, true] as const),
    ...BROKEN_SAMPLES.map((name) => [name, false] as const),
  ])('%s: valid = %s, the same verdict as xmlsec1', (name, expected) => {
    const file = join(SAMPLES_DIR, name);
    const result = verifyUblSignature(readXml(file));
    expect(result.valid, result.reason).toBe(expected);
    expect(result.digestValue).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(result.certificateBase64).toMatch(/^MII[A-Za-z0-9+/=]+$/);

    // xmlsec1 checks the same document with the same certificate (taken from its KeyInfo).
    const xmlsec = xmlsecVerifyFile(file, certificatePem(result.certificateBase64 ?? ''));
    expect(xmlsec.status === 0, xmlsec.output).toBe(expected);
    if (!expected) {
      expect(result.reason).toContain('DigestValue no coincide');
      expect(xmlsec.output).toContain('data and digest do not match');
    }
  });
});

describe('verifyUblSignature on our own documents', () => {
  let cert: StoreCertificate;
  beforeAll(() => {
    cert = makeTestCertificate();
  });

  const documents = {
    factura: () => buildInvoiceXml(saleFixture({ serie: 'F001', correlativo: 42, customer: null })),
    'nota de crédito': () => buildNoteXml(noteFixture()),
    'nota de débito': () => buildNoteXml(noteFixture({ noteType: '08', reasonCode: '02' })),
    'resumen diario': () => buildDailySummaryXml(summaryFixture()),
    'comunicación de baja': () => buildVoidedXml(voidedFixture()),
  };

  it.each(Object.entries(documents))('%s verifies and reports its digest and certificate', (_, build) => {
    const { signedXml, digestValue } = signUblXml(build(), cert);
    expect(verifyUblSignature(signedXml)).toEqual({
      valid: true,
      digestValue,
      certificateBase64: cert.certificateBase64,
    });
  });

  it('fails once an amount is altered, or the signature value is', () => {
    const { signedXml } = signUblXml(buildNoteXml(noteFixture()), cert);
    const altered = signedXml.replace(/(<cbc:PayableAmount currencyID="PEN">)[\d.]+/, '$11.00');
    expect(altered).not.toBe(signedXml);
    expect(verifyUblSignature(altered)).toMatchObject({
      valid: false,
      reason: 'El documento fue modificado después de firmarse: el DigestValue no coincide.',
    });
    const forged = signedXml.replace(/<ds:SignatureValue>[A-Za-z0-9+/]{4}/, '<ds:SignatureValue>AAAA');
    expect(forged).not.toBe(signedXml);
    expect(verifyUblSignature(forged)).toMatchObject({ valid: false });
    expect(verifyUblSignature(forged).reason).toContain('valor de la firma');
  });

  it('fails with another certificate in KeyInfo', () => {
    const other = makeTestCertificate({ ruc: '20100070970' });
    const { signedXml } = signUblXml(buildVoidedXml(voidedFixture()), cert);
    const swapped = signedXml.replace(cert.certificateBase64, other.certificateBase64);
    expect(verifyUblSignature(swapped)).toMatchObject({
      valid: false,
      certificateBase64: other.certificateBase64,
    });
  });

  it('refuses unsigned, malformed, relocated and doubly signed documents with a reason', () => {
    const unsigned = buildVoidedXml(voidedFixture());
    expect(verifyUblSignature(unsigned)).toEqual({ valid: false, reason: 'El documento no está firmado.' });
    expect(verifyUblSignature('<Invoice><cbc:ID>')).toMatchObject({ valid: false });
    expect(verifyUblSignature('<Invoice><cbc:ID>').reason).toContain('mal formado');

    const { signedXml } = signUblXml(unsigned, cert);
    const signature = /<ds:Signature [\s\S]*<\/ds:Signature>/.exec(signedXml)?.[0] ?? '';
    const relocated = signedXml
      .replace(signature, '')
      .replace('</VoidedDocuments>', `${signature}</VoidedDocuments>`);
    expect(verifyUblSignature(relocated).reason).toContain('ext:ExtensionContent');
    const doubled = signedXml.replace('</VoidedDocuments>', `${signature}</VoidedDocuments>`);
    expect(verifyUblSignature(doubled)).toMatchObject({
      valid: false,
      reason: 'El documento tiene más de una firma.',
    });
  });
});
