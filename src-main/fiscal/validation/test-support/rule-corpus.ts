import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  boletaWithLines,
  FISCAL_SALE_TABLE,
  FISCAL_STORE,
  fiscalSale,
  fiscalSaleSpec,
  signedInvoiceXml,
  sunatXmlFileName,
} from '../../../testing/fiscal-sale-fixtures';
import type { FiscalDocumentKind } from '../fiscal-validator';
import type { RuleStylesheet } from '../rule-validator';

/**
 * Documents to run SUNAT's rules on: SUNAT-shaped samples from other projects, our own signed
 * sales, and broken variants, each with one defect aimed at a different rule. `expect` lists
 * codes the defect must raise (a check that the mutation hits the rule it was written for).
 */

export interface CorpusCase {
  id: string;
  kind: FiscalDocumentKind;
  stylesheet: RuleStylesheet;
  fileName: string;
  xml: string;
  expect?: string[];
}

/** Third-party samples (sunat.md §3); not bundled with the app. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../testing/sunat-samples', import.meta.url));

function sample(path: string): string {
  return readFileSync(join(SAMPLES_DIR, path), 'utf8');
}

/** Replaces the first match, failing when nothing matched: a silent no-op would test nothing. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation found nothing to change: ${String(from)}`);
  return out;
}

/** Local calendar date with an offset, as current-date() sees it in both engines. */
function localDate(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const STYLESHEET: Record<'01' | '03' | '07' | '08' | 'RC' | 'RA', RuleStylesheet> = {
  '01': 'ValidaExprRegFactura-2.0.1',
  '03': 'ValidaExprRegBoleta-2.0.1',
  '07': 'ValidaExprRegNC-2.0.1',
  '08': 'ValidaExprRegND-2.0.1',
  RC: 'ValidaExprRegSummary-1.1.0',
  RA: 'ValidaExprRegSummaryVoided-1.0.1',
};

const KIND: Record<keyof typeof STYLESHEET, FiscalDocumentKind> = {
  '01': 'invoice',
  '03': 'invoice',
  '07': 'credit-note',
  '08': 'debit-note',
  RC: 'summary',
  RA: 'voided',
};

function sampleCase(id: string, type: keyof typeof STYLESHEET, path: string, fileName: string): CorpusCase {
  return { id, kind: KIND[type], stylesheet: STYLESHEET[type], fileName, xml: sample(path) };
}

function sampleCases(): CorpusCase[] {
  return [
    sampleCase(
      'sample-factura-openubl',
      '01',
      'signed/openubl-invoice-01-signed.xml',
      '12345678912-01-F001-1.xml',
    ),
    sampleCase(
      'sample-boleta-openubl',
      '03',
      'signed/openubl-boleta-03-signed.xml',
      '12345678912-03-B001-1.xml',
    ),
    sampleCase(
      'sample-nc-openubl',
      '07',
      'signed/openubl-credit-note-07-signed.xml',
      '12345678912-07-F001-1.xml',
    ),
    sampleCase(
      'sample-nd-openubl',
      '08',
      'signed/openubl-debit-note-08-signed.xml',
      '12345678912-08-F001-1.xml',
    ),
    sampleCase(
      'sample-factura-F002',
      '01',
      'signed/20605446788-01-F002-00000031.xml',
      '20605446788-01-F002-00000031.xml',
    ),
    sampleCase(
      'sample-factura-F001-697',
      '01',
      'unsigned/20200464529-01-F001-697.xml',
      '20200464529-01-F001-697.xml',
    ),
    sampleCase('sample-nc-FC01', '07', 'unsigned/20100454523-07-FC01-211.xml', '20100454523-07-FC01-211.xml'),
    sampleCase('sample-nd-FD01', '08', 'unsigned/20100454523-08-FD01-211.xml', '20100454523-08-FD01-211.xml'),
    sampleCase(
      'sample-boleta-ubl20-B001',
      '03',
      'signed/20505310072-03-B001-00000088.ubl20.xml',
      '20505310072-03-B001-00000088.xml',
    ),
    sampleCase(
      'sample-boleta-ubl20-B007',
      '03',
      'signed/20603233591-03-B007-00000049.ubl20.xml',
      '20603233591-03-B007-00000049.xml',
    ),
    sampleCase(
      'sample-ra-2020',
      'RA',
      'signed/12345678912-RA-20200328-1.xml',
      '12345678912-RA-20200328-1.xml',
    ),
    sampleCase(
      'sample-ra-2017',
      'RA',
      'unsigned/20600995805-RA-20170719-01.xml',
      '20600995805-RA-20170719-01.xml',
    ),
    sampleCase(
      'sample-rc-2017',
      'RC',
      'signed/20000000001-RC-20171119-001.xml',
      '20000000001-RC-20171119-001.xml',
    ),
    sampleCase(
      'sample-rc-2020',
      'RC',
      'unsigned/20123456789-RC-20201007-001.xml',
      '20123456789-RC-20201007-001.xml',
    ),
  ];
}

function saleCases(): CorpusCase[] {
  const rows = [...FISCAL_SALE_TABLE, { name: 'boleta with 10 lines', spec: boletaWithLines(10) }];
  return rows.map(({ name, spec }, index) => {
    const sale = fiscalSale(spec);
    return {
      id: `sale-${index + 1}-${name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`,
      kind: 'invoice',
      stylesheet: STYLESHEET[sale.docType],
      fileName: sunatXmlFileName(sale),
      xml: signedInvoiceXml(sale),
    };
  });
}

interface Variant {
  id: string;
  /** Omitted when only the file name is wrong. */
  from?: string | RegExp;
  to?: string;
  fileName?: string;
  expect?: string[];
}

function variantsOf(
  base: { xml: string; fileName: string; docType: '01' | '03' },
  variants: Variant[],
): CorpusCase[] {
  return variants.map((v) => {
    const c: CorpusCase = {
      id: `broken-${v.id}`,
      kind: 'invoice',
      stylesheet: STYLESHEET[base.docType],
      fileName: v.fileName ?? base.fileName,
      xml: v.from === undefined ? base.xml : mutate(base.xml, v.from, v.to ?? ''),
    };
    if (v.expect) c.expect = v.expect;
    return c;
  });
}

function signedBase(rowName: string): { xml: string; fileName: string; docType: '01' | '03' } {
  const sale = fiscalSale(fiscalSaleSpec(rowName));
  return { xml: signedInvoiceXml(sale), fileName: sunatXmlFileName(sale), docType: sale.docType };
}

function brokenInvoiceCases(): CorpusCase[] {
  const boleta = signedBase('boleta, gravado + exonerado + inafecto + bag');
  const withDni = signedBase('boleta over S/ 700 with DNI');
  const discounted = signedBase('boleta, line discount + sale-wide discount');
  const factura = signedBase('factura to a RUC customer');
  const ruc = FISCAL_STORE.ruc;
  return [
    ...variantsOf(boleta, [
      { id: 'file-serie', fileName: `${ruc}-03-B002-4.xml`, expect: ['1035'] },
      { id: 'file-number', fileName: `${ruc}-03-B001-5.xml`, expect: ['1036'] },
      { id: 'ubl-version', from: '<cbc:UBLVersionID>2.1<', to: '<cbc:UBLVersionID>2.0<' },
      {
        id: 'customization',
        from: '<cbc:CustomizationID>2.0<',
        to: '<cbc:CustomizationID>1.0<',
        expect: ['2072'],
      },
      { id: 'missing-leyenda', from: /<cbc:Note languageLocaleID="1000">[^<]*<\/cbc:Note>\s*/, to: '' },
      { id: 'operation-type-0112', from: 'listID="0101"', to: 'listID="0112"' },
      { id: 'operation-type-unknown', from: 'listID="0101"', to: 'listID="9999"' },
      { id: 'currency', from: '>PEN</cbc:DocumentCurrencyCode>', to: '>XXX</cbc:DocumentCurrencyCode>' },
      {
        id: 'customer-name-empty',
        from: '<cbc:RegistrationName>VARIOS<',
        to: '<cbc:RegistrationName><',
        expect: ['2021'],
      },
      { id: 'customer-scheme-missing', from: 'schemeID="0" ', to: '', expect: ['2015'] },
      { id: 'address-type-code', from: '<cbc:AddressTypeCode>0000<', to: '<cbc:AddressTypeCode>00A<' },
      {
        id: 'payable-total',
        from: '<cbc:PayableAmount currencyID="PEN">55.70<',
        to: '<cbc:PayableAmount currencyID="PEN">65.70<',
      },
      {
        id: 'header-igv',
        from: '<cbc:TaxAmount currencyID="PEN">2.78<',
        to: '<cbc:TaxAmount currencyID="PEN">5.78<',
      },
      {
        id: 'header-tax-total',
        from: '<cbc:TaxAmount currencyID="PEN">3.78<',
        to: '<cbc:TaxAmount currencyID="PEN">4.90<',
      },
      {
        id: 'line-extension-total',
        from: '<cbc:LineExtensionAmount currencyID="PEN">51.92<',
        to: '<cbc:LineExtensionAmount currencyID="PEN">58.92<',
      },
      {
        id: 'line-igv',
        from: '<cbc:TaxAmount currencyID="PEN">2.75</cbc:TaxAmount>\n        <cac:TaxCategory>',
        to: '<cbc:TaxAmount currencyID="PEN">3.75</cbc:TaxAmount>\n        <cac:TaxCategory>',
      },
      { id: 'line-percent', from: '<cbc:Percent>18.00<', to: '<cbc:Percent>19.00<' },
      { id: 'tax-name', from: '<cbc:Name>IGV</cbc:Name>', to: '<cbc:Name>IVA</cbc:Name>' },
      { id: 'tax-type-code', from: '<cbc:TaxTypeCode>VAT<', to: '<cbc:TaxTypeCode>OTH<' },
      { id: 'unit-code', from: 'unitCode="KGM"', to: 'unitCode="XYZ"' },
      { id: 'affectation-99', from: 'catalogo07">10<', to: 'catalogo07">99<' },
      { id: 'affectation-gratuito', from: 'catalogo07">10<', to: 'catalogo07">11<' },
      {
        id: 'line-id-duplicate',
        from: '<cbc:ID>2</cbc:ID>\n    <cbc:InvoicedQuantity',
        to: '<cbc:ID>1</cbc:ID>\n    <cbc:InvoicedQuantity',
      },
      { id: 'price-type-code', from: 'catalogo16">01<', to: 'catalogo16">03<' },
      {
        id: 'icbper-bags',
        from: '<cbc:BaseUnitMeasure unitCode="NIU">2<',
        to: '<cbc:BaseUnitMeasure unitCode="NIU">3<',
      },
      {
        id: 'icbper-amount',
        from: '<cbc:PerUnitAmount currencyID="PEN">0.50<',
        to: '<cbc:PerUnitAmount currencyID="PEN">0.30<',
      },
      { id: 'description-empty', from: '<cbc:Description>Queso fresco<', to: '<cbc:Description> <' },
      {
        id: 'description-emoji',
        from: '<cbc:Description>Queso fresco<',
        to: `<cbc:Description>${'🧀'.repeat(500)}<`,
      },
      {
        id: 'description-too-long',
        from: '<cbc:Description>Queso fresco<',
        to: `<cbc:Description>${'Q'.repeat(501)}<`,
      },
      { id: 'quantity-zero', from: '>0.750</cbc:InvoicedQuantity>', to: '>0</cbc:InvoicedQuantity>' },
      {
        id: 'unit-value-decimals',
        from: '<cbc:PriceAmount currencyID="PEN">20.34<',
        to: '<cbc:PriceAmount currencyID="PEN">20.34000000001<',
      },
      { id: 'supplier-ubigeo', from: '<cbc:ID>150115</cbc:ID>', to: '<cbc:ID>999999</cbc:ID>' },
    ]),
    ...variantsOf(withDni, [
      { id: 'dni-7-digits', from: '>45678912</cbc:ID>', to: '>4567891</cbc:ID>', expect: ['4207'] },
      { id: 'dni-letters', from: '>45678912</cbc:ID>', to: '>4567891A</cbc:ID>', expect: ['4207'] },
      {
        id: 'customer-ruc-10-digits',
        from: 'schemeID="1" schemeName',
        to: 'schemeID="6" schemeName',
        expect: ['2017'],
      },
      {
        id: 'customer-passport-too-long',
        from: /schemeID="1"([^>]*)>45678912</,
        to: 'schemeID="7"$1>1234567890ABCDEF<',
        expect: ['4208'],
      },
      // Java's \s is ASCII: a leading no-break space is a letter to SUNAT, not a blank.
      {
        id: 'customer-name-nbsp',
        from: '<cbc:RegistrationName>Juan',
        to: '<cbc:RegistrationName>\u00a0Juan',
      },
      {
        id: 'customer-name-leading-space',
        from: '<cbc:RegistrationName>Juan',
        to: '<cbc:RegistrationName> Juan',
        expect: ['2022'],
      },
      // Java's $ matches before a final line terminator.
      {
        id: 'customer-name-trailing-newline',
        from: 'Quispe</cbc:RegistrationName>',
        to: 'Quispe\n</cbc:RegistrationName>',
      },
      {
        id: 'customer-name-trailing-nel',
        from: 'Quispe</cbc:RegistrationName>',
        to: 'Quispe\u0085</cbc:RegistrationName>',
      },
    ]),
    ...variantsOf(discounted, [
      {
        id: 'discount-reason-code',
        from: '<cbc:AllowanceChargeReasonCode>00<',
        to: '<cbc:AllowanceChargeReasonCode>99<',
      },
      {
        id: 'discount-factor',
        from: /<cbc:MultiplierFactorNumeric>[^<]*</,
        to: '<cbc:MultiplierFactorNumeric>0.50000<',
      },
      {
        id: 'discount-amount',
        from: /<cbc:Amount currencyID="PEN">[^<]*<\/cbc:Amount>/,
        to: '<cbc:Amount currencyID="PEN">9.99</cbc:Amount>',
      },
    ]),
    ...variantsOf(factura, [
      { id: 'file-ruc', fileName: '20100070970-01-F001-9.xml', expect: ['1034'] },
      {
        id: 'factura-serie-B',
        from: '<cbc:ID>F001-9</cbc:ID>',
        to: '<cbc:ID>B001-9</cbc:ID>',
        fileName: `${ruc}-01-B001-9.xml`,
      },
      {
        id: 'factura-customer-ruc-short',
        from: '>20100070970</cbc:ID>',
        to: '>2010007097</cbc:ID>',
        expect: ['2017'],
      },
      {
        id: 'factura-customer-dni',
        from: /schemeID="6"([^>]*)>20100070970</,
        to: 'schemeID="1"$1>45678912<',
      },
      {
        id: 'factura-no-payment-terms',
        from: /<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>\s*/,
        to: '',
        expect: ['3244'],
      },
      {
        id: 'factura-payment-means',
        from: '<cbc:PaymentMeansID>Contado<',
        to: '<cbc:PaymentMeansID>Efectivo<',
      },
      {
        id: 'factura-supplier-ruc',
        from: /(<cac:AccountingSupplierParty>[\s\S]*?)>20601234565</,
        to: '$1>20601234561<',
        expect: ['1034'],
      },
      { id: 'factura-invoice-type', from: 'catalogo51">01<', to: 'catalogo51">07<' },
      { id: 'factura-issue-time', from: /<cbc:IssueTime>[^<]*<\/cbc:IssueTime>\s*/, to: '' },
    ]),
  ];
}

function brokenNoteCases(): CorpusCase[] {
  const nc = sampleCase('nc', '07', 'signed/openubl-credit-note-07-signed.xml', '12345678912-07-F001-1.xml');
  const nd = sampleCase('nd', '08', 'signed/openubl-debit-note-08-signed.xml', '12345678912-08-F001-1.xml');
  const note = (base: CorpusCase, id: string, from: string | RegExp, to: string): CorpusCase => ({
    ...base,
    id: `broken-${id}`,
    xml: mutate(base.xml, from, to),
  });
  return [
    note(nc, 'nc-reason-99', /(<cbc:ResponseCode[^>]*>)01</, '$1' + '99<'),
    note(nc, 'nc-no-billing-reference', /<cac:BillingReference>[\s\S]*?<\/cac:BillingReference>\s*/, ''),
    note(nc, 'nc-reference-type', /(<cac:InvoiceDocumentReference>[\s\S]*?catalogo01">)01</, '$107<'),
    note(nd, 'nd-reason-99', /(<cbc:ResponseCode[^>]*>)0\d</, '$1' + '99<'),
    note(nd, 'nd-no-billing-reference', /<cac:BillingReference>[\s\S]*?<\/cac:BillingReference>\s*/, ''),
  ];
}

const RC_RUC = FISCAL_STORE.ruc;

function summaryXml(o: {
  issueDate: string;
  referenceDate: string;
  id: string;
  total?: string;
  condition?: string;
  customer?: boolean;
}): string {
  const customer = o.customer
    ? '<cac:AccountingCustomerParty><cbc:CustomerAssignedAccountID>45678912</cbc:CustomerAssignedAccountID><cbc:AdditionalAccountID>1</cbc:AdditionalAccountID></cac:AccountingCustomerParty>'
    : '';
  const total = o.total ?? '118.00';
  return `<?xml version="1.0" encoding="UTF-8"?>
<SummaryDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sac="urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1">
<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><ds:Signature Id="SignatureSP"/></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
<cbc:UBLVersionID>2.0</cbc:UBLVersionID><cbc:CustomizationID>1.1</cbc:CustomizationID><cbc:ID>${o.id}</cbc:ID>
<cbc:ReferenceDate>${o.referenceDate}</cbc:ReferenceDate><cbc:IssueDate>${o.issueDate}</cbc:IssueDate>
<cac:Signature><cbc:ID>${RC_RUC}</cbc:ID><cac:SignatoryParty><cac:PartyIdentification><cbc:ID>${RC_RUC}</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Comercial Santa Rosa de Lima S.A.C.</cbc:Name></cac:PartyName></cac:SignatoryParty><cac:DigitalSignatureAttachment><cac:ExternalReference><cbc:URI>#SignatureSP</cbc:URI></cac:ExternalReference></cac:DigitalSignatureAttachment></cac:Signature>
<cac:AccountingSupplierParty><cbc:CustomerAssignedAccountID>${RC_RUC}</cbc:CustomerAssignedAccountID><cbc:AdditionalAccountID>6</cbc:AdditionalAccountID><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Comercial Santa Rosa de Lima S.A.C.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
<sac:SummaryDocumentsLine><cbc:LineID>1</cbc:LineID><cbc:DocumentTypeCode>03</cbc:DocumentTypeCode><cbc:ID>B001-1</cbc:ID>${customer}<cac:Status><cbc:ConditionCode>${o.condition ?? '1'}</cbc:ConditionCode></cac:Status><sac:TotalAmount currencyID="PEN">${total}</sac:TotalAmount><sac:BillingPayment><cbc:PaidAmount currencyID="PEN">100.00</cbc:PaidAmount><cbc:InstructionID>01</cbc:InstructionID></sac:BillingPayment><cac:TaxTotal><cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount><cac:TaxCategory><cac:TaxScheme><cbc:ID>1000</cbc:ID><cbc:Name>IGV</cbc:Name><cbc:TaxTypeCode>VAT</cbc:TaxTypeCode></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal></sac:SummaryDocumentsLine>
</SummaryDocuments>
`;
}

function voidedXml(o: { issueDate: string; referenceDate: string; id: string; docType?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VoidedDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sac="urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1">
<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><ds:Signature Id="SignatureSP"/></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
<cbc:UBLVersionID>2.0</cbc:UBLVersionID><cbc:CustomizationID>1.0</cbc:CustomizationID><cbc:ID>${o.id}</cbc:ID>
<cbc:ReferenceDate>${o.referenceDate}</cbc:ReferenceDate><cbc:IssueDate>${o.issueDate}</cbc:IssueDate>
<cac:Signature><cbc:ID>${RC_RUC}</cbc:ID><cac:SignatoryParty><cac:PartyIdentification><cbc:ID>${RC_RUC}</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Comercial Santa Rosa de Lima S.A.C.</cbc:Name></cac:PartyName></cac:SignatoryParty><cac:DigitalSignatureAttachment><cac:ExternalReference><cbc:URI>#SignatureSP</cbc:URI></cac:ExternalReference></cac:DigitalSignatureAttachment></cac:Signature>
<cac:AccountingSupplierParty><cbc:CustomerAssignedAccountID>${RC_RUC}</cbc:CustomerAssignedAccountID><cbc:AdditionalAccountID>6</cbc:AdditionalAccountID><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Comercial Santa Rosa de Lima S.A.C.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
<sac:VoidedDocumentsLine><cbc:LineID>1</cbc:LineID><cbc:DocumentTypeCode>${o.docType ?? '01'}</cbc:DocumentTypeCode><sac:DocumentSerialID>F001</sac:DocumentSerialID><sac:DocumentNumberID>9</sac:DocumentNumberID><sac:VoidReasonDescription>ERROR EN EL RUC DEL CLIENTE</sac:VoidReasonDescription></sac:VoidedDocumentsLine>
</VoidedDocuments>
`;
}

function summaryCases(): CorpusCase[] {
  // Yesterday, not today: both engines read the clock at different moments; midnight must not split them.
  const day = localDate(-1);
  const later = localDate(2);
  const compact = (date: string): string => date.replace(/-/g, '');
  const rc = (
    id: string,
    o: Parameters<typeof summaryXml>[0],
    fileDate = o.issueDate,
    expect?: string[],
  ): CorpusCase => {
    const c: CorpusCase = {
      id,
      kind: 'summary',
      stylesheet: STYLESHEET.RC,
      fileName: `${RC_RUC}-RC-${compact(fileDate)}-1.xml`,
      xml: summaryXml(o),
    };
    if (expect) c.expect = expect;
    return c;
  };
  const ra = (
    id: string,
    o: Parameters<typeof voidedXml>[0],
    fileDate = o.issueDate,
    expect?: string[],
  ): CorpusCase => {
    const c: CorpusCase = {
      id,
      kind: 'voided',
      stylesheet: STYLESHEET.RA,
      fileName: `${RC_RUC}-RA-${compact(fileDate)}-1.xml`,
      xml: voidedXml(o),
    };
    if (expect) c.expect = expect;
    return c;
  };
  const rcId = (date: string): string => `RC-${compact(date)}-1`;
  const raId = (date: string): string => `RA-${compact(date)}-1`;
  return [
    rc('rc-ok', { issueDate: day, referenceDate: day, id: rcId(day) }),
    rc('rc-future', { issueDate: later, referenceDate: day, id: rcId(later) }, later, ['2236']),
    rc('rc-reference-after-issue', { issueDate: day, referenceDate: later, id: rcId(day) }, day, ['2671']),
    rc('rc-file-date', { issueDate: day, referenceDate: day, id: rcId(day) }, localDate(-3)),
    rc('rc-over-700-anonymous', { issueDate: day, referenceDate: day, id: rcId(day), total: '800.00' }),
    rc('rc-over-700-with-dni', {
      issueDate: day,
      referenceDate: day,
      id: rcId(day),
      total: '800.00',
      customer: true,
    }),
    rc('rc-condition-9', { issueDate: day, referenceDate: day, id: rcId(day), condition: '9' }),
    ra('ra-ok', { issueDate: day, referenceDate: day, id: raId(day) }),
    ra('ra-future', { issueDate: later, referenceDate: day, id: raId(later) }, later, ['2301']),
    ra('ra-reference-after-issue', { issueDate: day, referenceDate: later, id: raId(day) }, day, ['2671']),
    ra('ra-boleta', { issueDate: day, referenceDate: day, id: raId(day), docType: '03' }),
  ];
}

export function buildRuleCorpus(): CorpusCase[] {
  return [...sampleCases(), ...saleCases(), ...brokenInvoiceCases(), ...brokenNoteCases(), ...summaryCases()];
}
