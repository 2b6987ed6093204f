import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_RUC,
  FIXTURE_NOW,
  makeTestCertificate,
  makeTestPfx,
  saleFixture,
  SUNAT_XSD,
  TEST_PFX_PASSWORD,
  xmllintValidate,
  xmlsecVerify,
} from '../../testing/fiscal-fixtures';
import type { SaleView } from '../../sales/sale-view';
import { buildInvoiceXml, SIGNATURE_ID } from '../ubl/invoice-xml';
import { assertCertificateFor, CertificateError, loadPfx, type StoreCertificate } from './certificate';
import { signUblXml } from './sign-xml';

const PASSWORD = TEST_PFX_PASSWORD;
const NOW = FIXTURE_NOW;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A one-line boleta priced by the real tax engine. */
function demoSale(): SaleView {
  return saleFixture({ lines: saleFixture().lines.slice(0, 1) });
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
    cert = makeTestCertificate();
    unsignedXml = buildInvoiceXml(demoSale());
    ({ signedXml, digestValue } = signUblXml(unsignedXml, cert));
  });

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
    const { status, output } = xmlsecVerify(signedXml, cert.certificatePem);
    expect(status, output).toBe(0);
  });

  it('validates against the UBL 2.1 Invoice schema', () => {
    const { status, output } = xmllintValidate(signedXml, SUNAT_XSD.invoice);
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
    const { status, output } = xmlsecVerify(tampered, cert.certificatePem);
    expect(status).not.toBe(0);
    expect(output).toContain('data and digest do not match');
  });
});

describe('loadPfx and assertCertificateFor', () => {
  it('rejects a wrong password with a Spanish message', () => {
    const error = captureError(() => loadPfx(makeTestPfx(), 'otra'));
    expect(error).toBeInstanceOf(CertificateError);
    expect(error).toMatchObject({
      code: 'wrong-password',
      message: 'La contraseña del certificado es incorrecta.',
    });
  });

  it('rejects a pfx without a private key', () => {
    const error = captureError(() => loadPfx(makeTestPfx({ withoutKey: true }), PASSWORD));
    expect(error).toMatchObject({
      code: 'missing-key',
      message: 'El certificado no contiene la clave privada.',
    });
  });

  it('accepts the store certificate and exposes its metadata', () => {
    const cert = loadPfx(makeTestPfx(), PASSWORD);
    expect(() => assertCertificateFor(cert, DEMO_RUC, NOW)).not.toThrow();
    expect(cert.subject).toContain(DEMO_RUC);
    expect(cert.serialNumber).toBe('01');
    expect(cert.privateKeyPem).toContain('BEGIN RSA PRIVATE KEY');
    expect(cert.certificatePem).toContain('BEGIN CERTIFICATE');
  });

  it('rejects an expired or not yet valid certificate', () => {
    const expired = loadPfx(
      makeTestPfx({
        notBefore: new Date(NOW.getTime() - 400 * DAY_MS),
        notAfter: new Date(NOW.getTime() - DAY_MS),
      }),
      PASSWORD,
    );
    expect(captureError(() => assertCertificateFor(expired, DEMO_RUC, NOW))).toMatchObject({
      code: 'expired',
    });
    const future = loadPfx(makeTestPfx({ notBefore: new Date(NOW.getTime() + DAY_MS) }), PASSWORD);
    expect(captureError(() => assertCertificateFor(future, DEMO_RUC, NOW))).toMatchObject({
      code: 'not-yet-valid',
    });
  });

  it('rejects a certificate issued to another RUC', () => {
    const other = loadPfx(makeTestPfx({ ruc: '20100070970' }), PASSWORD);
    const error = captureError(() => assertCertificateFor(other, DEMO_RUC, NOW));
    expect(error).toBeInstanceOf(CertificateError);
    expect(error).toMatchObject({
      code: 'ruc-mismatch',
      message: 'El certificado no corresponde al RUC 20601234565.',
    });
  });
});
