import { SignedXml } from 'xml-crypto';
import { SIGNATURE_ID } from '../ubl/invoice-xml';
import type { StoreCertificate } from './certificate';

/**
 * Enveloped XMLDSig as Greenter produces it and SUNAT accepts it (sunat.md §1.8): inclusive C14N,
 * RSA-SHA1, one `Reference URI=""` with only the enveloped-signature transform, the signer
 * certificate in KeyInfo, all inside the empty `ext:ExtensionContent` the UBL builder leaves.
 */

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export const SIGNATURE_ALGORITHMS = {
  sha1: {
    signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    digest: 'http://www.w3.org/2000/09/xmldsig#sha1',
  },
  sha256: {
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  },
} as const;

export type SignatureAlgorithm = keyof typeof SIGNATURE_ALGORITHMS;

export interface SignedUbl {
  /** The exact signed text: store, zip and send it as is, never re-serialise (SUNAT 2335). */
  signedXml: string;
  /** `ds:DigestValue`, the "hash" printed on the receipt and in its QR. */
  digestValue: string;
}

const EMPTY_SLOT = /<ext:ExtensionContent\s*\/>|<ext:ExtensionContent>\s*<\/ext:ExtensionContent>/;
// The first ExtensionContent that is empty once the signature is in: where xml-crypto must append it.
const SLOT_XPATH =
  "(/*/*[local-name()='UBLExtensions']/*[local-name()='UBLExtension']/*[local-name()='ExtensionContent'][not(*)])[1]";

export function signUblXml(
  xml: string,
  cert: StoreCertificate,
  algorithm: SignatureAlgorithm = 'sha1',
): SignedUbl {
  if (!EMPTY_SLOT.test(xml)) {
    throw new Error('The UBL document has no empty ext:ExtensionContent for the signature.');
  }
  // xml-crypto appends children; a self-closing slot becomes an open/close pair so the bytes
  // around the signature stay the builder's own.
  const prepared = xml.replace(EMPTY_SLOT, '<ext:ExtensionContent></ext:ExtensionContent>');
  const algorithms = SIGNATURE_ALGORITHMS[algorithm];

  const signer = new SignedXml({
    privateKey: cert.privateKeyPem,
    publicCert: cert.certificatePem,
    signatureAlgorithm: algorithms.signature,
    canonicalizationAlgorithm: C14N,
  });
  signer.addReference({
    xpath: '/*',
    transforms: [ENVELOPED],
    digestAlgorithm: algorithms.digest,
    isEmptyUri: true,
  });
  signer.computeSignature(prepared, {
    prefix: 'ds',
    attrs: { Id: SIGNATURE_ID },
    location: { reference: SLOT_XPATH, action: 'append' },
  });

  // xmldom drops whitespace after the root element; it lies outside the signed content, so the
  // builder's trailing newline is put back to keep the document byte-identical outside the signature.
  const trailing = /\s*$/.exec(prepared)?.[0] ?? '';
  const signedXml = signer.getSignedXml().trimEnd() + trailing;
  const digestValue = /<ds:DigestValue>([^<]+)<\/ds:DigestValue>/.exec(signedXml)?.[1];
  if (!digestValue) {
    throw new Error('xml-crypto produced a signature without DigestValue.');
  }
  return { signedXml, digestValue };
}
