import forge from 'node-forge';

/**
 * A throw-away self-signed certificate for the emulator's HTTPS mode, valid for 127.0.0.1 and
 * localhost. Clients must reject it unless they were given it as CA: that is what the TLS
 * tests prove.
 */
export interface TlsIdentity {
  keyPem: string;
  certPem: string;
}

const DAY_MS = 86_400_000;

export function makeSelfSignedTlsIdentity(now: Date = new Date()): TlsIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Positive random serial: a leading 0x01 keeps the high bit clear.
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + 30 * DAY_MS);
  const subject = [
    { shortName: 'CN', value: 'Emulador SUNAT (Mostrador)' },
    { shortName: 'O', value: 'Mostrador pruebas' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(keys.privateKey), certPem: forge.pki.certificateToPem(cert) };
}
