import { describe, expect, it } from 'vitest';
import { summaryLineForBoleta, summaryLineForNote } from '../documents/summary-lines';
import type { DailySummaryView, SummaryLine } from '../documents/summary-view';
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
  saleFixture,
  summaryFixture,
  summaryLineFixture,
  SUNAT_XSD,
  useTestCertificate,
} from '../../testing/fiscal-fixtures';
import { buildDailySummaryXml } from './summary-xml';

function expectRefused(summary: DailySummaryView, code: string, message?: string): void {
  expectFiscalRefusal(() => buildDailySummaryXml(summary), code, message);
}

/** One TaxTotal's amount for a tributo within a summary line. */
function taxAmount(line: string, tributo: string): string | undefined {
  const taxTotal = elementBlocks(line, 'cac:TaxTotal').find((block) =>
    block.includes(`>${tributo}</cbc:ID>`),
  );
  return taxTotal ? firstText(taxTotal, 'cbc:TaxAmount') : undefined;
}

function paidAmount(line: string, instruction: string): string | undefined {
  const payment = elementBlocks(line, 'sac:BillingPayment').find((block) =>
    block.includes(`<cbc:InstructionID>${instruction}</cbc:InstructionID>`),
  );
  return payment ? firstText(payment, 'cbc:PaidAmount') : undefined;
}

const cert = useTestCertificate();

describe('buildDailySummaryXml: three boletas added (condition 1)', () => {
  const summary = summaryFixture();
  const xml = buildDailySummaryXml(summary);

  it('writes the SUNAT 1.1 header with the issuer as an account', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<SummaryDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1"',
      ),
    ).toBe(true);
    expect(firstText(xml, 'cbc:UBLVersionID')).toBe('2.0');
    expect(firstText(xml, 'cbc:CustomizationID')).toBe('1.1');
    expect(firstText(xml, 'cbc:ID')).toBe('RC-20261124-1');
    expect(firstText(xml, 'cbc:ReferenceDate')).toBe('2026-11-23');
    expect(firstText(xml, 'cbc:IssueDate')).toBe('2026-11-24');
    const supplier = elementBlocks(xml, 'cac:AccountingSupplierParty')[0] ?? '';
    expect(firstText(supplier, 'cbc:CustomerAssignedAccountID')).toBe('20601234565');
    expect(firstText(supplier, 'cbc:AdditionalAccountID')).toBe('6');
    expect(firstText(supplier, 'cbc:RegistrationName')).toBe('Comercial Santa Rosa de Lima S.A.C.');
  });

  it('writes one line per boleta with its totals split by operation and tributo', () => {
    const lines = elementBlocks(xml, 'sac:SummaryDocumentsLine');
    expect(lines).toHaveLength(3);
    const [first = ''] = lines;
    // Default sale: leche 6 × 3.90 = 23.40 → 19.83 + 3.57; aceite 21.80 − 2.00 = 19.80 → 16.78 + 3.02;
    // plátano 1.50 exonerado.
    expect(summary.lines[0]?.totals).toMatchObject({
      gravadasCents: 3661,
      exoneradasCents: 150,
      igvCents: 659,
      totalCents: 4470,
    });
    expect(firstText(first, 'cbc:LineID')).toBe('1');
    expect(firstText(first, 'cbc:DocumentTypeCode')).toBe('03');
    expect(firstText(first, 'cbc:ID')).toBe('B001-1');
    expect(first).not.toContain('AccountingCustomerParty');
    expect(first).not.toContain('BillingReference');
    expect(firstText(first, 'cbc:ConditionCode')).toBe('1');
    expect(firstText(first, 'sac:TotalAmount')).toBe('44.70');
    expect(paidAmount(first, '01')).toBe('36.61');
    expect(paidAmount(first, '02')).toBe('1.50');
    expect(paidAmount(first, '03')).toBeUndefined();
    expect(taxAmount(first, '1000')).toBe('6.59');
    expect(taxAmount(first, '7152')).toBeUndefined();
    expect(lines.map((line) => firstText(line, 'cbc:ID'))).toEqual(['B001-1', 'B001-2', 'B001-3']);
  });

  it('validates against the SummaryDocuments XSD and verifies once signed', () => {
    expect(xml.match(/<ext:ExtensionContent\/>/g)).toHaveLength(1);
    const checked = expectSignedAndValid(xml, cert(), SUNAT_XSD.summary);
    expect(verifyUblSignature(checked.signedXml).valid).toBe(true);
  });
});

describe('buildDailySummaryXml: a boleta above S/ 700, a voided one and notes on boletas', () => {
  const television = saleFixture({
    correlativo: 8,
    customer: dniCustomer,
    lines: pricedLines([
      { description: 'Televisor 32"', unitPriceCents: 89_900 },
      { description: 'Libro escolar', unitPriceCents: 3500, affectation: '30' },
      { description: 'Bolsa plástica', quantityMilli: 2000, unitPriceCents: 10, bag: true },
    ]),
  });
  const small = saleFixture({ correlativo: 9 });
  const voided = saleFixture({ correlativo: 7 });
  const creditNote = noteFixture({
    reference: { serie: 'B001', correlativo: 9 },
    lines: returnedLines(small, [{ lineNo: 1, quantityMilli: 2000 }]),
  });
  const debitNote = noteFixture({
    noteType: '08',
    reasonCode: '02',
    reference: { serie: 'B001', correlativo: 8 },
    customer: dniCustomer,
    lines: pricedLines([{ description: 'Instalación del televisor', unitPriceCents: 2000 }]),
  });
  const summary = summaryFixture({
    lines: [
      summaryLineForBoleta(television, 1),
      summaryLineForBoleta(small, 1),
      summaryLineForBoleta(voided, 3),
      summaryLineForNote(creditNote, 1),
      summaryLineForNote(debitNote, 1),
    ],
  });
  const xml = buildDailySummaryXml(summary);
  const lines = elementBlocks(xml, 'sac:SummaryDocumentsLine');

  it('identifies the customer of the boleta above S/ 700 by DNI, with its ICBPER', () => {
    const line = lines[0] ?? '';
    // Televisor 899.00 → 761.86 + 137.14; libro 35.00 inafecto; bolsas 0.20 → 0.17 + 0.03 and ICBPER 1.00.
    expect(television.totals).toMatchObject({
      gravadasCents: 76_203,
      inafectasCents: 3500,
      igvCents: 13_717,
      icbperCents: 100,
      totalCents: 93_520,
    });
    const customer = elementBlocks(line, 'cac:AccountingCustomerParty')[0] ?? '';
    expect(firstText(customer, 'cbc:CustomerAssignedAccountID')).toBe('45678912');
    expect(firstText(customer, 'cbc:AdditionalAccountID')).toBe('1');
    expect(firstText(line, 'sac:TotalAmount')).toBe('935.20');
    expect(paidAmount(line, '01')).toBe('762.03');
    expect(paidAmount(line, '03')).toBe('35.00');
    expect(taxAmount(line, '1000')).toBe('137.17');
    expect(taxAmount(line, '7152')).toBe('1.00');
  });

  it('voids with condition 3 and references the boleta each note modifies', () => {
    expect(firstText(lines[2] ?? '', 'cbc:ConditionCode')).toBe('3');
    const [credit = '', debit = ''] = lines.slice(3);
    expect(firstText(credit, 'cbc:DocumentTypeCode')).toBe('07');
    expect(firstText(credit, 'cbc:ID')).toBe('BC01-1');
    const creditReference = elementBlocks(credit, 'cac:BillingReference')[0] ?? '';
    expect(firstText(creditReference, 'cbc:ID')).toBe('B001-9');
    expect(firstText(creditReference, 'cbc:DocumentTypeCode')).toBe('03');
    expect(firstText(credit, 'sac:TotalAmount')).toBe('7.80');
    expect(firstText(debit, 'cbc:DocumentTypeCode')).toBe('08');
    expect(firstText(elementBlocks(debit, 'cac:BillingReference')[0] ?? '', 'cbc:ID')).toBe('B001-8');
    expect(firstText(debit, 'cbc:CustomerAssignedAccountID')).toBe('45678912');
    // The reference sits between the customer and the status, as the XSD orders them.
    expect(debit.indexOf('<cac:BillingReference>')).toBeGreaterThan(
      debit.indexOf('</cac:AccountingCustomerParty>'),
    );
    expect(debit.indexOf('<cac:BillingReference>')).toBeLessThan(debit.indexOf('<cac:Status>'));
  });

  it('validates against the SummaryDocuments XSD and verifies once signed', () => {
    expectSignedAndValid(xml, cert(), SUNAT_XSD.summary);
  });
});

describe('buildDailySummaryXml: rules checked before building', () => {
  it('accepts 500 lines and refuses 501', () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => summaryLineFixture({ correlativo: index + 1 }));
    const full = buildDailySummaryXml(summaryFixture({ lines: lines(500) }));
    expect(elementBlocks(full, 'sac:SummaryDocumentsLine')).toHaveLength(500);
    expectRefused(summaryFixture({ lines: lines(501) }), 'too-many-lines', 'hasta 500');
    expectRefused(summaryFixture({ lines: [] }), 'no-lines');
  });

  it('keeps the id date equal to the issue date and the documents not after it', () => {
    expectRefused(summaryFixture({ id: 'RC-20261123-1' }), 'summary-date-mismatch');
    expectRefused(summaryFixture({ referenceDate: '2026-11-25' }), 'reference-date-after-issue');
    expectRefused(summaryFixture({ id: 'RA-20261124-1' }), 'invalid-summary-id');
    expectRefused(summaryFixture({ id: 'RC-20261124-0' }), 'invalid-summary-id');
    expectRefused(summaryFixture({ referenceDate: '2026-11-31' }), 'invalid-date');
    expect(() => buildDailySummaryXml(summaryFixture({ referenceDate: '2026-11-24' }))).not.toThrow();
  });

  it('needs an identified customer above S/ 700', () => {
    const expensive = pricedLines([{ description: 'Televisor 32"', unitPriceCents: 89_900 }]);
    expectRefused(summaryFixture({ lines: [summaryLineFixture({ lines: expensive })] }), 'customer-required');
    expectRefused(
      summaryFixture({
        lines: [summaryLineFixture({ lines: expensive, customer: { docType: '0', docNumber: '-' } })],
      }),
      'customer-required',
    );
    // Exactly S/ 700.00 is not above the limit.
    const limit = pricedLines([{ description: 'Refrigeradora', unitPriceCents: 70_000 }]);
    expect(() =>
      buildDailySummaryXml(summaryFixture({ lines: [summaryLineFixture({ lines: limit })] })),
    ).not.toThrow();
  });

  it('takes only B series, and references only on notes', () => {
    expectRefused(summaryFixture({ lines: [summaryLineFixture({ serie: 'F001' })] }), 'invalid-series');
    expectRefused(
      summaryFixture({ lines: [summaryLineFixture({ docType: '07', serie: 'BC01' })] }),
      'missing-reference',
    );
    expect(() =>
      buildDailySummaryXml(
        summaryFixture({ lines: [summaryLineFixture({ docType: '07', serie: 'BC01', condition: 3 })] }),
      ),
    ).not.toThrow();
    expectRefused(
      summaryFixture({
        lines: [summaryLineFixture({ reference: { docType: '03', serie: 'B001', correlativo: 1 } })],
      }),
      'unexpected-reference',
    );
  });

  it('refuses document types and conditions outside its catalogues', () => {
    const line = summaryLineFixture();
    expectRefused(
      summaryFixture({ lines: [{ ...line, docType: '01' } as unknown as SummaryLine] }),
      'invalid-doc-type',
    );
    expectRefused(
      summaryFixture({ lines: [{ ...line, condition: 4 } as unknown as SummaryLine] }),
      'invalid-condition',
    );
  });

  it('refuses a repeated document and add+modify or modify+void in one summary', () => {
    const line = summaryLineFixture({ correlativo: 5 });
    expectRefused(summaryFixture({ lines: [line, line] }), 'duplicate-line');
    expectRefused(summaryFixture({ lines: [line, { ...line, condition: 2 }] }), 'conflicting-conditions');
    expectRefused(
      summaryFixture({
        lines: [
          { ...line, condition: 2 },
          { ...line, condition: 3 },
        ],
      }),
      'conflicting-conditions',
    );
    expect(() =>
      buildDailySummaryXml(summaryFixture({ lines: [line, { ...line, condition: 3 }] })),
    ).not.toThrow();
  });

  it('refuses totals that do not add up', () => {
    const line = summaryLineFixture();
    expectRefused(
      summaryFixture({
        lines: [{ ...line, totals: { ...line.totals, totalCents: line.totals.totalCents + 1 } }],
      }),
      'totals-mismatch',
    );
  });
});
