import { amountInWords } from '../../receipt/amount-in-words';
import { CURRENCY } from './ubl-amounts';
import { UNECE_AGENCY } from './ubl-catalogs';
import { timestampDate, timestampTime } from './ubl-dates';
import { el, type XmlElement } from './xml-writer';

/** Header elements every UBL 2.1 CPE starts with, and the parts around its type code. */

/** `B001-1`: SUNAT's samples and the file name (RUC-TT-SERIE-NUMERO) use the unpadded number. */
export function sunatDocumentId(doc: { serie: string; correlativo: number }): string {
  return `${doc.serie}-${doc.correlativo}`;
}

/** UBLVersionID … IssueTime: what precedes the type code (invoices) or the notes. */
export function ubl21Header(doc: { serie: string; correlativo: number; issuedAt: string }): XmlElement[] {
  return [
    el('cbc:UBLVersionID', {}, '2.1'),
    el('cbc:CustomizationID', {}, '2.0'),
    el('cbc:ID', {}, sunatDocumentId(doc)),
    el('cbc:IssueDate', {}, timestampDate(doc.issuedAt)),
    el('cbc:IssueTime', {}, timestampTime(doc.issuedAt)),
  ];
}

/** Leyenda 1000 (catálogo 52): the total in words. */
export function amountInWordsNote(totalCents: number): XmlElement {
  return el('cbc:Note', { languageLocaleID: '1000' }, amountInWords(totalCents));
}

export function documentCurrencyCode(): XmlElement {
  return el(
    'cbc:DocumentCurrencyCode',
    { listID: 'ISO 4217 Alpha', listName: 'Currency', listAgencyName: UNECE_AGENCY },
    CURRENCY,
  );
}
