import type { Document, Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import {
  childElements,
  decodeXmlBytes,
  findPath,
  parseXml,
  trimmedText,
} from '../../fiscal/sunat-client/xml-dom';
import { documentNameOfZip, parseDocumentName, type DocumentName } from './document-name';
import { validateWithXmllint, type SchemaName } from './schema-check';
import { checkEnvelopedSignature } from './signature-check';

/**
 * What SUNAT checks on a received zip before judging the document, in SUNAT's order and with
 * its codes (CatalogoErrores.xml): zip name and content (01xx), XML readable (0306), file name
 * against content (1034/1035/1036, 2220/2221/2346 for RC, 2285/2286/2330 for RA), signature
 * (1059/2334/2335/2336), and the XSD. SUNAT's code for an XSD violation is not documented:
 * 0306 with xmllint's message as detail is this emulator's choice.
 */

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

interface RootSpec {
  namespace: string;
  localName: SchemaName;
}

const ROOTS: Readonly<Record<string, RootSpec>> = {
  '01': { namespace: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', localName: 'Invoice' },
  '03': { namespace: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', localName: 'Invoice' },
  '07': { namespace: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2', localName: 'CreditNote' },
  '08': { namespace: 'urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2', localName: 'DebitNote' },
  RC: {
    namespace: 'urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1',
    localName: 'SummaryDocuments',
  },
  RA: {
    namespace: 'urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1',
    localName: 'VoidedDocuments',
  },
};

/** Serie per document type; four digits are contingency (paper) series (sunat.md §1.4). */
const SERIES: Readonly<Record<string, RegExp>> = {
  '01': /^(F[A-Z0-9]{3}|\d{4})$/,
  '03': /^(B[A-Z0-9]{3}|\d{4})$/,
  '07': /^([FB][A-Z0-9]{3}|\d{4})$/,
  '08': /^([FB][A-Z0-9]{3}|\d{4})$/,
};

export interface InspectedDocument {
  name: DocumentName;
  /** `01`, `03`, `07`, `08`, `RC`, `RA`. */
  typeCode: string;
  /** `F001-1`, `RC-20201007-1`: what the CDR answers. */
  referenceId: string;
  /** Customer `{tipo}-{número}` of a single document. */
  recipientId?: string;
  xmlBytes: Uint8Array;
  xml: string;
}

export type SubmissionCheck =
  | { ok: true; document: InspectedDocument }
  | { ok: false; code: string; detail?: string; name?: DocumentName; xml?: string };

export interface SubmissionInput {
  operation: 'sendBill' | 'sendSummary';
  fileName: string;
  zip: Uint8Array;
  /** RUC of the authenticated user (first 11 characters of the username). */
  senderRuc: string;
}

export interface CheckOptions {
  verifySignature: boolean;
  validateSchema: boolean;
}

export async function inspectSubmission(
  input: SubmissionInput,
  options: CheckOptions,
): Promise<SubmissionCheck> {
  const baseName = documentNameOfZip(input.fileName);
  const name = baseName === undefined ? undefined : parseDocumentName(baseName);
  if (!name) return { ok: false, code: '0151', detail: input.fileName };
  if (input.operation === 'sendBill' && name.kind === 'summary') return { ok: false, code: '0152', name };
  if (input.operation === 'sendSummary' && name.kind === 'document') {
    return { ok: false, code: '0151', detail: 'sendSummary solo recibe RC/RA.', name };
  }
  const typeCode = name.kind === 'document' ? name.docType : name.summaryType;
  const root = ROOTS[typeCode];
  if (!root) return { ok: false, code: '0151', detail: `Tipo ${typeCode} no soportado.`, name };
  if (name.ruc !== input.senderRuc) return { ok: false, code: '0154', name };

  const unzipped = unzipSingleXml(input.zip, name.name);
  if (!unzipped.ok) return { ...unzipped, name };
  const { xmlBytes } = unzipped;
  if (xmlBytes[0] === 0xef && xmlBytes[1] === 0xbb && xmlBytes[2] === 0xbf) {
    return { ok: false, code: '0306', detail: 'El XML empieza con BOM.', name };
  }
  const xml = decodeXmlBytes(xmlBytes);
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (error) {
    return { ok: false, code: '0306', detail: (error as Error).message, name, xml };
  }
  const rootElement = doc.documentElement as Element;
  if (rootElement.namespaceURI !== root.namespace || rootElement.localName !== root.localName) {
    const known = Object.values(ROOTS).some(
      (spec) => spec.namespace === rootElement.namespaceURI && spec.localName === rootElement.localName,
    );
    return { ok: false, code: known ? '1003' : '0301', detail: rootElement.tagName, name, xml };
  }

  const content =
    name.kind === 'document'
      ? checkDocumentContent(rootElement, name)
      : checkSummaryContent(rootElement, name);
  if (!content.ok) return { ...content, name, xml };

  if (options.verifySignature) {
    const signature = checkEnvelopedSignature(xml, doc);
    if (!signature.ok) return { ...signature, name, xml };
  }
  if (options.validateSchema) {
    const schema = await validateWithXmllint(xmlBytes, root.localName);
    if (!schema.ok) return { ok: false, code: '0306', detail: schema.detail, name, xml };
  }
  return {
    ok: true,
    document: {
      name,
      typeCode,
      referenceId: name.kind === 'document' ? `${name.serie}-${name.number}` : name.id,
      ...(content.recipientId ? { recipientId: content.recipientId } : {}),
      xmlBytes,
      xml,
    },
  };
}

type Unzipped = { ok: true; xmlBytes: Uint8Array } | { ok: false; code: string; detail?: string };

function unzipSingleXml(zip: Uint8Array, name: string): Unzipped {
  if (zip.length === 0) return { ok: false, code: '0155' };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return { ok: false, code: '0156', detail: (error as Error).message };
  }
  const entries = Object.entries(files).filter(([entryName]) => !entryName.endsWith('/'));
  if (entries.length === 0) return { ok: false, code: '0155' };
  const xmlEntries = entries.filter(([entryName]) => /\.xml$/i.test(entryName));
  if (xmlEntries.length === 0) return { ok: false, code: '0157' };
  if (xmlEntries.length > 1) return { ok: false, code: '0158' };
  const [entryName, xmlBytes] = xmlEntries[0] ?? ['', new Uint8Array()];
  if (entryName !== `${name}.xml`) return { ok: false, code: '0161', detail: entryName };
  if (xmlBytes.length === 0) return { ok: false, code: '0160' };
  return { ok: true, xmlBytes };
}

type ContentCheck = { ok: true; recipientId?: string } | { ok: false; code: string; detail?: string };

function checkDocumentContent(
  root: Element,
  name: Extract<DocumentName, { kind: 'document' }>,
): ContentCheck {
  if (text(root, 'UBLVersionID') !== '2.1')
    return { ok: false, code: '2074', detail: text(root, 'UBLVersionID') };
  const id = text(root, 'ID') ?? '';
  const idMatch = /^([A-Z0-9]{4})-(\d{1,8})$/.exec(id);
  if (!idMatch || !SERIES[name.docType]?.test(name.serie)) return { ok: false, code: '1001', detail: id };
  if (idMatch[1] !== name.serie) return { ok: false, code: '1035', detail: id };
  if (Number(idMatch[2]) !== name.number) return { ok: false, code: '1036', detail: id };
  const supplier = trimmedText(
    findPath(
      root,
      [CAC, 'AccountingSupplierParty'],
      [CAC, 'Party'],
      [CAC, 'PartyIdentification'],
      [CBC, 'ID'],
    ),
  );
  if (supplier !== name.ruc) return { ok: false, code: '1034', detail: supplier };
  if (root.localName === 'Invoice' && text(root, 'InvoiceTypeCode') !== name.docType) {
    return { ok: false, code: '1003', detail: text(root, 'InvoiceTypeCode') };
  }
  const customer = findPath(
    root,
    [CAC, 'AccountingCustomerParty'],
    [CAC, 'Party'],
    [CAC, 'PartyIdentification'],
    [CBC, 'ID'],
  );
  const customerId = trimmedText(customer);
  const schemeId = customer?.getAttribute('schemeID') ?? '';
  return { ok: true, ...(customerId ? { recipientId: `${schemeId}-${customerId}` } : {}) };
}

function checkSummaryContent(root: Element, name: Extract<DocumentName, { kind: 'summary' }>): ContentCheck {
  const codes =
    name.summaryType === 'RA'
      ? { id: '2285', ruc: '2286', date: '2330' }
      : { id: '2220', ruc: '2221', date: '2346' };
  const id = text(root, 'ID');
  if (id !== name.id) return { ok: false, code: codes.id, detail: id };
  // UBL 2.0 summaries name the issuer in CustomerAssignedAccountID; newer ones as a party id.
  const supplier =
    trimmedText(findPath(root, [CAC, 'AccountingSupplierParty'], [CBC, 'CustomerAssignedAccountID'])) ??
    trimmedText(
      findPath(
        root,
        [CAC, 'AccountingSupplierParty'],
        [CAC, 'Party'],
        [CAC, 'PartyIdentification'],
        [CBC, 'ID'],
      ),
    );
  if (supplier !== name.ruc) return { ok: false, code: codes.ruc, detail: supplier };
  const issueDate = text(root, 'IssueDate');
  if (issueDate !== name.date) return { ok: false, code: codes.date, detail: issueDate };
  return { ok: true };
}

function text(root: Element, localName: string): string | undefined {
  return trimmedText(childElements(root, CBC, localName)[0]);
}
