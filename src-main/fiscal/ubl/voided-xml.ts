import { singleLineText } from '../documents/fiscal-identifiers';
import { assertValidVoided } from '../documents/voided-rules';
import type { VoidedLine, VoidedView } from '../documents/voided-view';
import { sunatSummaryNamespaces } from './ubl-namespaces';
import { summarySupplierParty } from './ubl-parties';
import { signatureReference, unsignedExtensions } from './ubl-signature';
import { el, serializeXmlDocument, type XmlElement } from './xml-writer';

/**
 * Comunicación de baja (RA): UBL 2.0 + VoidedDocuments-1, CustomizationID 1.0
 * (UBLPE-VoidedDocuments-1.0.xsd, ValidaExprRegSummaryVoided-1.0.1.xsl). Unsigned, with the
 * same empty signature slot as the CPE. Only facturas and their notes: boletas are voided in
 * the resumen diario.
 */

/** Throws FiscalDocumentError when the communication breaks a rule SUNAT would reject it for. */
export function buildVoidedXml(voided: VoidedView): string {
  assertValidVoided(voided);
  const root = el(
    'VoidedDocuments',
    sunatSummaryNamespaces('VoidedDocuments'),
    unsignedExtensions(),
    el('cbc:UBLVersionID', {}, '2.0'),
    el('cbc:CustomizationID', {}, '1.0'),
    el('cbc:ID', {}, voided.id),
    el('cbc:ReferenceDate', {}, voided.referenceDate),
    el('cbc:IssueDate', {}, voided.issueDate),
    signatureReference(voided.store),
    summarySupplierParty(voided.store),
    voided.lines.map((line, index) => voidedLine(line, index + 1)),
  );
  return serializeXmlDocument(root);
}

function voidedLine(line: VoidedLine, lineId: number): XmlElement {
  return el(
    'sac:VoidedDocumentsLine',
    {},
    el('cbc:LineID', {}, String(lineId)),
    el('cbc:DocumentTypeCode', {}, line.docType),
    el('sac:DocumentSerialID', {}, line.serie),
    el('sac:DocumentNumberID', {}, String(line.correlativo)),
    el('sac:VoidReasonDescription', {}, singleLineText(line.reason)),
  );
}
