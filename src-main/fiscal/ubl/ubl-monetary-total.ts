import type { DocumentTotals } from '../../sales/taxes';
import { amount } from './ubl-amounts';
import { el, type XmlElement } from './xml-writer';

/**
 * LegalMonetaryTotal (invoice, credit note) or RequestedMonetaryTotal (debit note): valor de
 * venta, total with taxes and the amount payable, which are equal for a counter sale.
 */
export function monetaryTotal(
  name: 'cac:LegalMonetaryTotal' | 'cac:RequestedMonetaryTotal',
  totals: DocumentTotals,
): XmlElement {
  const valueWithoutTaxes = totals.gravadasCents + totals.exoneradasCents + totals.inafectasCents;
  return el(
    name,
    {},
    amount('cbc:LineExtensionAmount', valueWithoutTaxes),
    amount('cbc:TaxInclusiveAmount', totals.totalCents),
    amount('cbc:PayableAmount', totals.totalCents),
  );
}
