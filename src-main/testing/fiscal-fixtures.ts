import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { beforeAll, expect } from 'vitest';
import type { IgvAffectationCode, Unit } from '../../db/schema';
import { selfSignedPfx } from '../fiscal/credentials/self-signed-pfx';
import type {
  CreditNoteReasonCode,
  DebitNoteReasonCode,
  NoteReference,
  NoteType,
  NoteView,
} from '../fiscal/documents/note-view';
import { FiscalDocumentError } from '../fiscal/documents/fiscal-document-error';
import type { DailySummaryView, SummaryLine } from '../fiscal/documents/summary-view';
import type { VoidedLine, VoidedView } from '../fiscal/documents/voided-view';
import { loadPfx, type StoreCertificate } from '../fiscal/signing/certificate';
import { signUblXml } from '../fiscal/signing/sign-xml';
import type { SaleLineView, SaleView } from '../sales/sale-view';
import { computeLineTaxes, summarizeTotals, type DocumentTotals, type TaxRates } from '../sales/taxes';
import { roundDiv } from '../shared/money';
import { paymentView } from './sale-view-fixtures';

/**
 * Fiscal test material: a self-signed store certificate, priced sales, notes, summaries and
 * bajas built through the real tax engine, and the Debian tools (xmllint, xmlsec1) that check
 * what the builders and the signer produce independently of our own code.
 */

export const DEMO_RUC = '20601234565';
export const TEST_PFX_PASSWORD = 'demo';
/** Fixed clock of the fixtures: certificates are valid around it, documents are issued on it. */
const FIXTURE_NOW_TIMESTAMP = '2026-11-23T21:05:09-05:00';
export const FIXTURE_NOW = new Date(FIXTURE_NOW_TIMESTAMP);
export const FIXTURE_RATES: TaxRates = { igvBps: 1800, icbperCents: 50 };

const DAY_MS = 24 * 60 * 60 * 1000;
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

export const demoStore: SaleView['store'] = {
  ruc: DEMO_RUC,
  legalName: 'Comercial Santa Rosa de Lima S.A.C.',
  tradeName: 'Bodega Doña Peta',
  address: 'Av. José Gálvez Barrenechea 1234, La Victoria, Lima',
};

// ---------------------------------------------------------------------------------------------
// Certificates

export interface TestPfxOptions {
  ruc?: string;
  legalName?: string;
  notBefore?: Date;
  notAfter?: Date;
  password?: string;
  /** A PFX holding only the certificate, as when a .cer is exported without its key. */
  withoutKey?: boolean;
}

/** A self-signed PFX shaped like a SUNAT one: the RUC in the subject's SERIALNUMBER and CN. */
export function makeTestPfx(options: TestPfxOptions = {}): Buffer {
  const password = options.password ?? TEST_PFX_PASSWORD;
  const pfx = selfSignedPfx({
    ruc: options.ruc ?? DEMO_RUC,
    legalName: options.legalName ?? demoStore.legalName,
    password,
    notBefore: options.notBefore ?? new Date(FIXTURE_NOW.getTime() - DAY_MS),
    notAfter: options.notAfter ?? new Date(FIXTURE_NOW.getTime() + 365 * DAY_MS),
  });
  return options.withoutKey ? withoutPrivateKey(pfx, password) : pfx;
}

/** The store certificate of the fixtures, decoded as the signer receives it. */
export function makeTestCertificate(options: Omit<TestPfxOptions, 'withoutKey'> = {}): StoreCertificate {
  return loadPfx(makeTestPfx(options), options.password ?? TEST_PFX_PASSWORD);
}

/** The fixtures' certificate, made once before the file's tests; read it inside a test. */
export function useTestCertificate(): () => StoreCertificate {
  let cert: StoreCertificate | undefined;
  beforeAll(() => {
    cert = makeTestCertificate();
  });
  return () => {
    if (!cert) throw new Error('the test certificate is made in beforeAll: read it inside a test');
    return cert;
  };
}

function withoutPrivateKey(pfx: Buffer, password: string): Buffer {
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(pfx.toString('binary'))),
    password,
  );
  const certificates = (p12.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const stripped = forge.pkcs12.toPkcs12Asn1(null, certificates, password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(stripped).getBytes(), 'binary');
}

// ---------------------------------------------------------------------------------------------
// Sales

export interface LineInput {
  description: string;
  unit?: Unit;
  quantityMilli?: number;
  unitPriceCents: number;
  discountCents?: number;
  affectation?: IgvAffectationCode;
  bag?: boolean;
}

/** Lines priced through the real tax engine, numbered from 1, consistent like a real sale. */
export function pricedLines(inputs: readonly LineInput[], rates: TaxRates = FIXTURE_RATES): SaleLineView[] {
  return inputs.map((input, index) => {
    const quantityMilli = input.quantityMilli ?? 1000;
    const grossCents = roundDiv(input.unitPriceCents * quantityMilli, 1000);
    return pricedLine(
      {
        lineNo: index + 1,
        productId: `p-${index + 1}`,
        sku: `SKU${index + 1}`,
        description: input.description,
        unit: input.unit ?? 'NIU',
        quantityMilli,
        unitPriceCents: input.unitPriceCents,
        affectation: input.affectation ?? '10',
      },
      grossCents,
      input.discountCents ?? 0,
      input.bag ? quantityMilli / 1000 : 0,
      rates,
    );
  });
}

type LineIdentity = Pick<
  SaleLineView,
  'lineNo' | 'productId' | 'sku' | 'description' | 'unit' | 'quantityMilli' | 'unitPriceCents' | 'affectation'
>;

function pricedLine(
  identity: LineIdentity,
  grossCents: number,
  discountCents: number,
  bagUnits: number,
  rates: TaxRates,
): SaleLineView {
  const taxes = computeLineTaxes(
    { affectation: identity.affectation, grossCents, discountCents, bagUnits },
    rates,
  );
  return {
    ...identity,
    grossCents,
    discountCents,
    amountCents: taxes.amountCents,
    igvCents: taxes.igvCents,
    icbperCents: taxes.icbperCents,
  };
}

/** Document totals of priced lines, as the checkout records them. */
export function totalsOfLines(
  lines: readonly SaleLineView[],
  rates: TaxRates = FIXTURE_RATES,
): DocumentTotals {
  return summarizeTotals(
    lines.map((line) => ({
      affectation: line.affectation,
      discountCents: line.discountCents,
      taxes: computeLineTaxes(
        {
          affectation: line.affectation,
          grossCents: line.grossCents,
          discountCents: line.discountCents,
          bagUnits: line.icbperCents > 0 ? line.quantityMilli / 1000 : 0,
        },
        rates,
      ),
    })),
  );
}

const DEFAULT_SALE_LINES: readonly LineInput[] = [
  { description: 'Leche evaporada 400 g', quantityMilli: 6000, unitPriceCents: 390 },
  { description: 'Aceite vegetal 1 L', quantityMilli: 2000, unitPriceCents: 1090, discountCents: 200 },
  { description: 'Plátano de seda', quantityMilli: 3000, unitPriceCents: 50, affectation: '20' },
];

/** A completed sale (boleta B001-7 by default), paid exactly in cash. */
export function saleFixture(
  overrides: Partial<Omit<SaleView, 'totals' | 'payments' | 'paidCents' | 'changeCents'>> = {},
): SaleView {
  const lines = overrides.lines ?? pricedLines(DEFAULT_SALE_LINES);
  const totals = totalsOfLines(lines);
  const serie = overrides.serie ?? 'B001';
  const correlativo = overrides.correlativo ?? 7;
  return {
    id: `sale-${serie}-${correlativo}`,
    docType: serie.startsWith('F') ? '01' : '03',
    number: `${serie}-${String(correlativo).padStart(8, '0')}`,
    issuedAt: FIXTURE_NOW_TIMESTAMP,
    issueDate: FIXTURE_NOW_TIMESTAMP.slice(0, 10),
    store: demoStore,
    terminalCode: 'CAJA-01',
    cashier: 'María Quispe',
    customer: null,
    ...overrides,
    serie,
    correlativo,
    lines,
    totals,
    payments: [paymentView({ method: 'cash', amountCents: totals.totalCents })],
    paidCents: totals.totalCents,
    changeCents: 0,
  };
}

export const rucCustomer: NonNullable<SaleView['customer']> = {
  docType: '6',
  docNumber: '20100070970',
  name: 'Supermercados Peruanos S.A.',
  address: 'Calle Morelli 181, San Borja, Lima',
};

export const dniCustomer: NonNullable<SaleView['customer']> = {
  docType: '1',
  docNumber: '45678912',
  name: 'Rosa Huamán Quispe',
  address: null,
};

// ---------------------------------------------------------------------------------------------
// Notes

/**
 * The lines of a partial return: each chosen line of the sale with its quantity reduced, gross
 * and discount prorated and the taxes recomputed by the tax engine; renumbered from 1.
 */
export function returnedLines(
  sale: Pick<SaleView, 'lines'>,
  returns: ReadonlyArray<{ lineNo: number; quantityMilli: number }>,
  rates: TaxRates = FIXTURE_RATES,
): SaleLineView[] {
  return returns.map((returned, index) => {
    const line = sale.lines.find((candidate) => candidate.lineNo === returned.lineNo);
    if (!line) throw new RangeError(`the sale has no line ${returned.lineNo}`);
    const lineNo = index + 1;
    if (returned.quantityMilli === line.quantityMilli) return { ...line, lineNo };
    const share = (cents: number): number => roundDiv(cents * returned.quantityMilli, line.quantityMilli);
    const bagUnits = line.icbperCents > 0 ? returned.quantityMilli / 1000 : 0;
    return pricedLine(
      { ...line, lineNo, quantityMilli: returned.quantityMilli },
      share(line.grossCents),
      share(line.discountCents),
      bagUnits,
      rates,
    );
  });
}

export interface NoteFixtureOptions {
  noteType?: NoteType;
  reasonCode?: CreditNoteReasonCode | DebitNoteReasonCode;
  reasonDescription?: string;
  serie?: string;
  correlativo?: number;
  issuedAt?: string;
  reference?: Partial<NoteReference>;
  customer?: SaleView['customer'];
  lines?: SaleLineView[];
  store?: SaleView['store'];
}

/**
 * A note issued the day after its document: by default a credit note BC01-1 returning the
 * whole default boleta B001-7 (reason 07, devolución por ítem).
 */
export function noteFixture(options: NoteFixtureOptions = {}): NoteView {
  const noteType = options.noteType ?? '07';
  const reference: NoteReference = {
    docType: '03',
    serie: 'B001',
    correlativo: 7,
    issueDate: FIXTURE_NOW_TIMESTAMP.slice(0, 10),
    ...options.reference,
  };
  const letter = reference.docType === '01' ? 'F' : 'B';
  const serie = options.serie ?? `${letter}${noteType === '07' ? 'C' : 'D'}01`;
  const correlativo = options.correlativo ?? 1;
  const lines = options.lines ?? saleFixture().lines;
  const issuedAt = options.issuedAt ?? '2026-11-24T10:15:00-05:00';
  const note = {
    id: `note-${serie}-${correlativo}`,
    noteType,
    reasonCode: options.reasonCode ?? (noteType === '07' ? '07' : '02'),
    reasonDescription: options.reasonDescription ?? 'Devolución de mercadería',
    serie,
    correlativo,
    issuedAt,
    issueDate: issuedAt.slice(0, 10),
    store: options.store ?? demoStore,
    customer:
      options.customer === undefined ? (reference.docType === '01' ? rucCustomer : null) : options.customer,
    lines,
    totals: totalsOfLines(lines),
    reference,
  };
  // Invalid type/reason pairs are built on purpose by the tests of the rules.
  return note as NoteView;
}

// ---------------------------------------------------------------------------------------------
// Resumen diario and comunicación de baja

/** One boleta line of a resumen diario (condition 1, anonymous customer unless given). */
export function summaryLineFixture(
  overrides: Partial<SummaryLine> & { lines?: SaleLineView[] } = {},
): SummaryLine {
  const { lines, ...rest } = overrides;
  return {
    docType: '03',
    serie: 'B001',
    correlativo: 1,
    condition: 1,
    customer: null,
    totals: totalsOfLines(lines ?? pricedLines(DEFAULT_SALE_LINES)),
    ...rest,
  };
}

/** A resumen diario RC-20261124-1 of the boletas issued on 2026-11-23. */
export function summaryFixture(overrides: Partial<DailySummaryView> = {}): DailySummaryView {
  return {
    store: demoStore,
    id: 'RC-20261124-1',
    referenceDate: '2026-11-23',
    issueDate: '2026-11-24',
    lines: [
      summaryLineFixture({ correlativo: 1 }),
      summaryLineFixture({ correlativo: 2 }),
      summaryLineFixture({ correlativo: 3 }),
    ],
    ...overrides,
  };
}

/** A comunicación de baja RA-20261124-1 of factura F001-42 issued on 2026-11-23. */
export function voidedFixture(overrides: Partial<VoidedView> = {}): VoidedView {
  const line: VoidedLine = {
    docType: '01',
    serie: 'F001',
    correlativo: 42,
    reason: 'Error en el RUC del cliente',
  };
  return {
    store: demoStore,
    id: 'RA-20261124-1',
    referenceDate: '2026-11-23',
    issueDate: '2026-11-24',
    lines: [line],
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Independent checks with Debian tools

const XSD_ROOT = new URL('../../resources/sunat/xsd/', import.meta.url);

/** SUNAT's bundled schemas, one per document root. */
export const SUNAT_XSD = {
  invoice: fileURLToPath(new URL('2.1/maindoc/UBL-Invoice-2.1.xsd', XSD_ROOT)),
  creditNote: fileURLToPath(new URL('2.1/maindoc/UBL-CreditNote-2.1.xsd', XSD_ROOT)),
  debitNote: fileURLToPath(new URL('2.1/maindoc/UBL-DebitNote-2.1.xsd', XSD_ROOT)),
  summary: fileURLToPath(new URL('2.0/maindoc/UBLPE-SummaryDocuments-1.0.xsd', XSD_ROOT)),
  voided: fileURLToPath(new URL('2.0/maindoc/UBLPE-VoidedDocuments-1.0.xsd', XSD_ROOT)),
} as const;

export interface ToolResult {
  status: number | null;
  output: string;
}

/** Runs a tool on files written to a fresh temporary directory, removed afterwards. */
function runOnFiles(
  files: Record<string, string>,
  command: string,
  args: (dir: string) => string[],
): ToolResult {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-fiscal-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, 'utf8');
    const result = spawnSync(command, args(dir), { encoding: 'utf8' });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `xmllint --noout --schema`: status 0 when the document is valid. */
export function xmllintValidate(xml: string, xsdPath: string): ToolResult {
  return runOnFiles({ 'doc.xml': xml }, 'xmllint', (dir) => [
    '--noout',
    '--schema',
    xsdPath,
    join(dir, 'doc.xml'),
  ]);
}

/**
 * `xmlsec1 --verify` of the enveloped signature (URI "" only) with the given certificate's
 * public key: status 0 when the signature and the digest are right.
 */
export function xmlsecVerify(xml: string, certificatePem: string): ToolResult {
  return runOnFiles({ 'doc.xml': xml, 'cert.pem': certificatePem }, 'xmlsec1', (dir) =>
    xmlsecArgs(join(dir, 'cert.pem'), join(dir, 'doc.xml')),
  );
}

/** Same check on a file as it is on disk (its own encoding, e.g. ISO-8859-1 samples). */
export function xmlsecVerifyFile(file: string, certificatePem: string): ToolResult {
  return runOnFiles({ 'cert.pem': certificatePem }, 'xmlsec1', (dir) =>
    xmlsecArgs(join(dir, 'cert.pem'), file),
  );
}

function xmlsecArgs(certFile: string, documentFile: string): string[] {
  return [
    '--verify',
    '--enabled-reference-uris',
    'empty,same-doc',
    '--pubkey-cert-pem',
    certFile,
    documentFile,
  ];
}

export interface CheckedSignature {
  signedXml: string;
  digestValue: string;
  /** xmllint against the schema of the document's root. */
  schema: ToolResult;
  /** xmlsec1 with the signer's certificate. */
  signature: ToolResult;
}

/** Signs as production does, then checks the result with xmllint and xmlsec1. */
export function signAndCheck(unsignedXml: string, cert: StoreCertificate, xsdPath: string): CheckedSignature {
  const { signedXml, digestValue } = signUblXml(unsignedXml, cert);
  return {
    signedXml,
    digestValue,
    schema: xmllintValidate(signedXml, xsdPath),
    signature: xmlsecVerify(signedXml, cert.certificatePem),
  };
}

/** signAndCheck, expecting xmllint and xmlsec1 to accept the signed document. */
export function expectSignedAndValid(
  unsignedXml: string,
  cert: StoreCertificate,
  xsdPath: string,
): CheckedSignature {
  const checked = signAndCheck(unsignedXml, cert, xsdPath);
  expect(checked.schema.status, checked.schema.output).toBe(0);
  expect(checked.signature.status, checked.signature.output).toBe(0);
  return checked;
}

/** Text of the first element with this (prefixed) name, or undefined. */
export function firstText(xml: string, element: string): string | undefined {
  return new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`).exec(xml)?.[1];
}

/** The markup of every element with this name, in document order (no nesting of the same name). */
export function elementBlocks(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}(?: [^>]*)?>[\\s\\S]*?</${element}>`, 'g'))].map(
    (match) => match[0],
  );
}

/** PEM of a base64 DER certificate, as found in `ds:X509Certificate`. */
export function certificatePem(base64Der: string): string {
  const body = base64Der.replace(/\s+/g, '').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Refusals

/** What `action` threw, or undefined when it returned. */
export function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** `build` must throw a FiscalDocumentError with this code (and this text in its message). */
export function expectFiscalRefusal(build: () => unknown, code: string, message?: string): void {
  const error = captureError(build);
  expect(error).toBeInstanceOf(FiscalDocumentError);
  expect(error).toMatchObject({ code });
  if (message) expect((error as Error).message).toContain(message);
}
