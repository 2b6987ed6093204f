import type { CoreContext } from '../core/context';
import type { SaleRecords } from '../sales/sale-records';
import { FiscalCredentials } from './credentials/fiscal-credentials';
import { DocumentIssuer } from './issuing/document-issuer';
import type { DocumentValidator } from './issuing/document-validator';
import { SaleDocuments } from './issuing/sale-documents';
import { FiscalMonitor } from './monitor/fiscal-monitor';
import { FiscalQueue, type FiscalDocumentRow } from './queue/fiscal-queue';
import type { SecretBox } from './secrets/secret-box';
import { DEFAULT_RETRY, type RetryPolicy } from './sender/backoff';
import { FiscalSender } from './sender/fiscal-sender';
import { sunatClientFor } from './sender/client-config';
import { signUblXml } from './signing/sign-xml';
import type { SummaryLine } from './documents/summary-view';
import { summaryLineForBoleta, summaryLineForNote } from './documents/summary-lines';
import { SummaryPlanner } from './summaries/summary-planner';
import { PendingSigner } from './issuing/pending-signer';
import { NoteDocuments } from './issuing/note-documents';
import { FacturaVoids } from './summaries/factura-voids';
import type { NoteView } from './documents/note-view';

export interface FiscalModule {
  credentials: FiscalCredentials;
  queue: FiscalQueue;
  issuer: DocumentIssuer;
  saleDocuments: SaleDocuments;
  noteDocuments: NoteDocuments;
  facturaVoids: FacturaVoids;
  summaries: SummaryPlanner;
  sender: FiscalSender;
  monitor: FiscalMonitor;
  storeRuc: string;
  sunatCa: string | null;
  /** Resolves once SUNAT's schemas and rules are loaded; await it before issuing documents. */
  ready(): Promise<void>;
}

export interface StoreFiscalIdentity {
  ruc: string;
  legalName: string;
  ubigeo: string | null;
}

export interface FiscalModuleOptions {
  /** Extra CA trusted for SUNAT/OSE TLS (tests: the emulator's self-signed certificate). */
  sunatCa?: string;
  retry?: RetryPolicy;
  pollDelayMs?: number;
  onChange?: () => void;
  log?: (message: string) => void;
  /** Start the background sender at this pace (the app and web host do; tests drive it by hand). */
  senderIntervalMs?: number;
}

/** Wires the fiscal services of one terminal database. */
export function createFiscalModule(
  ctx: CoreContext,
  sales: SaleRecords,
  notes: { byId(noteId: string): NoteView },
  store: StoreFiscalIdentity,
  box: SecretBox,
  validator: DocumentValidator & { ready(): Promise<void> },
  options: FiscalModuleOptions = {},
): FiscalModule {
  const credentials = new FiscalCredentials(ctx.sql, ctx.qb, ctx.clock, box, ctx.audit, store.ruc);
  const queue = new FiscalQueue(ctx.sql, ctx.qb, ctx.clock, ctx.audit, ctx.outbox, ctx.terminal.terminalId);
  const issuer = new DocumentIssuer(store.ruc, credentials, queue, ctx.settings, validator);
  const saleDocuments = new SaleDocuments(issuer, queue, ctx.settings, store.ubigeo);

  const noteDocuments = new NoteDocuments(issuer, ctx.settings, store.ubigeo);
  const lineFor = (doc: FiscalDocumentRow, condition: 1 | 2 | 3): SummaryLine => {
    if (doc.note_id) return summaryLineForNote(notes.byId(doc.note_id), condition);
    if (doc.sale_id) return summaryLineForBoleta(sales.byId(doc.sale_id), condition);
    throw new Error(`${doc.file_name} is neither a boleta nor a note`);
  };
  const signSummary = (kind: 'summary' | 'voided') => (fileName: string, unsignedXml: string) => {
    const cert = credentials.signingCertificate();
    if (!cert) return null;
    const { signedXml, digestValue } = signUblXml(
      unsignedXml,
      cert,
      ctx.settings.get('fiscal.signatureAlgorithm'),
    );
    const report = validator.validate({
      kind,
      docType: kind === 'summary' ? 'RC' : 'RA',
      fileName: `${fileName}.xml`,
      xml: signedXml,
    });
    if (report.rejected) {
      throw new Error(`${fileName}: ${report.findings.map((f) => `${f.code} ${f.message}`).join('; ')}`);
    }
    return { xml: signedXml, digestValue };
  };
  const summaries = new SummaryPlanner({
    queue,
    settings: ctx.settings,
    clock: ctx.clock,
    store: { ruc: store.ruc, legalName: store.legalName },
    lineFor,
    sign: signSummary('summary'),
    voidsToReport: () => queue.boletaVoidsToReport(),
  });
  const facturaVoids = new FacturaVoids({
    queue,
    settings: ctx.settings,
    clock: ctx.clock,
    store: { ruc: store.ruc, legalName: store.legalName },
    sign: signSummary('voided'),
  });
  const pendingSigner = new PendingSigner(queue, issuer, (doc) => {
    if (doc.note_id) {
      const note = notes.byId(doc.note_id);
      return {
        kind: note.noteType === '07' ? 'credit-note' : 'debit-note',
        xml: noteDocuments.unsignedXml(note),
      };
    }
    if (doc.sale_id && (doc.doc_type === '01' || doc.doc_type === '03')) {
      return { kind: 'invoice', xml: saleDocuments.unsignedXml(sales.byId(doc.sale_id)) };
    }
    return null;
  });
  const sender = new FiscalSender({
    ready: () => validator.ready(),
    queue,
    clock: ctx.clock,
    storeRuc: store.ruc,
    client: () =>
      sunatClientFor({
        endpoint: ctx.settings.get('fiscal.endpoint'),
        sol: credentials.sol(),
        ruc: store.ruc,
        timeoutMs: ctx.settings.get('fiscal.timeoutSeconds') * 1000,
        ...(options.sunatCa ? { ca: options.sunatCa } : {}),
      }),
    prepare: () => {
      pendingSigner.signWaiting();
      summaries.prepare();
    },
    onSummarySent: (summary) => summaries.onSent(summary),
    onSummaryDecided: (summary) => summaries.onDecided(summary),
    onChange: () => options.onChange?.(),
    retry: options.retry ?? DEFAULT_RETRY,
    pollDelayMs: options.pollDelayMs ?? 20_000,
    ...(options.log ? { log: options.log } : {}),
  });
  const monitor = new FiscalMonitor(ctx, queue, credentials, sender);
  return {
    credentials,
    queue,
    issuer,
    saleDocuments,
    noteDocuments,
    facturaVoids,
    summaries,
    sender,
    monitor,
    storeRuc: store.ruc,
    sunatCa: options.sunatCa ?? null,
    ready: () => validator.ready(),
  };
}
