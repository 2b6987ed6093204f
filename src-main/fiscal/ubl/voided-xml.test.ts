import { describe, expect, it } from 'vitest';
import type { VoidedView } from '../documents/voided-view';
import { verifyUblSignature } from '../signing/verify-xml';
import {
  elementBlocks,
  expectFiscalRefusal,
  expectSignedAndValid,
  firstText,
  makeTestCertificate,
  SUNAT_XSD,
  voidedFixture,
} from '../../testing/fiscal-fixtures';
import { buildVoidedXml } from './voided-xml';

function expectRefused(voided: VoidedView, code: string, message?: string): void {
  expectFiscalRefusal(() => buildVoidedXml(voided), code, message);
}

describe('buildVoidedXml: baja of a factura', () => {
  const voided = voidedFixture({
    lines: [
      { docType: '01', serie: 'F001', correlativo: 42, reason: '  Error en el RUC\n del cliente ' },
      { docType: '07', serie: 'FC01', correlativo: 3, reason: 'Nota emitida por error' },
    ],
  });
  const xml = buildVoidedXml(voided);

  it('writes the UBL 2.0 VoidedDocuments header and one line per document', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<VoidedDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1"',
      ),
    ).toBe(true);
    expect(firstText(xml, 'cbc:UBLVersionID')).toBe('2.0');
    expect(firstText(xml, 'cbc:CustomizationID')).toBe('1.0');
    expect(firstText(xml, 'cbc:ID')).toBe('RA-20261124-1');
    expect(firstText(xml, 'cbc:ReferenceDate')).toBe('2026-11-23');
    expect(firstText(xml, 'cbc:IssueDate')).toBe('2026-11-24');
    expect(firstText(xml, 'cbc:CustomerAssignedAccountID')).toBe('20601234565');
    const [factura = '', note = ''] = elementBlocks(xml, 'sac:VoidedDocumentsLine');
    expect(firstText(factura, 'cbc:LineID')).toBe('1');
    expect(firstText(factura, 'cbc:DocumentTypeCode')).toBe('01');
    expect(firstText(factura, 'sac:DocumentSerialID')).toBe('F001');
    expect(firstText(factura, 'sac:DocumentNumberID')).toBe('42');
    expect(firstText(factura, 'sac:VoidReasonDescription')).toBe('Error en el RUC del cliente');
    expect(firstText(note, 'cbc:LineID')).toBe('2');
    expect(firstText(note, 'cbc:DocumentTypeCode')).toBe('07');
  });

  it('validates against the VoidedDocuments XSD and verifies once signed', () => {
    const cert = makeTestCertificate();
    expect(xml.match(/<ext:ExtensionContent\/>/g)).toHaveLength(1);
    const checked = expectSignedAndValid(xml, cert, SUNAT_XSD.voided);
    expect(verifyUblSignature(checked.signedXml).valid).toBe(true);
  });
});

describe('buildVoidedXml: rules checked before building', () => {
  it('sends boletas and their notes to the resumen diario instead', () => {
    expectRefused(
      voidedFixture({
        lines: [{ docType: '07', serie: 'BC01', correlativo: 1, reason: 'Error de digitación' }],
      }),
      'boleta-void-in-summary',
      'resumen diario',
    );
    expectRefused(
      voidedFixture({
        lines: [{ docType: '01', serie: '0001', correlativo: 1, reason: 'Error de digitación' }],
      }),
      'invalid-series',
    );
  });

  it('needs a reason of 3 to 100 characters', () => {
    const line = { docType: '01', serie: 'F001', correlativo: 42 } as const;
    expectRefused(voidedFixture({ lines: [{ ...line, reason: ' a ' }] }), 'invalid-void-reason');
    expectRefused(voidedFixture({ lines: [{ ...line, reason: 'x'.repeat(101) }] }), 'invalid-void-reason');
    expect(() =>
      buildVoidedXml(voidedFixture({ lines: [{ ...line, reason: 'x'.repeat(100) }] })),
    ).not.toThrow();
  });

  it('keeps dates consistent and refuses repeated or missing documents', () => {
    expectRefused(voidedFixture({ id: 'RA-20261125-1' }), 'summary-date-mismatch');
    expectRefused(voidedFixture({ id: 'RC-20261124-1' }), 'invalid-summary-id');
    expectRefused(voidedFixture({ referenceDate: '2026-11-30' }), 'reference-date-after-issue');
    expectRefused(voidedFixture({ lines: [] }), 'no-lines');
    const [line] = voidedFixture().lines;
    if (!line) throw new Error('the fixture has a line');
    expectRefused(voidedFixture({ lines: [line, { ...line, reason: 'Otro motivo' }] }), 'duplicate-line');
    expectRefused(voidedFixture({ store: { ruc: '2060123456', legalName: 'Comercial' } }), 'invalid-ruc');
    expectRefused(voidedFixture({ store: { ruc: '20601234565', legalName: 'AB' } }), 'invalid-issuer-name');
  });
});
