import { describe, expect, it } from 'vitest';
import { paymentView } from '../../testing/sale-view-fixtures';
import {
  firstText,
  pricedLines,
  SUNAT_XSD,
  totalsOfLines,
  xmllintValidate,
} from '../../testing/fiscal-fixtures';
import type { SaleLineView, SalePaymentView, SaleView } from '../../sales/sale-view';
import { buildInvoiceXml, decimalAmount, SIGNATURE_ID } from './invoice-xml';
import { el, escapeAttribute, serializeXmlDocument } from './xml-writer';

function cash(amountCents: number, method: SalePaymentView['method'] = 'cash'): SalePaymentView {
  return paymentView({ method, amountCents });
}

const store: SaleView['store'] = {
  ruc: '20601234561',
  legalName: 'Comercial Santa Rosa de Lima S.A.C.',
  tradeName: 'Bodega Doña Peta',
  address: 'Av. José Gálvez Barrenechea 1234, La Victoria, Lima',
};

function sale(
  overrides: Pick<SaleView, 'docType' | 'serie' | 'correlativo' | 'customer'>,
  lines: SaleLineView[],
): SaleView {
  const totals = totalsOfLines(lines);
  return {
    id: `sale-${overrides.serie}-${overrides.correlativo}`,
    number: `${overrides.serie}-${String(overrides.correlativo).padStart(8, '0')}`,
    issuedAt: '2026-11-23T21:05:09-05:00',
    issueDate: '2026-11-23',
    store,
    terminalCode: 'CAJA-01',
    cashier: 'María Quispe',
    payments: [cash(totals.totalCents)],
    paidCents: totals.totalCents,
    changeCents: 0,
    totals,
    lines,
    ...overrides,
  };
}

const mixedBoleta = sale(
  { docType: '03', serie: 'B001', correlativo: 7, customer: null },
  pricedLines([
    { description: 'Leche evaporada 400 g', quantityMilli: 2000, unitPriceCents: 390 },
    { description: 'Queso fresco', unit: 'KGM', quantityMilli: 750, unitPriceCents: 2400 },
    { description: 'Plátano de seda', quantityMilli: 3000, unitPriceCents: 50, affectation: '20' },
    { description: 'Libro escolar', unitPriceCents: 3500, affectation: '30' },
    { description: 'Aceite vegetal 1 L', quantityMilli: 2000, unitPriceCents: 1090, discountCents: 200 },
    { description: 'Bolsa plástica', quantityMilli: 2000, unitPriceCents: 10, bag: true },
  ]),
);

const factura: SaleView = {
  ...sale(
    {
      docType: '01',
      serie: 'F001',
      correlativo: 42,
      customer: {
        docType: '6',
        docNumber: '20100070970',
        name: 'Supermercados Peruanos S.A.',
        address: 'Calle Morelli 181, San Borja, Lima',
      },
    },
    pricedLines([
      { description: 'Arroz extra 5 kg', quantityMilli: 4000, unitPriceCents: 2290 },
      { description: 'Azúcar rubia 1 kg', quantityMilli: 10_000, unitPriceCents: 420 },
    ]),
  ),
};
factura.payments = [cash(5000), { ...cash(factura.totals.totalCents - 5000, 'card'), cardBrand: 'VISA' }];

/**
 * The unsigned document leaves ExtensionContent empty for the signer, but the XSD demands one
 * element there; validate it as the signer will hand it over, with a stand-in in that slot.
 */
function withSignatureStandIn(xml: string): string {
  const slot = '<ext:ExtensionContent/>';
  expect(xml.split(slot)).toHaveLength(2);
  return xml.replace(
    slot,
    `<ext:ExtensionContent><pending-signature xmlns="urn:mostrador:unsigned"/></ext:ExtensionContent>`,
  );
}

function runXmllint(xml: string): { status: number | null; stderr: string } {
  const { status, output } = xmllintValidate(xml, SUNAT_XSD.invoice);
  return { status, stderr: output };
}

function validateAgainstXsd(xml: string): void {
  const { status, stderr } = runXmllint(withSignatureStandIn(xml));
  if (status !== 0) console.error(stderr);
  expect(status, stderr).toBe(0);
}

/** The document-level TaxTotal (the one before LegalMonetaryTotal). */
function documentTaxTotal(xml: string): string {
  const end = xml.indexOf('<cac:LegalMonetaryTotal>');
  const start = xml.lastIndexOf('<cac:TaxTotal>', end);
  return xml.slice(start, end);
}

function taxSubtotalFor(taxTotal: string, schemeId: string): string | undefined {
  return taxTotal
    .split('<cac:TaxSubtotal>')
    .slice(1)
    .find((subtotal) => subtotal.includes(`>${schemeId}</cbc:ID>`));
}

describe('decimalAmount', () => {
  it('writes céntimos with two decimals', () => {
    expect(decimalAmount(0)).toBe('0.00');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(123456)).toBe('1234.56');
    expect(decimalAmount(-250)).toBe('-2.50');
  });
});

describe('xml-writer', () => {
  it('escapes attribute values and keeps whitespace controls as references', () => {
    expect(escapeAttribute('a "b" & <c>\t\n\r')).toBe('a &quot;b&quot; &amp; &lt;c&gt;&#9;&#10;&#13;');
  });

  it('leaves out empty child slots and rejects invalid names', () => {
    const doc = serializeXmlDocument(el('r', { a: 'x', b: null }, null, false, [el('c', {}, '1')]));
    expect(doc).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<r a="x">\n  <c>1</c>\n</r>\n');
    expect(() => el('bad name')).toThrow(RangeError);
  });
});

describe('buildInvoiceXml: boleta with every kind of line', () => {
  const xml = buildInvoiceXml(mixedBoleta, { issuerUbigeo: '150115', establishmentCode: '0001' });

  it('validates against the UBL 2.1 Invoice XSD', () => {
    validateAgainstXsd(xml);
  });

  it('is rejected by the XSD only for the empty signature slot while unsigned', () => {
    const { status, stderr } = runXmllint(xml);
    expect(status).not.toBe(0);
    expect(stderr.match(/validity error/g)).toHaveLength(1);
    expect(stderr).toContain(
      "Element '{urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2}ExtensionContent'",
    );
  });

  it('starts with the declaration and leaves one empty ExtensionContent for the signature', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice ')).toBe(true);
    expect(xml).toContain('<ext:UBLExtension>\n      <ext:ExtensionContent/>');
    expect(xml).toContain(`<cbc:URI>#${SIGNATURE_ID}</cbc:URI>`);
  });

  it('states the header SUNAT reads', () => {
    expect(firstText(xml, 'cbc:ID')).toBe('B001-7');
    expect(firstText(xml, 'cbc:IssueDate')).toBe('2026-11-23');
    expect(firstText(xml, 'cbc:IssueTime')).toBe('21:05:09');
    expect(xml).toMatch(/<cbc:InvoiceTypeCode [^>]*listID="0101"[^>]*>03<\/cbc:InvoiceTypeCode>/);
    expect(xml).toContain('<cbc:AddressTypeCode>0001</cbc:AddressTypeCode>');
    expect(xml).toContain('<cbc:ID>150115</cbc:ID>');
    expect(xml).not.toContain('FormaPago');
  });

  it('identifies an anonymous customer as SUNAT allows for small boletas', () => {
    const customer = xml.slice(xml.indexOf('<cac:AccountingCustomerParty>'));
    expect(customer).toMatch(/<cbc:ID schemeID="0"[^>]*>-<\/cbc:ID>/);
    expect(firstText(customer, 'cbc:RegistrationName')).toBe('VARIOS');
  });

  it('matches the totals of the sale', () => {
    // Hand check: leche 7.80 → 6.61+1.19; queso 18.00 → 15.25+2.75; plátano 1.50 exonerado;
    // libro 35.00 inafecto; aceite 21.80−2.00 = 19.80 → 16.78+3.02; bolsas 0.20 → 0.17+0.03, ICBPER 1.00.
    expect(mixedBoleta.totals).toMatchObject({
      gravadasCents: 3881,
      exoneradasCents: 150,
      inafectasCents: 3500,
      igvCents: 699,
      icbperCents: 100,
      totalCents: 8330,
    });
    expect(firstText(xml, 'cbc:PayableAmount')).toBe('83.30');
    expect(firstText(xml, 'cbc:TaxInclusiveAmount')).toBe('83.30');
    expect(xml).toContain('<cbc:LineExtensionAmount currencyID="PEN">75.31</cbc:LineExtensionAmount>\n');
    expect(firstText(xml, 'cbc:Note')).toBe('OCHENTA Y TRES CON 30/100 SOLES');
  });

  it('splits the document taxes by tributo', () => {
    const taxTotal = documentTaxTotal(xml);
    expect(firstText(taxTotal, 'cbc:TaxAmount')).toBe('7.99');
    const igv = taxSubtotalFor(taxTotal, '1000') ?? '';
    expect(firstText(igv, 'cbc:TaxableAmount')).toBe('38.81');
    expect(firstText(igv, 'cbc:TaxAmount')).toBe('6.99');
    expect(firstText(taxSubtotalFor(taxTotal, '9997') ?? '', 'cbc:TaxableAmount')).toBe('1.50');
    expect(firstText(taxSubtotalFor(taxTotal, '9998') ?? '', 'cbc:TaxableAmount')).toBe('35.00');
    expect(firstText(taxSubtotalFor(taxTotal, '7152') ?? '', 'cbc:TaxAmount')).toBe('1.00');
  });

  it('writes each line with quantity, discount and its own taxes', () => {
    const lines = xml.split('<cac:InvoiceLine>').slice(1);
    expect(lines).toHaveLength(6);
    const [, queso, platano, , aceite, bolsa] = lines;
    expect(queso).toMatch(/<cbc:InvoicedQuantity unitCode="KGM"[^>]*>0\.750</);
    expect(queso).toContain('<cbc:PriceAmount currencyID="PEN">24.00</cbc:PriceAmount>');
    expect(queso).toContain('<cbc:PriceAmount currencyID="PEN">20.34</cbc:PriceAmount>');
    expect(platano).toMatch(/<cbc:TaxExemptionReasonCode [^>]*>20</);
    expect(platano).toContain('>EXO</cbc:Name>');
    expect(aceite).toContain('<cbc:MultiplierFactorNumeric>0.09150</cbc:MultiplierFactorNumeric>');
    expect(aceite).toContain('<cbc:Amount currencyID="PEN">1.69</cbc:Amount>');
    expect(aceite).toContain('<cbc:BaseAmount currencyID="PEN">18.47</cbc:BaseAmount>');
    expect(aceite).toContain('<cbc:LineExtensionAmount currencyID="PEN">16.78</cbc:LineExtensionAmount>');
    expect(bolsa).toContain('<cbc:BaseUnitMeasure unitCode="NIU">2</cbc:BaseUnitMeasure>');
    expect(bolsa).toContain('<cbc:PerUnitAmount currencyID="PEN">0.50</cbc:PerUnitAmount>');
    expect(firstText(bolsa ?? '', 'cbc:TaxAmount')).toBe('1.03');
  });
});

describe('buildInvoiceXml: factura to a company paid with cash and card', () => {
  const xml = buildInvoiceXml(factura, {});

  it('validates against the UBL 2.1 Invoice XSD', () => {
    validateAgainstXsd(xml);
  });

  it('identifies the RUC customer, pays contado and totals match', () => {
    expect(firstText(xml, 'cbc:ID')).toBe('F001-42');
    expect(xml).toMatch(/<cbc:ID schemeID="6"[^>]*>20100070970<\/cbc:ID>/);
    expect(xml).toContain('<cbc:PaymentMeansID>Contado</cbc:PaymentMeansID>');
    expect(xml).toContain('<cbc:AddressTypeCode>0000</cbc:AddressTypeCode>');
    // Arroz 91.60 → 77.63+13.97; azúcar 42.00 → 35.59+6.41.
    expect(factura.totals.totalCents).toBe(13_360);
    expect(firstText(xml, 'cbc:PayableAmount')).toBe('133.60');
    const igv = taxSubtotalFor(documentTaxTotal(xml), '1000') ?? '';
    expect(firstText(igv, 'cbc:TaxableAmount')).toBe('113.22');
    expect(firstText(igv, 'cbc:TaxAmount')).toBe('20.38');
    expect(taxSubtotalFor(documentTaxTotal(xml), '9997')).toBeUndefined();
    expect(taxSubtotalFor(documentTaxTotal(xml), '7152')).toBeUndefined();
    expect(firstText(xml, 'cbc:Note')).toBe('CIENTO TREINTA Y TRES CON 60/100 SOLES');
  });
});

describe('buildInvoiceXml: hostile text', () => {
  const hostile: SaleView = {
    ...factura,
    customer: { docType: '6', docNumber: '20131312955', name: 'A & B <C> "D"\u0007', address: null },
    lines: factura.lines.map((line) => ({ ...line, description: ']]> <x/> & café' })),
  };
  const xml = buildInvoiceXml(hostile, {});

  it('escapes markup characters, drops control characters and still validates', () => {
    expect(xml).toContain('<cbc:RegistrationName>A &amp; B &lt;C&gt; "D"</cbc:RegistrationName>');
    expect(xml).toContain('<cbc:Description>]]&gt; &lt;x/&gt; &amp; café</cbc:Description>');
    expect(xml).not.toContain('\u0007');
    validateAgainstXsd(xml);
  });
});
