import { loadErrorCatalog, type ErrorCatalog } from '../catalog/error-catalog';
import { RuleValidator, type RuleRun, type RuleStylesheet } from './rule-validator';
import type { RuleMessage } from './rule-messages';
import { FiscalValidationError } from './validation-errors';
import { XsdValidators, type XsdResult } from './xsd-validator';

/**
 * Local validation before queuing (issue 3): what SUNAT would check, without SUNAT. First the
 * schema (libxml2-wasm), then SUNAT's own rule stylesheets (SaxonJS) on the signed document,
 * every finding worded from SUNAT's error catalogue. Creation is asynchronous (the wasm module
 * loads); validate() is synchronous, so it can run inside the sale's transaction.
 */

export type FiscalDocumentKind = 'invoice' | 'credit-note' | 'debit-note' | 'summary' | 'voided';

export interface ValidationFinding {
  /** Four-digit SUNAT code, e.g. `2017`. */
  code: string;
  /** SUNAT's catalogue message (Spanish). */
  message: string;
  /** Where: the element and value the rule looked at, or the schema errors. */
  detail?: string;
  /** Codes below 4000 are rejections, 4000 and above observations (sunat.md §1.5). */
  severity: 'error' | 'observation';
}

export interface ValidationReport {
  xsd: XsdResult;
  /** Which rule stylesheet ran; `terminated` when it stopped at a rejection (later rules unchecked). */
  rules: { stylesheet: RuleStylesheet; ran: boolean; terminated: boolean };
  findings: ValidationFinding[];
  /** SUNAT would not accept the document: schema errors or any error finding. */
  rejected: boolean;
}

export interface ValidateInput {
  kind: FiscalDocumentKind;
  /** The name SUNAT receives, `20601234565-03-B001-7.xml` (`.xml` is added when missing). */
  fileName: string;
  /** The signed document, exactly as it will be sent. */
  xml: string;
  /** `01` factura or `03` boleta, for invoices; read from the file name when absent. */
  docType?: string;
}

export interface FiscalValidator {
  validate(input: ValidateInput): ValidationReport;
  /** Loads every compiled stylesheet now instead of on the first document of each kind. */
  preload(): void;
  /** Frees the compiled schemas (wasm memory). */
  dispose(): void;
}

/** SUNAT answers a document that does not parse or fit its schema with 0306. */
const SCHEMA_FINDING_CODE = '0306';
const OBSERVATION_FROM = 4000;

const STYLESHEET_BY_KIND: Readonly<Record<Exclude<FiscalDocumentKind, 'invoice'>, RuleStylesheet>> = {
  'credit-note': 'ValidaExprRegNC-2.0.1',
  'debit-note': 'ValidaExprRegND-2.0.1',
  summary: 'ValidaExprRegSummary-1.1.0',
  voided: 'ValidaExprRegSummaryVoided-1.0.1',
};

const INVOICE_STYLESHEET: Readonly<Record<string, RuleStylesheet>> = {
  '01': 'ValidaExprRegFactura-2.0.1',
  '03': 'ValidaExprRegBoleta-2.0.1',
};

function xmlFileName(fileName: string): string {
  return fileName.toLowerCase().endsWith('.xml') ? fileName : `${fileName}.xml`;
}

export function stylesheetFor(kind: FiscalDocumentKind, fileName: string, docType?: string): RuleStylesheet {
  if (kind !== 'invoice') return STYLESHEET_BY_KIND[kind];
  // RUC-TT-SERIE-NUMERO: the type sits at characters 13–14, where SUNAT's stylesheets read it.
  const type = docType ?? fileName.slice(12, 14);
  const stylesheet = INVOICE_STYLESHEET[type];
  if (!stylesheet) {
    throw new FiscalValidationError(
      'unknown-document-type',
      `Tipo de comprobante ${type} no válido para una factura o boleta (se espera 01 o 03).`,
    );
  }
  return stylesheet;
}

function findingOf(message: RuleMessage, catalog: ErrorCatalog): ValidationFinding {
  const code = message.code ?? '';
  const numeric = Number(code);
  const error = message.terminated || code === '' || numeric < OBSERVATION_FROM;
  const detail =
    message.node !== undefined
      ? `${message.node}${message.value ? ` = "${message.value}"` : ''}`
      : message.text || undefined;
  const finding: ValidationFinding = {
    code,
    message: catalog.message(code) ?? message.text,
    severity: error ? 'error' : 'observation',
  };
  if (detail) finding.detail = detail;
  return finding;
}

function schemaFinding(xsd: XsdResult, catalog: ErrorCatalog): ValidationFinding {
  const detail = xsd.errors
    .slice(0, 3)
    .map((issue) => `línea ${issue.line}: ${issue.message}`)
    .join(' | ');
  return {
    code: SCHEMA_FINDING_CODE,
    message: catalog.message(SCHEMA_FINDING_CODE) ?? 'El XML no cumple el esquema de SUNAT.',
    detail,
    severity: 'error',
  };
}

export async function createFiscalValidator(opts: { resourcesDir: string }): Promise<FiscalValidator> {
  const rules = new RuleValidator(opts.resourcesDir);
  rules.assertCompiled();
  const catalog = loadErrorCatalog(opts.resourcesDir);
  const schemas = await XsdValidators.create(opts.resourcesDir);

  return {
    validate(input) {
      const fileName = xmlFileName(input.fileName);
      const stylesheet = stylesheetFor(input.kind, fileName, input.docType);
      const xsd = schemas.validate(input.kind, input.xml);
      const findings: ValidationFinding[] = xsd.valid ? [] : [schemaFinding(xsd, catalog)];
      // A document that is not XML gives the rules nothing to read.
      let run: RuleRun | undefined;
      if (xsd.wellFormed) {
        run = rules.run(stylesheet, input.xml, fileName);
        findings.push(...run.messages.map((message) => findingOf(message, catalog)));
      }
      return {
        xsd,
        rules: { stylesheet, ran: run !== undefined, terminated: run?.terminated ?? false },
        findings,
        rejected: findings.some((finding) => finding.severity === 'error'),
      };
    },
    preload() {
      rules.preload();
    },
    dispose() {
      schemas.dispose();
    },
  };
}
