import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface SelfSignedPfxOptions {
  ruc: string;
  legalName: string;
  password: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * A PFX shaped like a SUNAT-issued one (RUC in SERIALNUMBER and CN) for the demo store: SUNAT's
 * beta service accepts any certificate, production never would. The key comes from Node's
 * crypto (fast, native); forge only assembles the certificate and the PKCS#12.
 */
export function selfSignedPfx(options: SelfSignedPfxOptions): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  const subject = [
    { shortName: 'C', value: 'PE' },
    { shortName: 'O', value: options.legalName },
    { name: 'serialNumber', value: options.ruc },
    { shortName: 'CN', value: `${options.legalName} ${options.ruc}` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
