import { el, type XmlElement } from './xml-writer';

/** Id the signer must give `ds:Signature`: `cac:Signature` points at it. */
export const SIGNATURE_ID = 'SignatureSP';

/**
 * The one empty `ext:ExtensionContent` the signer fills. Until then the document is not
 * XSD-valid (the schema wants exactly one element there), which is why the signer, not the
 * builder, completes it.
 */
export function unsignedExtensions(): XmlElement {
  return el('ext:UBLExtensions', {}, el('ext:UBLExtension', {}, el('ext:ExtensionContent')));
}

/** `cac:Signature`: who signs (the issuer) and where the XMLDSig signature is. */
export function signatureReference(store: { ruc: string; legalName: string }): XmlElement {
  return el(
    'cac:Signature',
    {},
    el('cbc:ID', {}, store.ruc),
    el(
      'cac:SignatoryParty',
      {},
      el('cac:PartyIdentification', {}, el('cbc:ID', {}, store.ruc)),
      el('cac:PartyName', {}, el('cbc:Name', {}, store.legalName)),
    ),
    el(
      'cac:DigitalSignatureAttachment',
      {},
      el('cac:ExternalReference', {}, el('cbc:URI', {}, `#${SIGNATURE_ID}`)),
    ),
  );
}
