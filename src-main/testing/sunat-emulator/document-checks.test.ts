import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreCertificate } from '../../fiscal/signing/certificate';
import { zipDocument } from '../../fiscal/sunat-client/zip';
import { inspectSubmission, type SubmissionInput } from './document-checks';
import { parseDocumentName } from './document-name';
import { ScenarioBook } from './scenarios';
import {
  makeTestCertificate,
  rezipped,
  signedInvoice,
  signedSummary,
  TEST_RUC,
  type TestDocument,
} from './test-documents';

/** The emulator's own checks, without sockets: each SUNAT code it can answer. */

const CHECKS = { verifySignature: true, validateSchema: true };
let cert: StoreCertificate;
let boleta: TestDocument;
let summary: TestDocument;

beforeAll(() => {
  cert = makeTestCertificate();
  boleta = signedInvoice(cert, { correlativo: 7 });
  summary = signedSummary(cert);
}, 60_000);

function input(overrides: Partial<SubmissionInput> & Pick<SubmissionInput, 'zip'>): SubmissionInput {
  return { operation: 'sendBill', fileName: boleta.fileName, senderRuc: TEST_RUC, ...overrides };
}

async function codeOf(submission: SubmissionInput): Promise<string> {
  const check = await inspectSubmission(submission, CHECKS);
  return check.ok ? 'ok' : check.code;
}

describe('inspectSubmission', () => {
  it('accepts a correctly signed boleta and RC', async () => {
    const check = await inspectSubmission(input({ zip: boleta.zip }), CHECKS);
    expect(check).toMatchObject({ ok: true, document: { typeCode: '03', referenceId: 'B001-7' } });
    expect(
      await codeOf({
        operation: 'sendSummary',
        fileName: summary.fileName,
        zip: summary.zip,
        senderRuc: TEST_RUC,
      }),
    ).toBe('ok');
  });

  it('checks the zip and its file names (01xx)', async () => {
    const xml = strToU8(boleta.signedXml);
    const table: [string, SubmissionInput][] = [
      ['0151', input({ fileName: `${boleta.name}.xml`, zip: boleta.zip })],
      ['0151', input({ fileName: 'factura.zip', zip: boleta.zip })],
      ['0152', input({ fileName: summary.fileName, zip: summary.zip })],
      ['0151', input({ operation: 'sendSummary', zip: boleta.zip })],
      ['0154', input({ zip: boleta.zip, senderRuc: '20100070970' })],
      ['0155', input({ zip: new Uint8Array() })],
      ['0156', input({ zip: strToU8('PK no es un zip') })],
      ['0157', input({ zip: zipSync({ 'leeme.txt': strToU8('x') }) })],
      ['0158', input({ zip: zipSync({ [`${boleta.name}.xml`]: xml, 'otro.xml': xml }) })],
      ['0161', input({ zip: zipSync({ 'otro.xml': xml }) })],
      ['0160', input({ zip: zipSync({ [`${boleta.name}.xml`]: new Uint8Array() }) })],
    ];
    for (const [code, submission] of table) {
      expect(await codeOf(submission), `${code} ${submission.fileName}`).toBe(code);
    }
  });

  it('refuses unreadable XML, a BOM and a wrong root', async () => {
    expect(await codeOf(input({ zip: rezipped(boleta, '<Invoice><cbc:ID>').zip }))).toBe('0306');
    const withBom = zipSync({ [`${boleta.name}.xml`]: strToU8(`\uFEFF${boleta.signedXml}`) });
    expect(await codeOf(input({ zip: withBom }))).toBe('0306');
    const creditNoteName = `${TEST_RUC}-07-B001-7`;
    expect(
      await codeOf(
        input({ fileName: `${creditNoteName}.zip`, zip: zipDocument(creditNoteName, boleta.signedXml) }),
      ),
    ).toBe('1003');
  });

  it('compares the file name with the content (1034/1035/1036/1003)', async () => {
    const rename = (name: string): SubmissionInput =>
      input({ fileName: `${name}.zip`, zip: zipDocument(name, boleta.signedXml) });
    expect(await codeOf(rename(`${TEST_RUC}-03-B002-7`))).toBe('1035');
    expect(await codeOf(rename(`${TEST_RUC}-03-B001-8`))).toBe('1036');
    expect(await codeOf(rename(`${TEST_RUC}-01-B001-7`))).toBe('1001');
    expect(await codeOf(rename(`${TEST_RUC}-01-F001-7`))).toBe('1035');
    const otherIssuer = signedInvoice(cert, { correlativo: 7, ruc: '20100070970' });
    expect(await codeOf(input({ zip: zipDocument(boleta.name, otherIssuer.signedXml) }))).toBe('1034');
  });

  it('compares an RC name with its ID and date (2220/2346)', async () => {
    // Name and zip entry agree with each other but not with the content.
    const renamed = (name: string, xml: string): SubmissionInput => ({
      operation: 'sendSummary',
      fileName: `${name}.zip`,
      zip: zipDocument(name, xml),
      senderRuc: TEST_RUC,
    });
    expect(await codeOf(renamed(`${TEST_RUC}-RC-20201007-003`, summary.signedXml))).toBe('2220');
    // The ID follows the new name, but IssueDate still says 2020-10-07.
    const nextDay = summary.signedXml.replace('RC-20201007-001', 'RC-20201008-001');
    expect(await codeOf(renamed(`${TEST_RUC}-RC-20201008-001`, nextDay))).toBe('2346');
  });

  it('verifies the signature (1059/2334/2335)', async () => {
    const unsigned = boleta.signedXml.replace(/<ds:Signature [\s\S]*<\/ds:Signature>/, '');
    expect(await codeOf(input({ zip: rezipped(boleta, unsigned).zip }))).toBe('1059');
    const badValue = boleta.signedXml.replace(
      /<ds:SignatureValue>(.)/,
      (_match, first: string) => `<ds:SignatureValue>${first === 'A' ? 'B' : 'A'}`,
    );
    expect(await codeOf(input({ zip: rezipped(boleta, badValue).zip }))).toBe('2334');
    const altered = boleta.signedXml.replace('Leche evaporada', 'Leche evaporadb');
    expect(await codeOf(input({ zip: rezipped(boleta, altered).zip }))).toBe('2335');
  });
});

describe('parseDocumentName', () => {
  it('reads documents and summaries', () => {
    expect(parseDocumentName('20601234565-01-F001-00000042')).toMatchObject({
      kind: 'document',
      ruc: '20601234565',
      docType: '01',
      serie: 'F001',
      number: 42,
    });
    expect(parseDocumentName('20601234565-RA-20261124-12')).toMatchObject({
      kind: 'summary',
      summaryType: 'RA',
      date: '2026-11-24',
      id: 'RA-20261124-12',
    });
    expect(parseDocumentName('20601234565-01-F001-0')).toBeUndefined();
    expect(parseDocumentName('2060123456-01-F001-1')).toBeUndefined();
    expect(parseDocumentName('20601234565-RC-2026112-1')).toBeUndefined();
  });
});

describe('ScenarioBook', () => {
  it('applies next, then per document, then the mode; outcomes only to sends', () => {
    const book = new ScenarioBook();
    const send = { sendsDocument: true, documentName: 'A' };
    const poll = { sendsDocument: false, documentName: undefined };
    book.set({ kind: 'observe' }, { kind: 'always' });
    book.set({ kind: 'reject' }, { kind: 'document', name: 'A.zip' });
    book.set({ kind: 'accept', pendingPolls: 1 }, { kind: 'next' });
    book.set({ kind: 'hang' }, { kind: 'next', count: 2 });

    // A poll skips the queued outcome and takes the first hang.
    expect(book.take(poll)).toEqual({ kind: 'hang' });
    expect(book.take(send)).toEqual({ kind: 'accept', pendingPolls: 1 });
    expect(book.take(send)).toEqual({ kind: 'hang' });
    expect(book.take(send)).toEqual({ kind: 'reject' });
    expect(book.take({ sendsDocument: true, documentName: 'B' })).toEqual({ kind: 'observe' });
    expect(book.take(poll)).toEqual({ kind: 'accept' });
    book.clear();
    expect(book.take(send)).toEqual({ kind: 'accept' });
  });
});
