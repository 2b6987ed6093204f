import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../sales/sale-view';
import { computeLineTaxes, summarizeTotals } from '../../sales/taxes';
import { buildInvoiceXml, SIGNATURE_ID } from '../ubl/invoice-xml';
import { assertCertificateFor, CertificateError, loadPfx, type StoreCertificate } from './certificate';
import { signUblXml } from './sign-xml';
import { paymentView } from '../../testing/sale-view-fixtures';

const INVOICE_XSD = fileURLToPath(
  new URL('../../../resources/sunat/xsd/2.1/maindoc/UBL-Invoice-2.1.xsd', import.meta.url),
);
const DEMO_RUC = '20601234565';
const PASSWORD = 'demo';
const NOW = new Date('2026-11-23T21:05:09-05:00');
const DAY_MS = 24 * 60 * 60 * 1000;
const workDir = mkdtempSync(join(tmpdir(), 'mostrador-sign-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A self-signed PFX shaped like a SUNAT one: the RUC in the subject's SERIALNUMBER and CN. */
function makePfx(
  options: { ruc?: string; notBefore?: Date; notAfter?: Date; password?: string } = {},
): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = options.notBefore ?? new Date(NOW.getTime() - DAY_MS);
  cert.validity.notAfter = options.notAfter ?? new Date(NOW.getTime() + 365 * DAY_MS);
  const ruc = options.ruc ?? DEMO_RUC;
  const subject = [
    { shortName: 'C', value: 'PE' },
    { shortName: 'O', value: 'Comercial Santa Rosa de Lima S.A.C.' },
    { name: 'serialNumber', value: ruc },
    { shortName: 'CN', value: `COMERCIAL SANTA ROSA ${ruc}` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], options.password ?? PASSWORD, {
    algorithm: '3des',
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

const RATES = { igvBps: 1800, icbperCents: 50 };

/** A one-line boleta priced by the real tax engine (the UBL test fixtures are not exported). */
function demoSale(): SaleView {
  const grossCents = 2 * 390;
  const taxes = computeLineTaxes({ affectation: '10', grossCents, discountCents: 0, bagUnits: 0 }, RATES);
  const totals = summarizeTotals([{ affectation: '10', discountCents: 0, taxes }]);
  return {
    id: 'sale-B001-7',
    docType: '03',
    serie: 'B001',
    correlativo: 7,
    number: 'B001-00000007',
    issuedAt: '2026-11-23T21:05:09-05:00',
    issueDate: '2026-11-23',
    store: {
      ruc: DEMO_RUC,
      legalName: 'Comercial Santa Rosa de Lima S.A.C.',
      tradeName: 'Bodega Doña Peta',
      address: 'Av. José Gálvez Barrenechea 1234, La Victoria, Lima',
    },
    terminalCode: 'CAJA-01',
    cashier: 'María Quispe',
    customer: null,
    lines: [
      {
        lineNo: 1,
        productId: 'p-1',
        sku: 'SKU-1',
        description: 'Leche evaporada 400 g',
        unit: 'NIU',
        quantityMilli: 2000,
        unitPriceCents: 390,
        grossCents,
        discountCents: 0,
        amountCents: taxes.amountCents,
        affectation: '10',
        igvCents: taxes.igvCents,
        icbperCents: taxes.icbperCents,
      },
    ],
    payments: [paymentView({ method: 'cash', amountCents: totals.totalCents })],
    totals,
    paidCents: totals.totalCents,
    changeCents: 0,
  };
}

function writeTemp(name: string, text: string): string {
  const file = join(workDir, name);
  writeFileSync(file, text, 'utf8');
  return file;
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Verifies with the certificate carried in KeyInfo; --insecure because it is self-signed. */
function xmlsecVerify(file: string): { status: number | null; output: string } {
  return run('xmlsec1', ['--verify', '--insecure', '--id-attr:Id', 'Signature', file]);
}

function captureError(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('signUblXml', () => {
  let cert: StoreCertificate;
  let unsignedXml: string;
  let signedXml: string;
  let digestValue: string;

  beforeAll(() => {
    cert = loadPfx(makePfx(), PASSWORD);
    unsignedXml = buildInvoiceXml(demoSale());
    ({ signedXml, digestValue } = signUblXml(unsignedXml, cert));
  }, 60_000);

  it('leaves every byte outside the signature as the builder wrote it', () => {
    const withoutSignature = signedXml.replace(/<ds:Signature [\s\S]*<\/ds:Signature>/, '');
    expect(withoutSignature).toBe(
      unsignedXml.replace('<ext:ExtensionContent/>', '<ext:ExtensionContent></ext:ExtensionContent>'),
    );
  });

  it('places an enveloped SUNAT-style signature in the empty ExtensionContent', () => {
    expect(signedXml).toContain(
      `<ext:ExtensionContent><ds:Signature Id="${SIGNATURE_ID}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>`,
    );
    expect(signedXml).toContain(
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/>',
    );
    expect(signedXml).toContain('<ds:Reference URI="">');
    expect(signedXml.match(/<ds:Transform /g)).toHaveLength(1);
    expect(signedXml).toContain(
      `<ds:X509Data><ds:X509Certificate>${cert.certificateBase64}</ds:X509Certificate></ds:X509Data>`,
    );
    expect(signedXml).toContain(`<cbc:URI>#${SIGNATURE_ID}</cbc:URI>`);
    expect(digestValue).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(signedXml).toContain(`<ds:DigestValue>${digestValue}</ds:DigestValue>`);
  });

  it('verifies with xmlsec1', () => {
    const { status, output } = xmlsecVerify(writeTemp('signed.xml', signedXml));
    expect(status, output).toBe(0);
  });

  it('validates against the UBL 2.1 Invoice schema', () => {
    const { status, output } = run('xmllint', [
      '--noout',
      '--schema',
      INVOICE_XSD,
      writeTemp('xsd.xml', signedXml),
    ]);
    expect(status, output).toBe(0);
  });

  it('fails verification once an amount is altered', () => {
    const payable = /<cbc:PayableAmount currencyID="PEN">([\d.]+)<\/cbc:PayableAmount>/.exec(signedXml);
    expect(payable).not.toBeNull();
    const tampered = signedXml.replace(
      payable?.[0] ?? '',
      '<cbc:PayableAmount currencyID="PEN">1.00</cbc:PayableAmount>',
    );
    expect(tampered).not.toBe(signedXml);
    const { status } = xmlsecVerify(writeTemp('tampered.xml', tampered));
    expect(status).not.toBe(0);
  });
});

describe('loadPfx and assertCertificateFor', () => {
  it('rejects a wrong password with a Spanish message', () => {
    const error = captureError(() => loadPfx(makePfx(), 'otra'));
    expect(error).toBeInstanceOf(CertificateError);
    expect(error).toMatchObject({
      code: 'wrong-password',
      message: 'La contraseña del certificado es incorrecta.',
    });
  }, 30_000);

  it('rejects a pfx without a private key', () => {
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.sign(keys.privateKey);
    const p12 = forge.pkcs12.toPkcs12Asn1(null, [cert], PASSWORD, { algorithm: '3des' });
    const error = captureError(() =>
      loadPfx(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), PASSWORD),
    );
    expect(error).toMatchObject({
      code: 'missing-key',
      message: 'El certificado no contiene la clave privada.',
    });
  }, 30_000);

  it('accepts the store certificate and exposes its metadata', () => {
    const cert = loadPfx(makePfx(), PASSWORD);
    expect(() => assertCertificateFor(cert, DEMO_RUC, NOW)).not.toThrow();
    expect(cert.subject).toContain(DEMO_RUC);
    expect(cert.serialNumber).toBe('01');
    expect(cert.privateKeyPem).toContain('BEGIN RSA PRIVATE KEY');
    expect(cert.certificatePem).toContain('BEGIN CERTIFICATE');
  }, 30_000);

  it('rejects an expired or not yet valid certificate', () => {
    const expired = loadPfx(
      makePfx({
        notBefore: new Date(NOW.getTime() - 400 * DAY_MS),
        notAfter: new Date(NOW.getTime() - DAY_MS),
      }),
      PASSWORD,
    );
    expect(captureError(() => assertCertificateFor(expired, DEMO_RUC, NOW))).toMatchObject({
      code: 'expired',
    });
    const future = loadPfx(makePfx({ notBefore: new Date(NOW.getTime() + DAY_MS) }), PASSWORD);
    expect(captureError(() => assertCertificateFor(future, DEMO_RUC, NOW))).toMatchObject({
      code: 'not-yet-valid',
    });
  }, 30_000);

  it('rejects a certificate issued to another RUC', () => {
    const other = loadPfx(makePfx({ ruc: '20100070970' }), PASSWORD);
    const error = captureError(() => assertCertificateFor(other, DEMO_RUC, NOW));
    expect(error).toBeInstanceOf(CertificateError);
    expect(error).toMatchObject({
      code: 'ruc-mismatch',
      message: 'El certificado no corresponde al RUC 20601234565.',
    });
  }, 30_000);
});
