import { zipSync } from 'fflate';
import { limaDate, limaTime } from '../../shared/lima-time';
import type { ObservationNote } from './scenarios';

/**
 * CDRs shaped like SUNAT's (samples R-20600995805-01-F001-1.xml and the beta ones): UBL 2.0
 * `ar:ApplicationResponse` with SUNAT as sender, unsigned — beta CDRs carry placeholder
 * signatures too (sunat.md §1.6). Element order follows UBL 2.0 ApplicationResponse.
 */

export const SUNAT_RUC = '20131312955';

export interface CdrSpec {
  /** `20123456789-01-F001-1`: names the zip and its entry. */
  documentName: string;
  /** `F001-1` or `RC-20201007-1`. */
  referenceId: string;
  issuerRuc: string;
  /** Customer as `{tipo}-{número}`; summaries have none. */
  recipientId?: string;
  cdrId: string;
  responseCode: string;
  description: string;
  notes: readonly ObservationNote[];
  respondedAt: Date;
}

const NAMESPACES =
  'xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" ' +
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" ' +
  'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ' +
  'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"';

export function writeCdrXml(spec: CdrSpec): string {
  const date = limaDate(spec.respondedAt);
  const time = limaTime(spec.respondedAt);
  const party = (tag: string, id: string): string =>
    `<cac:${tag}><cac:PartyIdentification><cbc:ID>${escape(id)}</cbc:ID></cac:PartyIdentification></cac:${tag}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<ar:ApplicationResponse ${NAMESPACES}>`,
    '<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>',
    '<cbc:UBLVersionID>2.0</cbc:UBLVersionID>',
    '<cbc:CustomizationID>1.0</cbc:CustomizationID>',
    `<cbc:ID>${escape(spec.cdrId)}</cbc:ID>`,
    `<cbc:IssueDate>${date}</cbc:IssueDate>`,
    `<cbc:IssueTime>${time}</cbc:IssueTime>`,
    `<cbc:ResponseDate>${date}</cbc:ResponseDate>`,
    `<cbc:ResponseTime>${time}</cbc:ResponseTime>`,
    ...spec.notes.map((note) => `<cbc:Note>${escape(`${note.code} - ${note.message}`)}</cbc:Note>`),
    '<cac:Signature><cbc:ID>SignSUNAT</cbc:ID><cac:SignatoryParty>',
    `<cac:PartyIdentification><cbc:ID>${SUNAT_RUC}</cbc:ID></cac:PartyIdentification>`,
    '<cac:PartyName><cbc:Name>SUNAT</cbc:Name></cac:PartyName></cac:SignatoryParty>',
    '<cac:DigitalSignatureAttachment><cac:ExternalReference><cbc:URI>#SignSUNAT</cbc:URI></cac:ExternalReference></cac:DigitalSignatureAttachment>',
    '</cac:Signature>',
    party('SenderParty', SUNAT_RUC),
    party('ReceiverParty', spec.issuerRuc),
    '<cac:DocumentResponse>',
    '<cac:Response>',
    `<cbc:ReferenceID>${escape(spec.referenceId)}</cbc:ReferenceID>`,
    `<cbc:ResponseCode>${escape(spec.responseCode)}</cbc:ResponseCode>`,
    `<cbc:Description>${escape(spec.description)}</cbc:Description>`,
    '</cac:Response>',
    `<cac:DocumentReference><cbc:ID>${escape(spec.referenceId)}</cbc:ID></cac:DocumentReference>`,
    spec.recipientId ? party('RecipientParty', spec.recipientId) : '',
    '</cac:DocumentResponse>',
    '</ar:ApplicationResponse>',
    '',
  ].join('\n');
}

/** `R-{name}.zip`: a `dummy/` folder entry first, then `R-{name}.xml`, as SUNAT zips them. */
export function zipCdr(documentName: string, cdrXml: string): Uint8Array {
  return zipSync({
    dummy: {},
    [`R-${documentName}.xml`]: new TextEncoder().encode(cdrXml),
  });
}

const DOCUMENT_LABELS: Readonly<Record<string, string>> = {
  '01': 'La Factura numero',
  '03': 'La Boleta numero',
  '07': 'La Nota de Credito numero',
  '08': 'La Nota de Debito numero',
  RC: 'El Resumen de Boletas',
  RA: 'La Comunicacion de baja',
  RR: 'El Resumen de Reversiones',
};

/** "La Factura numero F001-1, ha sido aceptada", as SUNAT words it. */
export function acceptedDescription(typeCode: string, referenceId: string): string {
  const label = DOCUMENT_LABELS[typeCode] ?? 'El comprobante';
  const ending = label.startsWith('El ') ? 'aceptado' : 'aceptada';
  return `${label} ${referenceId}, ha sido ${ending}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
