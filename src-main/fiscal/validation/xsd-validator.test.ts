import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FISCAL_SALE_TABLE,
  fiscalSale,
  fiscalSaleSpec,
  signedInvoiceXml,
} from '../../testing/fiscal-sale-fixtures';
import { SAMPLES_DIR } from './test-support/rule-corpus';
import { SCHEMA_FILES, XsdValidators, type SchemaKind, type XsdResult } from './xsd-validator';

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'mostrador-xsd-'));

/** Debian's xmllint on the same schema: its verdict and the lines it complains about. */
function xmllint(
  kind: SchemaKind,
  name: string,
  xml: string,
): { valid: boolean; lines: number[]; output: string } {
  const file = join(workDir, `${name}.xml`);
  writeFileSync(file, xml, 'utf8');
  const schema = join(RESOURCES, 'sunat', 'xsd', SCHEMA_FILES[kind]);
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  const lines = [...result.stderr.matchAll(/\.xml:(\d+): /g)].map((match) => Number(match[1]));
  return { valid: result.status === 0, lines, output: result.stderr };
}

const SIGNED_SAMPLES: ReadonlyArray<[SchemaKind, string]> = [
  ['invoice', 'signed/openubl-invoice-01-signed.xml'],
  ['invoice', 'signed/openubl-boleta-03-signed.xml'],
  ['invoice', 'signed/20605446788-01-F002-00000031.xml'],
  ['credit-note', 'signed/openubl-credit-note-07-signed.xml'],
  ['debit-note', 'signed/openubl-debit-note-08-signed.xml'],
  ['summary', 'signed/20000000001-RC-20171119-001.xml'],
  ['voided', 'signed/12345678912-RA-20200328-1.xml'],
];

function sample(path: string): string {
  return readFileSync(join(SAMPLES_DIR, path), 'utf8');
}

function lineOf(xml: string, needle: string): number {
  const index = xml.indexOf(needle);
  if (index < 0) throw new Error(`not in document: ${needle}`);
  return xml.slice(0, index).split('\n').length;
}

describe('XsdValidators (libxml2-wasm, in process)', () => {
  let validators: XsdValidators;
  const boleta = signedInvoiceXml(fiscalSale(fiscalSaleSpec('boleta, gravado + exonerado + inafecto + bag')));

  beforeAll(async () => {
    validators = await XsdValidators.create(RESOURCES);
  });
  afterAll(() => {
    validators.dispose();
    rmSync(workDir, { recursive: true, force: true });
  });

  it.each(SIGNED_SAMPLES)('accepts SUNAT-shaped %s sample %s, as xmllint does', (kind, path) => {
    const xml = sample(path);
    const ours = validators.validate(kind, xml);
    const lint = xmllint(kind, path.replace(/\W+/g, '-'), xml);
    expect(lint.valid, lint.output).toBe(true);
    expect(ours).toEqual({ valid: true, wellFormed: true, errors: [] });
  });

  it.each(FISCAL_SALE_TABLE.map((row) => [row.name, row.spec] as const))(
    'accepts our signed %s, as xmllint does',
    (name, spec) => {
      const xml = signedInvoiceXml(fiscalSale(spec));
      const lint = xmllint('invoice', name.replace(/\W+/g, '-'), xml);
      expect(lint.valid, lint.output).toBe(true);
      expect(validators.validate('invoice', xml).valid).toBe(true);
    },
  );

  const mutations: ReadonlyArray<[string, (xml: string) => string, string]> = [
    [
      'a required element removed',
      (xml) => xml.replace(/\s*<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, ''),
      '<cbc:IssueTime>',
    ],
    [
      'two elements in the wrong order',
      (xml) =>
        xml.replace(
          /(<cbc:IssueDate>[^<]*<\/cbc:IssueDate>)(\s*)(<cbc:IssueTime>[^<]*<\/cbc:IssueTime>)/,
          '$3$2$1',
        ),
      '<cbc:IssueTime>',
    ],
    [
      'an unknown element',
      (xml) => xml.replace('<cbc:IssueTime>', '<cbc:Foo>1</cbc:Foo><cbc:IssueTime>'),
      '<cbc:Foo>',
    ],
    [
      'a date that is not a date',
      (xml) => xml.replace(/<cbc:IssueDate>[^<]*</, '<cbc:IssueDate>2026-13-45<'),
      '<cbc:IssueDate>',
    ],
    [
      'an amount without currency',
      (xml) => xml.replace(/<cbc:PayableAmount currencyID="PEN">/, '<cbc:PayableAmount>'),
      '<cbc:PayableAmount>',
    ],
  ];

  it.each(mutations)('rejects %s at the same line as xmllint', (name, mutate, needle) => {
    const xml = mutate(boleta);
    expect(xml).not.toBe(boleta);
    const ours = validators.validate('invoice', xml);
    const lint = xmllint('invoice', name.replace(/\W+/g, '-'), xml);
    expect(lint.valid).toBe(false);
    expect(ours.valid).toBe(false);
    expect(ours.wellFormed).toBe(true);
    expect(ours.errors.map((error) => error.line)).toEqual(lint.lines);
    expect(ours.errors[0]?.line).toBe(lineOf(xml, needle));
    expect(ours.errors[0]?.message).not.toBe('');
  });

  it('checks each kind against its own schema', () => {
    const rc = sample('signed/20000000001-RC-20171119-001.xml');
    const result: XsdResult = validators.validate('invoice', rc);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toContain('No matching global declaration');
  });

  it('reports text that is not XML as not well-formed', () => {
    const result = validators.validate('invoice', '<Invoice><cbc:ID>B001-1</Invoice>');
    expect(result.valid).toBe(false);
    expect(result.wellFormed).toBe(false);
    expect(result.errors[0]?.line).toBe(1);
  });

  it('reads the text as Unicode whatever the declaration says (SUNAT samples say ISO-8859-1)', () => {
    const latin = boleta.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(validators.validate('invoice', latin).valid).toBe(true);
  });

  it('compiles each schema once and keeps it for the next documents', () => {
    for (let i = 0; i < 20; i++) expect(validators.validate('invoice', boleta).valid).toBe(true);
    expect(validators.loadedSchemas().filter((kind) => kind === 'invoice')).toHaveLength(1);
  });

  it('frees its schemas on dispose and refuses to validate afterwards', async () => {
    const own = await XsdValidators.create(RESOURCES);
    own.validate('voided', sample('signed/12345678912-RA-20200328-1.xml'));
    expect(own.loadedSchemas()).toEqual(['voided']);
    own.dispose();
    expect(own.loadedSchemas()).toEqual([]);
    expect(() => own.validate('voided', '<a/>')).toThrow('dispose');
  });
});
