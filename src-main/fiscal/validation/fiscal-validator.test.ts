import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentValidator } from '../issuing/document-validator';
import {
  FISCAL_SALE_TABLE,
  FISCAL_STORE,
  fiscalSale,
  fiscalSaleSpec,
  signedInvoiceXml,
  sunatXmlFileName,
} from '../../testing/fiscal-sale-fixtures';
import {
  createFiscalValidator,
  stylesheetFor,
  type FiscalValidator,
  type ValidationReport,
} from './fiscal-validator';
import { RuleValidator } from './rule-validator';
import { buildRuleCorpus } from './test-support/rule-corpus';
import { FiscalValidationError } from './validation-errors';

const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));

/** Observations SUNAT's rules may still make on what we build; an error is never acceptable. */
const KNOWN_OBSERVATIONS = new Set(['4269', '4287']);

function errorsOf(report: ValidationReport): string[] {
  return report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.message} (${f.detail ?? ''})`);
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createFiscalValidator', () => {
  let validator: FiscalValidator;
  const corpus = new Map(buildRuleCorpus().map((c) => [c.id, c]));

  function corpusCase(id: string): {
    kind: 'invoice' | 'summary' | 'voided' | 'credit-note' | 'debit-note';
    fileName: string;
    xml: string;
  } {
    const c = corpus.get(id);
    if (!c) throw new Error(`no corpus case ${id}`);
    return c;
  }

  beforeAll(async () => {
    validator = await createFiscalValidator({ resourcesDir: RESOURCES });
  });
  afterAll(() => validator.dispose());

  it('is what the issuer expects: a synchronous DocumentValidator', () => {
    const issuerView: DocumentValidator = validator;
    expect(typeof issuerView.validate).toBe('function');
  });

  describe.each(FISCAL_SALE_TABLE.map((row) => [row.name, row.spec] as const))(
    'our signed %s',
    (_name, spec) => {
      const sale = fiscalSale(spec);
      const xml = signedInvoiceXml(sale);
      let report: ValidationReport;

      beforeAll(() => {
        report = validator.validate({
          kind: 'invoice',
          fileName: sunatXmlFileName(sale),
          xml,
          docType: sale.docType,
        });
      });

      it('fits the schema and passes SUNAT’s rules without a single error', () => {
        expect(report.xsd.valid, JSON.stringify(report.xsd.errors)).toBe(true);
        expect(errorsOf(report)).toEqual([]);
        expect(report.rejected).toBe(false);
        expect(report.rules).toEqual({
          stylesheet: sale.docType === '01' ? 'ValidaExprRegFactura-2.0.1' : 'ValidaExprRegBoleta-2.0.1',
          ran: true,
          terminated: false,
        });
      });

      it('draws only known observations, each worded by SUNAT’s catalogue', () => {
        for (const finding of report.findings) {
          expect(KNOWN_OBSERVATIONS.has(finding.code), `${finding.code} ${finding.detail ?? ''}`).toBe(true);
          expect(finding.message).not.toContain('errorCode');
        }
      });
    },
  );

  it('words a rejection from the catalogue and says where it is', () => {
    const report = validator.validate(corpusCase('broken-factura-customer-ruc-short'));
    expect(report.rejected).toBe(true);
    expect(report.rules.terminated).toBe(true);
    expect(report.findings).toEqual([
      {
        code: '2017',
        message: 'El numero de documento de identidad del receptor debe ser RUC',
        detail: 'cac:PartyIdentification/cbc:ID = "2010007097"',
        severity: 'error',
      },
    ]);
  });

  it('turns a terminating rule into an error result, not a crash', () => {
    const c = corpusCase('broken-file-serie');
    const report = validator.validate(c);
    expect(report.rejected).toBe(true);
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([['1035', 'error']]);
  });

  it('keeps observations as observations (the document is still accepted)', () => {
    const report = validator.validate(corpusCase('broken-dni-7-digits'));
    expect(report.rejected).toBe(false);
    expect(report.findings.find((f) => f.code === '4207')).toMatchObject({
      severity: 'observation',
      detail: 'cac:PartyIdentification/cbc:ID = "4567891"',
    });
  });

  it('treats a code below 4000 as an error even when the stylesheet only warns (3244)', () => {
    const report = validator.validate(corpusCase('broken-factura-no-payment-terms'));
    expect(report.rules.terminated).toBe(false);
    expect(report.findings.find((f) => f.code === '3244')?.severity).toBe('error');
    expect(report.rejected).toBe(true);
  });

  it('runs the boleta rules for 03 and the factura rules for 01, from docType or the file name', () => {
    const boleta = fiscalSale(fiscalSaleSpec('boleta, gravado only'));
    const xml = signedInvoiceXml(boleta);
    const fromName = validator.validate({ kind: 'invoice', fileName: sunatXmlFileName(boleta), xml });
    expect(fromName.rules.stylesheet).toBe('ValidaExprRegBoleta-2.0.1');
    expect(stylesheetFor('invoice', 'x', '01')).toBe('ValidaExprRegFactura-2.0.1');
    expect(stylesheetFor('credit-note', 'x')).toBe('ValidaExprRegNC-2.0.1');
    expect(stylesheetFor('debit-note', 'x')).toBe('ValidaExprRegND-2.0.1');
    expect(caught(() => stylesheetFor('invoice', `${FISCAL_STORE.ruc}-07-F001-1.xml`))).toMatchObject({
      code: 'unknown-document-type',
    });
  });

  it('accepts the file name with or without .xml (the rules read the número from it)', () => {
    const sale = fiscalSale(fiscalSaleSpec('boleta, gravado only'));
    const xml = signedInvoiceXml(sale);
    const bare = sunatXmlFileName(sale).replace(/\.xml$/, '');
    const report = validator.validate({ kind: 'invoice', fileName: bare, xml, docType: '03' });
    expect(errorsOf(report)).toEqual([]);
  });

  it('validates resúmenes diarios and comunicaciones de baja', () => {
    expect(validator.validate(corpusCase('rc-ok'))).toMatchObject({ rejected: false, findings: [] });
    expect(validator.validate(corpusCase('ra-ok'))).toMatchObject({ rejected: false, findings: [] });
    const future = validator.validate(corpusCase('ra-future'));
    expect(future.findings.map((f) => f.code)).toEqual(['2301']);
    expect(future.rejected).toBe(true);
    const anonymous = validator.validate(corpusCase('rc-over-700-anonymous'));
    expect(anonymous.findings.map((f) => [f.code, f.severity])).toEqual([
      ['4027', 'observation'],
      ['2514', 'error'],
    ]);
  });

  it('reports a schema failure as SUNAT’s 0306 and still runs the rules', () => {
    const sale = fiscalSale(fiscalSaleSpec('boleta, gravado only'));
    const xml = signedInvoiceXml(sale).replace(
      /<cbc:IssueTime>[^<]*<\/cbc:IssueTime>/,
      '<cbc:Foo>1</cbc:Foo>',
    );
    const report = validator.validate({
      kind: 'invoice',
      fileName: sunatXmlFileName(sale),
      xml,
      docType: '03',
    });
    expect(report.xsd.valid).toBe(false);
    expect(report.rejected).toBe(true);
    expect(report.findings[0]).toMatchObject({
      code: '0306',
      message: 'No se puede leer (parsear) el archivo XML',
      severity: 'error',
    });
    expect(report.findings[0]?.detail).toMatch(/^línea \d+: Element '.*Foo'/);
    expect(report.rules.ran).toBe(true);
  });

  it('does not run the rules on text that is not XML', () => {
    const report = validator.validate({
      kind: 'invoice',
      fileName: `${FISCAL_STORE.ruc}-03-B001-1.xml`,
      xml: '<Invoice>',
    });
    expect(report.xsd.wellFormed).toBe(false);
    expect(report.rules.ran).toBe(false);
    expect(report.findings.map((f) => f.code)).toEqual(['0306']);
  });
});

describe('RuleValidator failures', () => {
  it('reports an engine failure as a typed error, never as a verdict', () => {
    const rules = new RuleValidator(RESOURCES);
    const error = caught(() => rules.run('ValidaExprRegBoleta-2.0.1', '<Invoice', 'x.xml'));
    expect(error).toBeInstanceOf(FiscalValidationError);
    expect(error).toMatchObject({ code: 'rule-engine-failed' });
  });
});

describe('createFiscalValidator without compiled rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-no-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with a typed error naming the script to run', async () => {
    mkdirSync(join(dir, 'sunat'));
    for (const sub of ['xsd', 'xsl'])
      symlinkSync(join(RESOURCES, 'sunat', sub), join(dir, 'sunat', sub), 'dir');
    const error = await createFiscalValidator({ resourcesDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FiscalValidationError);
    expect(error).toMatchObject({ code: 'rules-not-compiled' });
    expect((error as Error).message).toContain('node scripts/compile-sunat-rules.mjs');
  });
});
