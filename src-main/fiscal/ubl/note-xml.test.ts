import { describe, expect, it } from 'vitest';
import type { NoteView } from '../documents/note-view';
import { verifyUblSignature } from '../signing/verify-xml';
import {
  dniCustomer,
  elementBlocks,
  expectFiscalRefusal,
  expectSignedAndValid,
  firstText,
  noteFixture,
  pricedLines,
  returnedLines,
  rucCustomer,
  saleFixture,
  SUNAT_XSD,
  useTestCertificate,
} from '../../testing/fiscal-fixtures';
import { buildNoteXml } from './note-xml';

/** A factura of three lines; the credit note returns 1 of 4 rice bags and 1 of 2 bottles of oil. */
const factura = saleFixture({
  serie: 'F001',
  correlativo: 42,
  customer: rucCustomer,
  lines: pricedLines([
    { description: 'Arroz extra 5 kg', quantityMilli: 4000, unitPriceCents: 2290 },
    { description: 'Azúcar rubia 1 kg', quantityMilli: 10_000, unitPriceCents: 420 },
    { description: 'Aceite vegetal 1 L', quantityMilli: 2000, unitPriceCents: 1090, discountCents: 200 },
  ]),
});
const facturaReference = { docType: '01', serie: 'F001', correlativo: 42, issueDate: '2026-11-23' } as const;

const partialReturn = noteFixture({
  reasonCode: '07',
  reasonDescription: 'Devolución de 1 arroz y 1 aceite\nen mal estado',
  reference: facturaReference,
  lines: returnedLines(factura, [
    { lineNo: 1, quantityMilli: 1000 },
    { lineNo: 3, quantityMilli: 1000 },
  ]),
});

/** Azúcar was billed at 4.20 and should have been 4.50: the debit note charges 10 × 0.30. */
const priceIncrease = noteFixture({
  noteType: '08',
  reasonCode: '02',
  reasonDescription: 'Ajuste del precio del azúcar acordado',
  reference: facturaReference,
  lines: pricedLines([{ description: 'Azúcar rubia 1 kg', quantityMilli: 10_000, unitPriceCents: 30 }]),
});

function expectRefused(note: NoteView, code: string, message?: string): void {
  expectFiscalRefusal(() => buildNoteXml(note), code, message);
}

const cert = useTestCertificate();

describe('buildNoteXml: credit note for a partial return of a factura', () => {
  const xml = buildNoteXml(partialReturn, { issuerUbigeo: '150115' });

  it('credits the returned quantities with prorated discount and recomputed taxes', () => {
    // Arroz 1 × 22.90 → 19.41 + 3.49; aceite 1 × 10.90 − 1.00 (half the discount) = 9.90 → 8.39 + 1.51.
    expect(partialReturn.totals).toMatchObject({
      gravadasCents: 2780,
      igvCents: 500,
      icbperCents: 0,
      totalCents: 3280,
    });
    const lines = elementBlocks(xml, 'cac:CreditNoteLine');
    expect(lines).toHaveLength(2);
    const [arroz = '', aceite = ''] = lines;
    expect(arroz).toMatch(/<cbc:CreditedQuantity unitCode="NIU"[^>]*>1<\/cbc:CreditedQuantity>/);
    expect(firstText(arroz, 'cbc:LineExtensionAmount')).toBe('19.41');
    expect(firstText(arroz, 'cbc:TaxAmount')).toBe('3.49');
    expect(arroz).not.toContain('AllowanceCharge');
    expect(firstText(aceite, 'cbc:ID')).toBe('2');
    expect(firstText(aceite, 'cbc:LineExtensionAmount')).toBe('8.39');
    expect(firstText(aceite, 'cbc:TaxAmount')).toBe('1.51');
    expect(aceite).toContain('<cbc:Amount currencyID="PEN">0.85</cbc:Amount>');
    expect(aceite).toContain('<cbc:BaseAmount currencyID="PEN">9.24</cbc:BaseAmount>');
    // CreditNoteLine wants the AllowanceCharge after TaxTotal (the reverse of InvoiceLine).
    expect(aceite.indexOf('<cac:AllowanceCharge>')).toBeGreaterThan(aceite.indexOf('</cac:TaxTotal>'));
  });

  it('states the totals, the leyenda and the taxes of what is credited', () => {
    const total = elementBlocks(xml, 'cac:LegalMonetaryTotal')[0] ?? '';
    expect(firstText(total, 'cbc:LineExtensionAmount')).toBe('27.80');
    expect(firstText(total, 'cbc:PayableAmount')).toBe('32.80');
    expect(firstText(xml, 'cbc:Note')).toBe('TREINTA Y DOS CON 80/100 SOLES');
    const taxTotal = xml.slice(
      xml.indexOf('</cac:AccountingCustomerParty>'),
      xml.indexOf('<cac:LegalMonetaryTotal>'),
    );
    expect(firstText(taxTotal, 'cbc:TaxAmount')).toBe('5.00');
    expect(firstText(taxTotal, 'cbc:TaxableAmount')).toBe('27.80');
  });

  it('names the factura it modifies and why, in catálogo 09', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
      ),
    ).toBe(true);
    expect(firstText(xml, 'cbc:ID')).toBe('FC01-1');
    expect(firstText(xml, 'cbc:IssueDate')).toBe('2026-11-24');
    const discrepancy = elementBlocks(xml, 'cac:DiscrepancyResponse')[0] ?? '';
    expect(firstText(discrepancy, 'cbc:ReferenceID')).toBe('F001-42');
    expect(discrepancy).toContain(
      '<cbc:ResponseCode listAgencyName="PE:SUNAT" listName="Tipo de nota de credito" listURI="urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo09">07</cbc:ResponseCode>',
    );
    expect(firstText(discrepancy, 'cbc:Description')).toBe('Devolución de 1 arroz y 1 aceite en mal estado');
    const billing = elementBlocks(xml, 'cac:BillingReference')[0] ?? '';
    expect(firstText(billing, 'cbc:ID')).toBe('F001-42');
    expect(billing).toMatch(/<cbc:DocumentTypeCode [^>]*catalogo01">01<\/cbc:DocumentTypeCode>/);
    expect(xml).not.toContain('CreditNoteTypeCode');
    expect(xml).toMatch(/<cbc:ID schemeID="6"[^>]*>20100070970<\/cbc:ID>/);
    expect(xml).toContain('<cbc:ID>150115</cbc:ID>');
  });

  it('leaves the empty signature slot, then validates against the CreditNote XSD and verifies once signed', () => {
    expect(xml.match(/<ext:ExtensionContent\/>/g)).toHaveLength(1);
    const checked = expectSignedAndValid(xml, cert(), SUNAT_XSD.creditNote);
    expect(verifyUblSignature(checked.signedXml)).toEqual({
      valid: true,
      digestValue: checked.digestValue,
      certificateBase64: cert().certificateBase64,
    });
  });
});

describe('buildNoteXml: credit note on an anonymous boleta', () => {
  const note = noteFixture();
  const xml = buildNoteXml(note);

  it('uses the B series, the anonymous customer and validates once signed', () => {
    expect(firstText(xml, 'cbc:ID')).toBe('BC01-1');
    expect(firstText(elementBlocks(xml, 'cac:BillingReference')[0] ?? '', 'cbc:ID')).toBe('B001-7');
    expect(xml).toMatch(/<cbc:ID schemeID="0"[^>]*>-<\/cbc:ID>/);
    expect(elementBlocks(xml, 'cac:CreditNoteLine')).toHaveLength(note.lines.length);
    expectSignedAndValid(xml, cert(), SUNAT_XSD.creditNote);
  });
});

describe('buildNoteXml: debit note for a price increase', () => {
  const xml = buildNoteXml(priceIncrease);

  it('debits the difference with its IGV under RequestedMonetaryTotal', () => {
    // 10 × 0.30 = 3.00 → 2.54 + 0.46.
    expect(priceIncrease.totals).toMatchObject({ gravadasCents: 254, igvCents: 46, totalCents: 300 });
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<DebitNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2"',
      ),
    ).toBe(true);
    expect(firstText(xml, 'cbc:ID')).toBe('FD01-1');
    expect(xml).not.toContain('LegalMonetaryTotal');
    const total = elementBlocks(xml, 'cac:RequestedMonetaryTotal')[0] ?? '';
    expect(firstText(total, 'cbc:LineExtensionAmount')).toBe('2.54');
    expect(firstText(total, 'cbc:PayableAmount')).toBe('3.00');
    const [line = ''] = elementBlocks(xml, 'cac:DebitNoteLine');
    expect(line).toMatch(/<cbc:DebitedQuantity unitCode="NIU"[^>]*>10<\/cbc:DebitedQuantity>/);
    expect(line).toContain('<cbc:PriceAmount currencyID="PEN">0.30</cbc:PriceAmount>');
    expect(line).toContain('<cbc:PriceAmount currencyID="PEN">0.25</cbc:PriceAmount>');
    expect(firstText(xml, 'cbc:Note')).toBe('TRES CON 00/100 SOLES');
    expect(xml).toContain(
      '<cbc:ResponseCode listAgencyName="PE:SUNAT" listName="Tipo de nota de debito" listURI="urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo10">02</cbc:ResponseCode>',
    );
  });

  it('validates against the DebitNote XSD and verifies once signed', () => {
    const checked = expectSignedAndValid(xml, cert(), SUNAT_XSD.debitNote);
    expect(verifyUblSignature(checked.signedXml).valid).toBe(true);
  });
});

describe('buildNoteXml: rules checked before building', () => {
  it('requires the series letter of the affected document', () => {
    expectRefused(noteFixture({ serie: 'FC01' }), 'note-series-mismatch', 'debe empezar con B');
    expectRefused(noteFixture({ reference: facturaReference, serie: 'BC01' }), 'note-series-mismatch');
    expectRefused(noteFixture({ serie: 'C001' }), 'invalid-series');
    expectRefused(noteFixture({ reference: { serie: 'F001' } }), 'invalid-series');
  });

  it('accepts only the reasons of its catálogo that a counter sale can carry', () => {
    expectRefused(noteFixture({ noteType: '08', reasonCode: '07' }), 'invalid-reason', 'catálogo 10');
    expectRefused(noteFixture({ noteType: '08', reasonCode: '10' }), 'invalid-reason');
    expectRefused(noteFixture({ reasonCode: '13' }), 'unsupported-reason');
    expectRefused(noteFixture({ reasonDescription: ' \n ' }), 'invalid-reason-description');
  });

  it('needs the RUC customer on factura notes and an identified one above S/ 700 on boleta notes', () => {
    expectRefused(noteFixture({ reference: facturaReference, customer: null }), 'customer-required');
    expectRefused(noteFixture({ reference: facturaReference, customer: dniCustomer }), 'customer-required');
    const expensive = pricedLines([{ description: 'Televisor 32"', unitPriceCents: 89_900 }]);
    expectRefused(noteFixture({ lines: expensive }), 'customer-required', 'S/ 700.00');
    expect(() => buildNoteXml(noteFixture({ lines: expensive, customer: dniCustomer }))).not.toThrow();
  });

  it('refuses a note dated before its document, no lines, repeated lines and totals off the lines', () => {
    expectRefused(noteFixture({ reference: { issueDate: '2026-11-25' } }), 'reference-after-note');
    expectRefused(noteFixture({ reference: { issueDate: '2026-02-30' } }), 'invalid-date');
    expectRefused(noteFixture({ lines: [] }), 'no-lines');
    const [line] = saleFixture().lines;
    if (!line) throw new Error('the sale fixture has lines');
    expectRefused(noteFixture({ lines: [line, line] }), 'duplicate-line');
    expectRefused(noteFixture({ lines: [{ ...line, quantityMilli: 0 }] }), 'invalid-amounts');
    const note = noteFixture();
    expectRefused(
      { ...note, totals: { ...note.totals, igvCents: note.totals.igvCents + 1 } },
      'totals-mismatch',
      'IGV',
    );
    expectRefused(noteFixture({ correlativo: 0 }), 'invalid-correlativo');
  });
});
