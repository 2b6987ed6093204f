import { assertValidNote } from '../documents/note-rules';
import { singleLineText } from '../documents/fiscal-identifiers';
import type { NoteReference, NoteView } from '../documents/note-view';
import type { InvoiceXmlOptions } from './invoice-xml';
import { catalogUri, SUNAT_AGENCY } from './ubl-catalogs';
import { amountInWordsNote, documentCurrencyCode, sunatDocumentId, ubl21Header } from './ubl-header';
import { CREDIT_NOTE_LINE, DEBIT_NOTE_LINE, documentLine } from './ubl-lines';
import { monetaryTotal } from './ubl-monetary-total';
import { ubl21Namespaces } from './ubl-namespaces';
import { customerParty, supplierParty } from './ubl-parties';
import { signatureReference, unsignedExtensions } from './ubl-signature';
import { DEFAULT_IGV_BPS, documentTaxTotal } from './ubl-taxes';
import { el, serializeXmlDocument, type XmlElement } from './xml-writer';

/**
 * UBL 2.1 CreditNote (07) and DebitNote (08), unsigned, from a NoteView the core computed.
 *
 * Same parts as the invoice (ubl-*.ts) in the order of UBL-{CreditNote,DebitNote}-2.1.xsd. SUNAT
 * does not use CreditNoteTypeCode (the DebitNote schema has no type code at all): the kind of
 * note is `cac:DiscrepancyResponse/cbc:ResponseCode`, catálogo 09 or 10.
 */

/** Same options as the invoice: issuer address and IGV rate. */
export type NoteXmlOptions = InvoiceXmlOptions;

const NOTE_KINDS = {
  '07': {
    root: 'CreditNote',
    line: CREDIT_NOTE_LINE,
    monetaryTotal: 'cac:LegalMonetaryTotal',
    reasonListName: 'Tipo de nota de credito',
    reasonCatalog: '09',
  },
  '08': {
    root: 'DebitNote',
    line: DEBIT_NOTE_LINE,
    monetaryTotal: 'cac:RequestedMonetaryTotal',
    reasonListName: 'Tipo de nota de debito',
    reasonCatalog: '10',
  },
} as const;

/** Throws FiscalDocumentError when the note breaks a rule SUNAT would reject it for. */
export function buildNoteXml(note: NoteView, options: NoteXmlOptions = {}): string {
  assertValidNote(note);
  const kind = NOTE_KINDS[note.noteType];
  const igvBps = options.igvBps ?? DEFAULT_IGV_BPS;
  const root = el(
    kind.root,
    ubl21Namespaces(kind.root),
    unsignedExtensions(),
    ubl21Header(note),
    amountInWordsNote(note.totals.totalCents),
    documentCurrencyCode(),
    discrepancyResponse(note),
    billingReference(note.reference),
    signatureReference(note.store),
    supplierParty(note.store, options),
    customerParty(note.customer),
    documentTaxTotal(note),
    monetaryTotal(kind.monetaryTotal, note.totals),
    note.lines.map((line) => documentLine(kind.line, line, igvBps)),
  );
  return serializeXmlDocument(root);
}

function discrepancyResponse(note: NoteView): XmlElement {
  const kind = NOTE_KINDS[note.noteType];
  return el(
    'cac:DiscrepancyResponse',
    {},
    el('cbc:ReferenceID', {}, sunatDocumentId(note.reference)),
    el(
      'cbc:ResponseCode',
      {
        listAgencyName: SUNAT_AGENCY,
        listName: kind.reasonListName,
        listURI: catalogUri(kind.reasonCatalog),
      },
      note.reasonCode,
    ),
    el('cbc:Description', {}, singleLineText(note.reasonDescription)),
  );
}

function billingReference(reference: NoteReference): XmlElement {
  return el(
    'cac:BillingReference',
    {},
    el(
      'cac:InvoiceDocumentReference',
      {},
      el('cbc:ID', {}, sunatDocumentId(reference)),
      el(
        'cbc:DocumentTypeCode',
        { listAgencyName: SUNAT_AGENCY, listName: 'Tipo de Documento', listURI: catalogUri('01') },
        reference.docType,
      ),
    ),
  );
}
