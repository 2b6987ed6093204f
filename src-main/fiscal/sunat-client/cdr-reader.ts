import type { Element } from '@xmldom/xmldom';
import { childElements, decodeXmlBytes, findPath, parseXml, trimmedText, XmlParseError } from './xml-dom';

/**
 * Reads a CDR (`ApplicationResponse`): UBL 2.0 from SUNAT, 2.1 from OSEs, with whatever
 * prefixes the sender chose (one OSE puts cbc in the default namespace). The signature is not
 * checked: beta CDRs carry placeholder text instead of one (sunat.md §1.6).
 */

export const UBL_NS = {
  applicationResponse: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

const CAC = UBL_NS.cac;
const CBC = UBL_NS.cbc;

export interface CdrNote {
  /** `4252`; empty when the note does not start with a code. */
  code: string;
  message: string;
}

export interface CdrInfo {
  /** CDR id (SUNAT: a number or the ticket; OSE: a UUID). Absent in some exception CDRs. */
  id?: string;
  issueDate?: string;
  issueTime?: string;
  responseDate?: string;
  responseTime?: string;
  /** The answered document, `F001-1` or `RC-20201007-1`. */
  referenceId: string;
  /** As written: `0`, `0109`, `2017`, `4252`… Classify it with `classifySunatCode`. */
  responseCode: string;
  description: string;
  /** Observations (`cbc:Note` lines `NNNN - mensaje`); present on accepted documents. */
  notes: CdrNote[];
  /** Who answered: SUNAT's RUC 20131312955 or the OSE's. */
  senderId?: string;
  /** The issuer (our RUC). */
  receiverId?: string;
  /** The customer as `{tipo}-{número}` (SUNAT) or just the number (OSE 2.1). */
  recipientId?: string;
}

export class CdrReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CdrReadError';
  }
}

/** Reads a CDR from its XML bytes (any declared encoding) or already-decoded text. */
export function readCdr(xml: Uint8Array | string): CdrInfo {
  const text = typeof xml === 'string' ? xml : decodeXmlBytes(xml);
  let root: Element;
  try {
    root = parseXml(text).documentElement as Element;
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new CdrReadError(`El CDR no es un XML válido: ${error.message}`);
    throw error;
  }
  if (root.localName !== 'ApplicationResponse' || root.namespaceURI !== UBL_NS.applicationResponse) {
    throw new CdrReadError(`El CDR no es un ApplicationResponse: ${root.tagName}`);
  }

  const documentResponse = childElements(root, CAC, 'DocumentResponse')[0];
  const response = documentResponse ? childElements(documentResponse, CAC, 'Response')[0] : undefined;
  const responseCode = response ? trimmedText(childElements(response, CBC, 'ResponseCode')[0]) : undefined;
  if (!documentResponse || !response || !responseCode) {
    throw new CdrReadError('El CDR no contiene cbc:ResponseCode.');
  }
  const referenceId =
    trimmedText(childElements(response, CBC, 'ReferenceID')[0]) ??
    trimmedText(findPath(documentResponse, [CAC, 'DocumentReference'], [CBC, 'ID'])) ??
    '';

  return withoutUndefined({
    id: direct(root, 'ID'),
    issueDate: direct(root, 'IssueDate'),
    issueTime: direct(root, 'IssueTime'),
    responseDate: direct(root, 'ResponseDate'),
    responseTime: direct(root, 'ResponseTime'),
    referenceId,
    responseCode,
    description: trimmedText(childElements(response, CBC, 'Description')[0]) ?? '',
    notes: childElements(root, CBC, 'Note').map((note) => parseNote(note.textContent ?? '')),
    senderId: partyId(childElements(root, CAC, 'SenderParty')[0]),
    receiverId: partyId(childElements(root, CAC, 'ReceiverParty')[0]),
    recipientId: partyId(childElements(documentResponse, CAC, 'RecipientParty')[0]),
  });
}

/** `4252 - El dato ingresado… - INFO: …` → code 4252 and the rest as message. */
export function parseNote(text: string): CdrNote {
  const trimmed = text.trim();
  const match = /^(\d+)\s*-\s*([\s\S]*)$/.exec(trimmed);
  return match ? { code: match[1] ?? '', message: (match[2] ?? '').trim() } : { code: '', message: trimmed };
}

function direct(root: Element, localName: string): string | undefined {
  return trimmedText(childElements(root, CBC, localName)[0]) || undefined;
}

/** SUNAT writes `PartyIdentification/ID`, OSEs (UBL 2.1) `PartyLegalEntity/CompanyID`. */
function partyId(party: Element | undefined): string | undefined {
  if (!party) return undefined;
  return (
    trimmedText(findPath(party, [CAC, 'PartyIdentification'], [CBC, 'ID'])) ||
    trimmedText(findPath(party, [CAC, 'PartyLegalEntity'], [CBC, 'CompanyID'])) ||
    undefined
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
