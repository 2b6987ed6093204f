import type { IgvAffectationCode } from '../../../db/schema';
import type { SaleLineView } from '../../sales/sale-view';
import type { DocumentTotals } from '../../sales/taxes';
import { roundDiv } from '../../shared/money';
import { amount, decimalAmount } from './ubl-amounts';
import { catalogUri, SUNAT_AGENCY, UNECE_AGENCY } from './ubl-catalogs';
import { el, type XmlElement } from './xml-writer';

/** Tributos (catálogo 05) at document and line level, shared by facturas, boletas and notes. */

export interface TaxSchemeInfo {
  id: string;
  name: string;
  typeCode: string;
  /** UN/ECE 5305 tax category. */
  category: string;
}

/** Catálogo 07 → catálogo 05 for the affectations a store sells. */
export const TAX_SCHEME_BY_AFFECTATION: Record<IgvAffectationCode, TaxSchemeInfo> = {
  '10': { id: '1000', name: 'IGV', typeCode: 'VAT', category: 'S' },
  '20': { id: '9997', name: 'EXO', typeCode: 'VAT', category: 'E' },
  '30': { id: '9998', name: 'INA', typeCode: 'FRE', category: 'O' },
};

export const IGV_SCHEME = TAX_SCHEME_BY_AFFECTATION['10'];
export const ICBPER_SCHEME: TaxSchemeInfo = { id: '7152', name: 'ICBPER', typeCode: 'OTH', category: 'S' };

/** IGV rate in basis points, 1800 = 18 %. */
export const DEFAULT_IGV_BPS = 1800;

/** Valor de venta of a line after its discount: what was paid minus the IGV in it. */
export function lineValueCents(line: SaleLineView): number {
  return line.amountCents - line.igvCents;
}

export function taxScheme(scheme: TaxSchemeInfo): XmlElement {
  return el(
    'cac:TaxScheme',
    {},
    el(
      'cbc:ID',
      { schemeName: 'Codigo de tributos', schemeAgencyName: SUNAT_AGENCY, schemeURI: catalogUri('05') },
      scheme.id,
    ),
    el('cbc:Name', {}, scheme.name),
    el('cbc:TaxTypeCode', {}, scheme.typeCode),
  );
}

function taxCategoryId(scheme: TaxSchemeInfo): XmlElement {
  return el(
    'cbc:ID',
    { schemeID: 'UN/ECE 5305', schemeName: 'Tax Category Identifier', schemeAgencyName: UNECE_AGENCY },
    scheme.category,
  );
}

function documentTaxSubtotal(scheme: TaxSchemeInfo, taxableCents: number, taxCents: number): XmlElement {
  return el(
    'cac:TaxSubtotal',
    {},
    amount('cbc:TaxableAmount', taxableCents),
    amount('cbc:TaxAmount', taxCents),
    el('cac:TaxCategory', {}, taxCategoryId(scheme), taxScheme(scheme)),
  );
}

/** Document-level TaxTotal: one subtotal per tributo present in the lines, ICBPER on top. */
export function documentTaxTotal(doc: {
  lines: readonly SaleLineView[];
  totals: DocumentTotals;
}): XmlElement {
  const { totals } = doc;
  const has = (affectation: IgvAffectationCode): boolean =>
    doc.lines.some((line) => line.affectation === affectation);
  return el(
    'cac:TaxTotal',
    {},
    amount('cbc:TaxAmount', totals.igvCents + totals.icbperCents),
    has('10') && documentTaxSubtotal(IGV_SCHEME, totals.gravadasCents, totals.igvCents),
    has('20') && documentTaxSubtotal(TAX_SCHEME_BY_AFFECTATION['20'], totals.exoneradasCents, 0),
    has('30') && documentTaxSubtotal(TAX_SCHEME_BY_AFFECTATION['30'], totals.inafectasCents, 0),
    totals.icbperCents > 0 &&
      el(
        'cac:TaxSubtotal',
        {},
        amount('cbc:TaxAmount', totals.icbperCents),
        el('cac:TaxCategory', {}, taxScheme(ICBPER_SCHEME)),
      ),
  );
}

export function lineTaxTotal(line: SaleLineView, igvBps: number): XmlElement {
  const scheme = TAX_SCHEME_BY_AFFECTATION[line.affectation];
  return el(
    'cac:TaxTotal',
    {},
    amount('cbc:TaxAmount', line.igvCents + line.icbperCents),
    el(
      'cac:TaxSubtotal',
      {},
      amount('cbc:TaxableAmount', lineValueCents(line)),
      amount('cbc:TaxAmount', line.igvCents),
      el(
        'cac:TaxCategory',
        {},
        taxCategoryId(scheme),
        el('cbc:Percent', {}, line.affectation === '10' ? decimalAmount(igvBps) : '0.00'),
        el(
          'cbc:TaxExemptionReasonCode',
          { listAgencyName: SUNAT_AGENCY, listName: 'Afectacion del IGV', listURI: catalogUri('07') },
          line.affectation,
        ),
        taxScheme(scheme),
      ),
    ),
    line.icbperCents > 0 && lineIcbperSubtotal(line),
  );
}

/** ICBPER is per bag: SUNAT checks bags = line quantity (3236) and amount = bags × rate (4318). */
function lineIcbperSubtotal(line: SaleLineView): XmlElement {
  const bags = roundDiv(line.quantityMilli, 1000);
  if (bags <= 0) throw new RangeError(`line ${line.lineNo} has ICBPER but no whole bags`);
  return el(
    'cac:TaxSubtotal',
    {},
    amount('cbc:TaxAmount', line.icbperCents),
    el('cbc:BaseUnitMeasure', { unitCode: 'NIU' }, String(bags)),
    el(
      'cac:TaxCategory',
      {},
      amount('cbc:PerUnitAmount', roundDiv(line.icbperCents, bags)),
      taxScheme(ICBPER_SCHEME),
    ),
  );
}
