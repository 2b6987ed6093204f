import { describe, expect, it } from 'vitest';
import { captureError, expectFiscalRefusal } from '../../testing/fiscal-fixtures';
import { documentFileName, parseFiscalFileName, summaryFileName } from './file-names';

describe('documentFileName and summaryFileName', () => {
  it('writes RUC-TT-SERIE-NUMERO with the unpadded number', () => {
    expect(documentFileName('20601234565', '01', 'F001', 7)).toBe('20601234565-01-F001-7');
    expect(documentFileName('20601234565', '07', 'BC01', 12_345_678)).toBe('20601234565-07-BC01-12345678');
  });

  it('writes RUC-RC/RA-YYYYMMDD-n from the summary id', () => {
    expect(summaryFileName('20601234565', 'RC-20261123-1')).toBe('20601234565-RC-20261123-1');
    expect(summaryFileName('20601234565', 'RA-20261124-12')).toBe('20601234565-RA-20261124-12');
  });

  it('refuses what SUNAT would not accept, with a typed error', () => {
    expect(captureError(() => documentFileName('2060123456', '01', 'F001', 7))).toMatchObject({
      code: 'invalid-ruc',
    });
    expect(captureError(() => documentFileName('20601234565', '03', 'b001', 7))).toMatchObject({
      code: 'invalid-series',
    });
    expect(captureError(() => documentFileName('20601234565', '03', 'B001', 0))).toMatchObject({
      code: 'invalid-correlativo',
    });
    expect(captureError(() => documentFileName('20601234565', '03', 'B001', 100_000_000))).toMatchObject({
      code: 'invalid-correlativo',
    });
    expectFiscalRefusal(() => summaryFileName('20601234565', 'RC-20261131-1'), 'invalid-summary-id');
  });
});

describe('parseFiscalFileName', () => {
  it('reads a CPE name, with or without extension, keeping the number as written', () => {
    expect(parseFiscalFileName('20601234565-01-F001-7.zip')).toEqual({
      kind: 'document',
      ruc: '20601234565',
      docType: '01',
      serie: 'F001',
      correlativo: 7,
      documentId: 'F001-7',
      extension: '.zip',
    });
    expect(parseFiscalFileName('20603233591-03-B007-00000049.xml')).toMatchObject({
      correlativo: 49,
      documentId: 'B007-00000049',
      extension: '.xml',
    });
    expect(parseFiscalFileName('20601234565-08-FD01-3')).toMatchObject({ docType: '08', extension: '' });
  });

  it('reads a summary name into its id, issue date and sequence', () => {
    expect(parseFiscalFileName('20601234565-RC-20261123-1.zip')).toEqual({
      kind: 'summary',
      ruc: '20601234565',
      summaryKind: 'RC',
      issueDate: '2026-11-23',
      sequence: 1,
      summaryId: 'RC-20261123-1',
      extension: '.zip',
    });
    expect(parseFiscalFileName('20123456789-RC-20201007-001.xml')).toMatchObject({
      summaryId: 'RC-20201007-001',
      sequence: 1,
    });
    expect(parseFiscalFileName('12345678912-RA-20200328-1')).toMatchObject({ summaryKind: 'RA' });
  });

  it('round-trips what the writers produce', () => {
    const name = documentFileName('20601234565', '07', 'FC01', 211);
    expect(parseFiscalFileName(`${name}.xml`)).toMatchObject({ serie: 'FC01', correlativo: 211 });
    expect(parseFiscalFileName(summaryFileName('20601234565', 'RA-20261124-3'))).toMatchObject({
      issueDate: '2026-11-24',
      sequence: 3,
    });
  });

  it.each([
    '20601234565-01-F001-7.txt',
    '2060123456-01-F001-7',
    '20601234565-09-T001-7',
    '20601234565-01-F01-7',
    '20601234565-01-F001-123456789',
    '20601234565-01-F001-0',
    '20601234565-RC-20261332-1',
    '20601234565-RR-20261123-1',
    '20601234565-RC-20261123-123456',
    'R-20601234565-01-F001-7.zip',
  ])('refuses %s with invalid-file-name', (name) => {
    expectFiscalRefusal(() => parseFiscalFileName(name), 'invalid-file-name', 'formato de SUNAT');
  });
});
