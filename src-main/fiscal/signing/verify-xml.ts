import { X509Certificate } from 'node:crypto';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

/**
 * Checks the enveloped XMLDSig of a signed UBL document (ours or anyone's) with the certificate
 * it carries in KeyInfo, as SUNAT does before anything else (2334/2335 "documento alterado").
 * It proves integrity and possession of the key, not who the signer is: whether that
 * certificate belongs to the issuer's RUC is a separate question.
 *
 * Only the SUNAT shape is accepted: one `ds:Signature` inside `ext:ExtensionContent` with one
 * `Reference URI=""` (the whole document), so no signature can cover just a fragment.
 */

export interface SignatureVerification {
  valid: boolean;
  /** Why it is not valid, in Spanish: it may be shown to the owner or logged by the emulator. */
  reason?: string;
  /** `ds:DigestValue` as written in the document (the receipt's "hash"), when present. */
  digestValue?: string;
  /** Base64 DER of `ds:X509Certificate`, without whitespace, when present. */
  certificateBase64?: string;
}

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXT_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';
const ELEMENT_NODE = 1;

export function verifyUblSignature(xml: string): SignatureVerification {
  const root = parseDocumentElement(xml);
  if (!root) return { valid: false, reason: 'El XML está mal formado y no se puede leer.' };

  const signatures = root.getElementsByTagNameNS(DSIG_NS, 'Signature');
  if (signatures.length === 0) return { valid: false, reason: 'El documento no está firmado.' };
  if (signatures.length > 1) return { valid: false, reason: 'El documento tiene más de una firma.' };
  const signature = signatures.item(0);
  if (!signature) return { valid: false, reason: 'El documento no está firmado.' };

  const digestValue = textOf(signature, 'DigestValue');
  const certificateBase64 = textOf(signature, 'X509Certificate')?.replace(/\s+/g, '');
  const found = { digestValue, certificateBase64 };
  const refuse = (reason: string): SignatureVerification => ({ valid: false, reason, ...found });

  if (!isInExtensionContent(signature, root)) {
    return refuse('La firma no está en ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent.');
  }
  const references = signature.getElementsByTagNameNS(DSIG_NS, 'Reference');
  if (references.length !== 1 || references.item(0)?.getAttribute('URI') !== '') {
    return refuse('La firma debe cubrir el documento completo (una sola referencia con URI vacía).');
  }
  if (!certificateBase64) return refuse('La firma no incluye el certificado (KeyInfo/X509Certificate).');
  const certificatePem = pemOf(certificateBase64);
  if (!certificatePem) return refuse('El certificado incluido en la firma no se puede leer.');

  // The key comes from the certificate we extracted; xml-crypto's own KeyInfo lookup stays off.
  const verifier = new SignedXml({ publicCert: certificatePem });
  try {
    verifier.loadSignature(signature);
    if (verifier.checkSignature(xml)) return { valid: true, ...found };
  } catch (error) {
    if (error instanceof Error && /signature value .* is incorrect/.test(error.message)) {
      return refuse('El valor de la firma no corresponde al certificado ni a la información firmada.');
    }
    return refuse(
      `La firma no se puede verificar: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // checkSignature returns false (instead of throwing) when a reference's digest differs.
  return refuse('El documento fue modificado después de firmarse: el DigestValue no coincide.');
}

function parseDocumentElement(xml: string): Element | null {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    return doc.documentElement;
  } catch {
    return null;
  }
}

function textOf(scope: Element, localName: string): string | undefined {
  const text = scope.getElementsByTagNameNS(DSIG_NS, localName).item(0)?.textContent?.trim();
  return text ? text : undefined;
}

/** Root › ext:UBLExtensions › ext:UBLExtension › ext:ExtensionContent › ds:Signature. */
function isInExtensionContent(signature: Element, root: Element): boolean {
  const content = signature.parentNode;
  const extension = content?.parentNode;
  const extensions = extension?.parentNode;
  return (
    isExtElement(content, 'ExtensionContent') &&
    isExtElement(extension, 'UBLExtension') &&
    isExtElement(extensions, 'UBLExtensions') &&
    extensions?.parentNode === root
  );
}

function isExtElement(node: Node | null | undefined, localName: string): boolean {
  return (
    node?.nodeType === ELEMENT_NODE &&
    (node as Element).namespaceURI === EXT_NS &&
    (node as Element).localName === localName
  );
}

function pemOf(base64Der: string): string | null {
  try {
    return new X509Certificate(Buffer.from(base64Der, 'base64')).toString();
  } catch {
    return null;
  }
}
