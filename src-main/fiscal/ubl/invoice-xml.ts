import type { SaleView } from '../../sales/sale-view';
import { catalogUri, SUNAT_AGENCY } from './ubl-catalogs';
import { amountInWordsNote, documentCurrencyCode, ubl21Header } from './ubl-header';
import { documentLine, INVOICE_LINE } from './ubl-lines';
import { monetaryTotal } from './ubl-monetary-total';
import { ubl21Namespaces } from './ubl-namespaces';
import { customerParty, supplierParty, type IssuerAddressOptions } from './ubl-parties';
import { signatureReference, unsignedExtensions } from './ubl-signature';
import { DEFAULT_IGV_BPS, documentTaxTotal } from './ubl-taxes';
import { el, serializeXmlDocument, type XmlElement } from './xml-writer';

/**
 * UBL 2.1 Invoice (SUNAT factura 01 / boleta 03), unsigned.
 *
 * Element names, order and list attributes follow UBL-Invoice-2.1.xsd and SUNAT's own samples
 * (shared/external/sunat/samples). Every amount comes from the sale's integer céntimos and is
 * written with two decimals by string arithmetic. The signature goes later into the one empty
 * `ext:ExtensionContent` (see ubl-signature.ts). The parts credit and debit notes share live in
 * the ubl-*.ts modules.
 */

export { decimalAmount } from './ubl-amounts';
export { sunatDocumentId } from './ubl-header';
export { SIGNATURE_ID } from './ubl-signature';

export interface InvoiceXmlOptions extends IssuerAddressOptions {
  /** IGV rate in basis points, 1800 = 18 %. Only used to state the rate and unit values. */
  igvBps?: number;
}

/** Catálogo 51: venta interna, the only operation type a counter sale has. */
const OPERATION_TYPE = '0101';

export function buildInvoiceXml(sale: SaleView, options: InvoiceXmlOptions = {}): string {
  const igvBps = options.igvBps ?? DEFAULT_IGV_BPS;
  const root = el(
    'Invoice',
    ubl21Namespaces('Invoice'),
    unsignedExtensions(),
    ubl21Header(sale),
    invoiceTypeCode(sale),
    amountInWordsNote(sale.totals.totalCents),
    documentCurrencyCode(),
    signatureReference(sale.store),
    supplierParty(sale.store, options),
    customerParty(sale.customer),
    sale.docType === '01' && cashPaymentTerms(),
    documentTaxTotal(sale),
    monetaryTotal('cac:LegalMonetaryTotal', sale.totals),
    sale.lines.map((line) => documentLine(INVOICE_LINE, line, igvBps)),
  );
  return serializeXmlDocument(root);
}

function invoiceTypeCode(sale: SaleView): XmlElement {
  return el(
    'cbc:InvoiceTypeCode',
    {
      listID: OPERATION_TYPE,
      listAgencyName: SUNAT_AGENCY,
      listName: 'Tipo de Documento',
      listURI: catalogUri('01'),
      name: 'Tipo de Operacion',
      listSchemeURI: catalogUri('51'),
    },
    sale.docType,
  );
}

/** Facturas must state the forma de pago; a counter sale is always paid in full (contado). */
function cashPaymentTerms(): XmlElement {
  return el('cac:PaymentTerms', {}, el('cbc:ID', {}, 'FormaPago'), el('cbc:PaymentMeansID', {}, 'Contado'));
}
