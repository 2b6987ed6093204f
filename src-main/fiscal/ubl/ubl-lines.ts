import type { SaleLineView } from '../../sales/sale-view';
import { baseOfIncluded } from '../../sales/taxes';
import { formatQuantity } from '../../shared/money';
import { amount, decimalRatio } from './ubl-amounts';
import { catalogUri, SUNAT_AGENCY, UNECE_AGENCY } from './ubl-catalogs';
import { lineTaxTotal, lineValueCents } from './ubl-taxes';
import { el, type XmlElement } from './xml-writer';

/**
 * Document lines. Invoice, credit note and debit note lines carry the same facts under
 * different names, and the XSD orders them differently: an InvoiceLine puts its
 * AllowanceCharge before TaxTotal, Credit/DebitNoteLine after it.
 */

export interface LineKind {
  element: 'cac:InvoiceLine' | 'cac:CreditNoteLine' | 'cac:DebitNoteLine';
  quantity: 'cbc:InvoicedQuantity' | 'cbc:CreditedQuantity' | 'cbc:DebitedQuantity';
  allowanceBeforeTaxes: boolean;
}

export const INVOICE_LINE: LineKind = {
  element: 'cac:InvoiceLine',
  quantity: 'cbc:InvoicedQuantity',
  allowanceBeforeTaxes: true,
};
export const CREDIT_NOTE_LINE: LineKind = {
  element: 'cac:CreditNoteLine',
  quantity: 'cbc:CreditedQuantity',
  allowanceBeforeTaxes: false,
};
export const DEBIT_NOTE_LINE: LineKind = {
  element: 'cac:DebitNoteLine',
  quantity: 'cbc:DebitedQuantity',
  allowanceBeforeTaxes: false,
};

/**
 * Valor unitario (without IGV). The sale keeps only the IGV-included shelf price, so for a
 * gravado line it is derived as round(price × 10000 / (10000 + rate)) — the same rule the tax
 * engine uses for bases — and equals the price otherwise.
 */
function unitValueCents(line: SaleLineView, igvBps: number): number {
  return line.affectation === '10' ? baseOfIncluded(line.unitPriceCents, igvBps) : line.unitPriceCents;
}

/** Gross value without IGV, before the discount: the base the discount applies to. */
function grossValueCents(line: SaleLineView, igvBps: number): number {
  return line.affectation === '10' ? baseOfIncluded(line.grossCents, igvBps) : line.grossCents;
}

export function documentLine(kind: LineKind, line: SaleLineView, igvBps: number): XmlElement {
  const discount = line.discountCents > 0 ? lineDiscount(line, igvBps) : null;
  return el(
    kind.element,
    {},
    el('cbc:ID', {}, String(line.lineNo)),
    el(
      kind.quantity,
      { unitCode: line.unit, unitCodeListID: 'UN/ECE rec 20', unitCodeListAgencyName: UNECE_AGENCY },
      formatQuantity(line.quantityMilli, line.unit === 'KGM' ? 'KGM' : 'NIU'),
    ),
    amount('cbc:LineExtensionAmount', lineValueCents(line)),
    el(
      'cac:PricingReference',
      {},
      el(
        'cac:AlternativeConditionPrice',
        {},
        line.discountCents === 0
          ? amount('cbc:PriceAmount', line.unitPriceCents)
          : el('cbc:PriceAmount', { currencyID: 'PEN' }, discountedUnitPrice(line)),
        el(
          'cbc:PriceTypeCode',
          { listName: 'Tipo de Precio', listAgencyName: SUNAT_AGENCY, listURI: catalogUri('16') },
          '01',
        ),
      ),
    ),
    kind.allowanceBeforeTaxes && discount,
    lineTaxTotal(line, igvBps),
    !kind.allowanceBeforeTaxes && discount,
    el(
      'cac:Item',
      {},
      el('cbc:Description', {}, line.description),
      el('cac:SellersItemIdentification', {}, el('cbc:ID', {}, sellerItemCode(line.sku))),
    ),
    el('cac:Price', {}, amount('cbc:PriceAmount', unitValueCents(line, igvBps))),
  );
}

/** Catálogo 53 code 00: discount that reduces the taxable base, stated without IGV. */
function lineDiscount(line: SaleLineView, igvBps: number): XmlElement | null {
  const baseCents = grossValueCents(line, igvBps);
  const discountCents = baseCents - lineValueCents(line);
  if (baseCents <= 0 || discountCents <= 0) return null;
  return el(
    'cac:AllowanceCharge',
    {},
    el('cbc:ChargeIndicator', {}, 'false'),
    el('cbc:AllowanceChargeReasonCode', {}, '00'),
    el('cbc:MultiplierFactorNumeric', {}, decimalRatio(discountCents, baseCents, 5)),
    amount('cbc:Amount', discountCents),
    amount('cbc:BaseAmount', baseCents),
  );
}

/**
 * SUNAT's boleta rules observe (4269) item codes that are not letters and digits only, and store
 * SKUs often carry dashes (`ABA-0001`): the code SUNAT sees keeps just the letters and digits.
 */
export function sellerItemCode(sku: string): string {
  const code = sku.replace(/[^A-Za-z0-9]/g, '').slice(0, 30);
  return code === '' ? '0' : code;
}

/**
 * What the customer paid per unit of a discounted line, IGV included: amount ÷ quantity. SUNAT
 * observes (4287) a reference price that differs from value plus taxes per unit by over S/ 1.00;
 * unit values may carry up to 10 decimals.
 */
function discountedUnitPrice(line: SaleLineView): string {
  return decimalRatio(line.amountCents * 1000, line.quantityMilli * 100, 4);
}
