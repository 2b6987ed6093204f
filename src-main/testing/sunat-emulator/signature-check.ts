import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

/**
 * Verifies the enveloped signature with the certificate the document carries in KeyInfo, as
 * SUNAT does before looking at the certificate's registration. Mapping (CatalogoErrores.xml):
 * no signature 1059; reference digest mismatch (content changed after signing) 2335;
 * SignatureValue mismatch 2334; anything else about the signature 2336.
 */

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export type SignatureCheck = { ok: true } | { ok: false; code: string; detail: string };

export function checkEnvelopedSignature(xml: string, doc: Document): SignatureCheck {
  const signatures = Array.from(doc.getElementsByTagNameNS(DSIG_NS, 'Signature')) as Element[];
  const signature = signatures[0];
  if (!signature) return { ok: false, code: '1059', detail: 'No se encontró ds:Signature.' };
  if (signatures.length > 1) return { ok: false, code: '2336', detail: 'El XML contiene más de una firma.' };

  // SUNAT signs the whole document: one Reference with URI="" (2090 otherwise).
  const references = Array.from(signature.getElementsByTagNameNS(DSIG_NS, 'Reference')) as Element[];
  if (references.length !== 1 || references[0]?.getAttribute('URI') !== '') {
    return { ok: false, code: '2336', detail: 'La firma debe tener una sola referencia con URI="".' };
  }

  const verifier = new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
  try {
    verifier.loadSignature(signature);
    if (verifier.checkSignature(xml)) return { ok: true };
    return { ok: false, code: '2335', detail: 'El valor del resumen (DigestValue) no coincide.' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/signature value .* is incorrect/.test(message)) {
      return { ok: false, code: '2334', detail: 'El valor de la firma (SignatureValue) no coincide.' };
    }
    return { ok: false, code: '2336', detail: message };
  }
}
