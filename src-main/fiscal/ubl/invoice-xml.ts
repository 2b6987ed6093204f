import type { IgvAffectationCode } from '../../../db/schema';
import { amountInWords } from '../../receipt/amount-in-words';
import type { SaleLineView, SaleView } from '../../sales/sale-view';
import { baseOfIncluded } from '../../sales/taxes';
import { formatQuantity, roundDiv } from '../../shared/money';
import { el, serializeXmlDocument, type XmlElement } from './xml-writer';

/**
 * UBL 2.1 Invoice (SUNAT factura 01 / boleta 03), unsigned.
 *
 * Element names, order and list attributes follow UBL-Invoice-2.1.xsd and SUNAT's own samples
 * (shared/external/sunat/samples). Every amount comes from the sale's integer céntimos and is
 * written with two decimals by string arithmetic. The signature goes later into the one empty
 * `ext:ExtensionContent`; until then the document is not XSD-valid (the schema wants exactly
 * one element there), which is why the signer, not this builder, completes it.
 */

export interface InvoiceXmlOptions {
  /** INEI ubigeo of the issuer's fiscal address (6 digits), when known. */
  issuerUbigeo?: string | null;
  /** SUNAT code of the establishment (anexo) that issues; `0000` is the fiscal address. */
  establishmentCode?: string;
  /** IGV rate in basis points, 1800 = 18 %. Only used to state the rate and unit values. */
  igvBps?: number;
}

/** Id the signer must give `ds:Signature`: `cac:Signature` points at it. */
export const SIGNATURE_ID = 'SignatureSP';

/** Catálogo 51: venta interna, the only operation type a counter sale has. */
const OPERATION_TYPE = '0101';
const CURRENCY = 'PEN';
const DEFAULT_IGV_BPS = 1800;

const NAMESPACES = {
  xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  'xmlns:ds': 'http://www.w3.org/2000/09/xmldsig#',
  'xmlns:ext': 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

const SUNAT_AGENCY = 'PE:SUNAT';
const UNECE_AGENCY = 'United Nations Economic Commission for Europe';
const catalogUri = (catalog: string): string => `urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo${catalog}`;

interface TaxSchemeInfo {
  id: string;
  name: string;
  typeCode: string;
  /** UN/ECE 5305 tax category. */
  category: string;
}

/** Catálogo 07 → catálogo 05 for the affectations a store sells. */
const TAX_SCHEME_BY_AFFECTATION: Record<IgvAffectationCode, TaxSchemeInfo> = {
  '10': { id: '1000', name: 'IGV', typeCode: 'VAT', category: 'S' },
  '20': { id: '9997', name: 'EXO', typeCode: 'VAT', category: 'E' },
  '30': { id: '9998', name: 'INA', typeCode: 'FRE', category: 'O' },
};

const ICBPER_SCHEME: TaxSchemeInfo = { id: '7152', name: 'ICBPER', typeCode: 'OTH', category: 'S' };

/** Anonymous boleta customer (total ≤ S/ 700): SUNAT skips format checks when the ID is `-`. */
const ANONYMOUS_CUSTOMER = { docType: '0', docNumber: '-', name: 'VARIOS' } as const;

export function buildInvoiceXml(sale: SaleView, options: InvoiceXmlOptions = {}): string {
  const igvBps = options.igvBps ?? DEFAULT_IGV_BPS;
  const root = el(
    'Invoice',
    NAMESPACES,
    unsignedExtensions(),
    el('cbc:UBLVersionID', {}, '2.1'),
    el('cbc:CustomizationID', {}, '2.0'),
    el('cbc:ID', {}, sunatDocumentId(sale)),
    el('cbc:IssueDate', {}, issueDate(sale.issuedAt)),
    el('cbc:IssueTime', {}, issueTime(sale.issuedAt)),
    invoiceTypeCode(sale),
    el('cbc:Note', { languageLocaleID: '1000' }, amountInWords(sale.totals.totalCents)),
    el(
      'cbc:DocumentCurrencyCode',
      { listID: 'ISO 4217 Alpha', listName: 'Currency', listAgencyName: UNECE_AGENCY },
      CURRENCY,
    ),
    signatureReference(sale),
    supplierParty(sale, options),
    customerParty(sale),
    sale.docType === '01' && cashPaymentTerms(),
    documentTaxTotal(sale),
    legalMonetaryTotal(sale),
    sale.lines.map((line) => invoiceLine(line, igvBps)),
  );
  return serializeXmlDocument(root);
}

/** `B001-1`: SUNAT's samples and the file name (RUC-TT-SERIE-NUMERO) use the unpadded number. */
export function sunatDocumentId(sale: Pick<SaleView, 'serie' | 'correlativo'>): string {
  return `${sale.serie}-${sale.correlativo}`;
}

/** `12.34` from céntimos, never through floating point. */
export function decimalAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be integer céntimos: ${cents}`);
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${fraction}`;
}

/** A ratio numerator/denominator written with a fixed number of decimals, rounded half up. */
function decimalRatio(numerator: number, denominator: number, decimals: number): string {
  const scaled = roundDiv(numerator * 10 ** decimals, denominator);
  const whole = Math.floor(scaled / 10 ** decimals);
  const fraction = String(scaled % 10 ** decimals).padStart(decimals, '0');
  return `${whole}.${fraction}`;
}

/** The recorded timestamp is already Lima time: take its date and time as written. */
function issueDate(issuedAt: string): string {
  assertTimestamp(issuedAt);
  return issuedAt.slice(0, 10);
}

function issueTime(issuedAt: string): string {
  assertTimestamp(issuedAt);
  return issuedAt.slice(11, 19);
}

function assertTimestamp(issuedAt: string): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(issuedAt)) {
    throw new RangeError(`issuedAt is not an ISO-8601 timestamp: ${issuedAt}`);
  }
}

function amount(name: string, cents: number): XmlElement {
  return el(name, { currencyID: CURRENCY }, decimalAmount(cents));
}

function unsignedExtensions(): XmlElement {
  return el('ext:UBLExtensions', {}, el('ext:UBLExtension', {}, el('ext:ExtensionContent')));
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

function signatureReference(sale: SaleView): XmlElement {
  return el(
    'cac:Signature',
    {},
    el('cbc:ID', {}, sale.store.ruc),
    el(
      'cac:SignatoryParty',
      {},
      el('cac:PartyIdentification', {}, el('cbc:ID', {}, sale.store.ruc)),
      el('cac:PartyName', {}, el('cbc:Name', {}, sale.store.legalName)),
    ),
    el(
      'cac:DigitalSignatureAttachment',
      {},
      el('cac:ExternalReference', {}, el('cbc:URI', {}, `#${SIGNATURE_ID}`)),
    ),
  );
}

function identityId(docType: string, docNumber: string): XmlElement {
  return el(
    'cbc:ID',
    {
      schemeID: docType,
      schemeName: 'Documento de Identidad',
      schemeAgencyName: SUNAT_AGENCY,
      schemeURI: catalogUri('06'),
    },
    docNumber,
  );
}

function supplierParty(sale: SaleView, options: InvoiceXmlOptions): XmlElement {
  const { store } = sale;
  return el(
    'cac:AccountingSupplierParty',
    {},
    el(
      'cac:Party',
      {},
      el('cac:PartyIdentification', {}, identityId('6', store.ruc)),
      store.tradeName.trim() !== '' && el('cac:PartyName', {}, el('cbc:Name', {}, store.tradeName)),
      el(
        'cac:PartyLegalEntity',
        {},
        el('cbc:RegistrationName', {}, store.legalName),
        el(
          'cac:RegistrationAddress',
          {},
          options.issuerUbigeo ? el('cbc:ID', {}, options.issuerUbigeo) : null,
          el('cbc:AddressTypeCode', {}, options.establishmentCode ?? '0000'),
          el('cac:AddressLine', {}, el('cbc:Line', {}, store.address)),
          el('cac:Country', {}, el('cbc:IdentificationCode', {}, 'PE')),
        ),
      ),
    ),
  );
}

function customerParty(sale: SaleView): XmlElement {
  const customer = sale.customer ?? ANONYMOUS_CUSTOMER;
  const address = sale.customer?.address?.trim();
  return el(
    'cac:AccountingCustomerParty',
    {},
    el(
      'cac:Party',
      {},
      el('cac:PartyIdentification', {}, identityId(customer.docType, customer.docNumber)),
      el(
        'cac:PartyLegalEntity',
        {},
        el('cbc:RegistrationName', {}, customer.name),
        address
          ? el('cac:RegistrationAddress', {}, el('cac:AddressLine', {}, el('cbc:Line', {}, address)))
          : null,
      ),
    ),
  );
}

/** Facturas must state the forma de pago; a counter sale is always paid in full (contado). */
function cashPaymentTerms(): XmlElement {
  return el('cac:PaymentTerms', {}, el('cbc:ID', {}, 'FormaPago'), el('cbc:PaymentMeansID', {}, 'Contado'));
}

function taxScheme(scheme: TaxSchemeInfo): XmlElement {
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

function hasAffectation(sale: SaleView, affectation: IgvAffectationCode): boolean {
  return sale.lines.some((line) => line.affectation === affectation);
}

function documentTaxTotal(sale: SaleView): XmlElement {
  const { totals } = sale;
  return el(
    'cac:TaxTotal',
    {},
    amount('cbc:TaxAmount', totals.igvCents + totals.icbperCents),
    hasAffectation(sale, '10') &&
      documentTaxSubtotal(TAX_SCHEME_BY_AFFECTATION['10'], totals.gravadasCents, totals.igvCents),
    hasAffectation(sale, '20') &&
      documentTaxSubtotal(TAX_SCHEME_BY_AFFECTATION['20'], totals.exoneradasCents, 0),
    hasAffectation(sale, '30') &&
      documentTaxSubtotal(TAX_SCHEME_BY_AFFECTATION['30'], totals.inafectasCents, 0),
    totals.icbperCents > 0 &&
      el(
        'cac:TaxSubtotal',
        {},
        amount('cbc:TaxAmount', totals.icbperCents),
        el('cac:TaxCategory', {}, taxScheme(ICBPER_SCHEME)),
      ),
  );
}

function legalMonetaryTotal(sale: SaleView): XmlElement {
  const { totals } = sale;
  const valueWithoutTaxes = totals.gravadasCents + totals.exoneradasCents + totals.inafectasCents;
  return el(
    'cac:LegalMonetaryTotal',
    {},
    amount('cbc:LineExtensionAmount', valueWithoutTaxes),
    amount('cbc:TaxInclusiveAmount', totals.totalCents),
    amount('cbc:PayableAmount', totals.totalCents),
  );
}

/** Valor de venta of a line after its discount: what was paid minus the IGV in it. */
function lineValueCents(line: SaleLineView): number {
  return line.amountCents - line.igvCents;
}

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

function invoiceLine(line: SaleLineView, igvBps: number): XmlElement {
  return el(
    'cac:InvoiceLine',
    {},
    el('cbc:ID', {}, String(line.lineNo)),
    el(
      'cbc:InvoicedQuantity',
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
        amount('cbc:PriceAmount', line.unitPriceCents),
        el(
          'cbc:PriceTypeCode',
          { listName: 'Tipo de Precio', listAgencyName: SUNAT_AGENCY, listURI: catalogUri('16') },
          '01',
        ),
      ),
    ),
    line.discountCents > 0 && lineDiscount(line, igvBps),
    lineTaxTotal(line, igvBps),
    el(
      'cac:Item',
      {},
      el('cbc:Description', {}, line.description),
      el('cac:SellersItemIdentification', {}, el('cbc:ID', {}, line.sku)),
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

function lineTaxTotal(line: SaleLineView, igvBps: number): XmlElement {
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
