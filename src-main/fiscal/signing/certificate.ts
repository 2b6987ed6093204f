import forge from 'node-forge';

/** The store's signing identity, decoded once from its .pfx so signing needs no password. */
export interface StoreCertificate {
  privateKeyPem: string;
  certificatePem: string;
  /** Base64 DER, exactly what goes into `ds:X509Certificate`. */
  certificateBase64: string;
  notBefore: Date;
  notAfter: Date;
  /** RFC 4514-like rendering of the subject, e.g. `CN=…, SERIALNUMBER=20601234565`. */
  subject: string;
  /** Hex serial number assigned by the issuing CA. */
  serialNumber: string;
}

export type CertificateErrorCode =
  | 'wrong-password'
  | 'unreadable'
  | 'missing-key'
  | 'missing-certificate'
  | 'not-yet-valid'
  | 'expired'
  | 'ruc-mismatch';

/** Errors a cashier or owner can read: messages are shown as they are. */
export class CertificateError extends Error {
  readonly code: CertificateErrorCode;

  constructor(code: CertificateErrorCode, message: string) {
    super(message);
    this.name = 'CertificateError';
    this.code = code;
  }
}

// PKCS#12 bag OIDs, spelled out because forge's `oids` map is typed as possibly undefined.
const PKCS8_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const KEY_BAG_TYPES = [PKCS8_SHROUDED_KEY_BAG, KEY_BAG] as const;

export function loadPfx(pfx: Buffer, password: string): StoreCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(pfx.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (error) {
    // forge reports a bad password as a MAC mismatch (what OpenSSL calls "mac verify failure").
    if (error instanceof Error && /invalid password|mac/i.test(error.message)) {
      throw new CertificateError('wrong-password', 'La contraseña del certificado es incorrecta.');
    }
    throw new CertificateError('unreadable', 'El archivo no es un certificado .pfx/.p12 válido.');
  }

  const key = KEY_BAG_TYPES.flatMap((bagType) => p12.getBags({ bagType })[bagType] ?? []).find(
    (bag) => bag.key,
  )?.key;
  if (!key) {
    // A .cer alone (or a pfx exported without the key) cannot sign.
    throw new CertificateError('missing-key', 'El certificado no contiene la clave privada.');
  }
  const certificate = pickCertificateForKey(p12, key);
  if (!certificate) {
    throw new CertificateError('missing-certificate', 'El archivo .pfx no contiene el certificado digital.');
  }

  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return {
    privateKeyPem: forge.pki.privateKeyToPem(key),
    certificatePem: forge.pki.certificateToPem(certificate),
    certificateBase64: forge.util.encode64(der),
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
    subject: certificate.subject.attributes
      .map(
        (attribute) =>
          `${attribute.shortName ?? attribute.name ?? attribute.type}=${String(attribute.value)}`,
      )
      .join(', '),
    serialNumber: certificate.serialNumber,
  };
}

/** A pfx often carries the CA chain too: the signer is the certificate whose public key matches. */
function pickCertificateForKey(
  p12: forge.pkcs12.Pkcs12Pfx,
  key: forge.pki.rsa.PrivateKey,
): forge.pki.Certificate | undefined {
  const certificates = (p12.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  return certificates.find((cert) => {
    // SUNAT certificates are RSA; forge types the public key loosely.
    const publicKey = cert.publicKey as Partial<forge.pki.rsa.PublicKey>;
    return publicKey.n?.equals(key.n) === true && publicKey.e?.equals(key.e) === true;
  });
}

/** Refuses to sign with a certificate that is out of date or belongs to another taxpayer. */
export function assertCertificateFor(cert: StoreCertificate, ruc: string, now: Date): void {
  if (now.getTime() < cert.notBefore.getTime()) {
    throw new CertificateError(
      'not-yet-valid',
      `El certificado aún no es válido (vigente desde ${formatDate(cert.notBefore)}).`,
    );
  }
  if (now.getTime() > cert.notAfter.getTime()) {
    throw new CertificateError('expired', `El certificado venció el ${formatDate(cert.notAfter)}.`);
  }
  // SUNAT-issued and accredited certificates name the RUC in the subject (CN, O or SERIALNUMBER,
  // sometimes prefixed like `RUC 2060…`/`20601234565`); an 11-digit boundary avoids partial hits.
  if (!/^\d{11}$/.test(ruc) || !new RegExp(`(^|\\D)${ruc}(\\D|$)`).test(cert.subject)) {
    throw new CertificateError('ruc-mismatch', `El certificado no corresponde al RUC ${ruc}.`);
  }
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
