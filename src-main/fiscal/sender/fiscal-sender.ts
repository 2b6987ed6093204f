import type { Clock } from '../../shared/clock';
import { limaTimestamp } from '../../shared/lima-time';
import type { FiscalDocumentRow, FiscalQueue } from '../queue/fiscal-queue';
import type { SunatClient } from '../sunat-client/sunat-client';
import { zipDocument, zipFileName } from '../sunat-client/zip';
import { backoffDelayMs, type RetryPolicy } from './backoff';
import { decideBill, decideConsult, decideStatus, decideSummarySend, type Decision } from './outcomes';

export interface SenderStatus {
  /** `offline`: the last attempt could not reach SUNAT (or SUNAT failed); waiting to retry. */
  state: 'idle' | 'sending' | 'offline' | 'not-configured';
  lastSuccessAt: string | null;
  lastError: { message: string; code: string | null; at: string } | null;
  retryAt: string | null;
  /** First failed attempt of the current outage ("sin conexión desde …"). */
  offlineSince: string | null;
}

export interface SenderDependencies {
  /** SUNAT's validation loaded (signing a backlog and building summaries validate). */
  ready: () => Promise<void>;
  queue: FiscalQueue;
  clock: Clock;
  storeRuc: string;
  /** A client for the current settings, or a reason why there is none (no SOL user…). */
  client: () => SunatClient | { unavailable: string };
  /** Work to do before sending: sign what waited for a certificate, build due summaries. */
  prepare: () => void;
  /** An RC/RA was taken by SUNAT (ticket stored). */
  onSummarySent: (summary: FiscalDocumentRow) => void;
  /** RC/RA follow-up once SUNAT decided on a summary. */
  onSummaryDecided: (summary: FiscalDocumentRow) => void;
  /** Something changed: the UI refreshes. */
  onChange: () => void;
  retry: RetryPolicy;
  /** Delay before polling a ticket again (SUNAT answered 98). */
  pollDelayMs: number;
  random?: () => number;
  log?: (message: string) => void;
}

/**
 * Sends the queue to SUNAT in issue order, in the background. One run at a time; a failure of
 * SUNAT or the network stops the run and backs off with jitter, keeping every document in its
 * place; the state lives in the table, so a restart resumes where it stopped (a document caught
 * mid-send is resent, and SUNAT's 1033 then leads to its CDR instead of a duplicate).
 */
export class FiscalSender {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** Set by stop(): an answer arriving afterwards is dropped, the database may be closed. */
  private closed = false;
  private serviceFailures = 0;
  private retryAtMs = 0;
  private current: SenderStatus = {
    state: 'idle',
    lastSuccessAt: null,
    lastError: null,
    retryAt: null,
    offlineSince: null,
  };

  constructor(private readonly deps: SenderDependencies) {}

  status(): SenderStatus {
    return { ...this.current };
  }

  start(intervalMs: number): void {
    this.stopped = false;
    const loop = (): void => {
      if (this.stopped) return;
      void this.runOnce().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Something new was queued: send it soon if the background loop runs (never in plain tests). */
  nudge(): void {
    if (!this.stopped) void this.runOnce();
  }

  /** Try now, even during a backoff ("Reintentar ahora"). */
  async kick(): Promise<void> {
    this.retryAtMs = 0;
    await this.runOnce();
  }

  /** One pass over the queue; concurrent callers share the pass in progress. */
  runOnce(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      await this.sendDue();
    } catch (error) {
      if (error instanceof SenderClosed) return;
      this.update({ state: 'idle', lastError: this.error((error as Error).message, null) });
      this.deps.log?.(`fiscal sender: ${(error as Error).stack ?? String(error)}`);
    }
  }

  private async sendDue(): Promise<void> {
    const { clock, queue } = this.deps;
    if (this.closed || clock.now().getTime() < this.retryAtMs) return;
    await this.deps.ready();
    if (this.closed) return;
    let prepareFailed = false;
    try {
      this.deps.prepare();
    } catch (error) {
      prepareFailed = true;
      // E.g. a Resumen Diario SUNAT's rules refuse: shown on the monitor, sending goes on.
      this.update({
        lastError: this.error(`No se pudo preparar el resumen: ${(error as Error).message}`, null),
      });
      this.deps.log?.(`fiscal prepare failed: ${(error as Error).message}`);
    }
    const due = queue.dueForSending(queue.now());
    if (due.length === 0) {
      this.update({ state: this.current.state === 'offline' ? 'offline' : 'idle' });
      return;
    }
    const client = this.deps.client();
    if ('unavailable' in client) {
      this.update({ state: 'not-configured', lastError: this.error(client.unavailable, null) });
      return;
    }
    this.update({ state: 'sending' });
    for (const doc of due) {
      if (!this.readyToSend(doc)) continue;
      const decision = await this.step(client, doc);
      if (decision.kind === 'retry-service') {
        this.serviceFailed(decision.code, decision.message);
        this.deps.onChange();
        return;
      }
      this.serviceFailures = 0;
      this.update({ lastSuccessAt: limaTimestamp(clock.now()), retryAt: null, offlineSince: null });
      this.deps.onChange();
    }
    this.update({ state: 'idle', ...(prepareFailed ? {} : { lastError: null }) });
  }

  /** An RA waits until SUNAT has accepted every factura it voids. */
  private readyToSend(doc: FiscalDocumentRow): boolean {
    if (doc.doc_type !== 'RA' || doc.ticket) return true;
    return this.deps.queue
      .summaryItems(doc.id)
      .every(({ document }) => document.status === 'accepted' || document.status === 'observed');
  }

  private async step(client: SunatClient, doc: FiscalDocumentRow): Promise<Decision> {
    const isSummary = doc.doc_type === 'RC' || doc.doc_type === 'RA';
    if (isSummary && doc.ticket)
      return this.apply(doc, decideStatus(this.open(await client.getStatus(doc.ticket))));
    const { queue } = this.deps;
    const signed = doc.signed_xml;
    if (signed === null) throw new Error(`document ${doc.file_name} is queued without its signed XML`);
    // Marked before the request: a crash from here on leaves 'sent', which means "resend".
    const sending = queue.transition(
      doc.id,
      { status: 'sent', attempts: doc.attempts + 1, sent_at: queue.now() },
      'fiscal.document.sending',
      { attempt: doc.attempts + 1 },
    );
    const zip = zipDocument(doc.file_name, signed);
    const decision = isSummary
      ? decideSummarySend(this.open(await client.sendSummary(zipFileName(doc.file_name), zip)))
      : decideBill(this.open(await client.sendBill(zipFileName(doc.file_name), zip)));
    if (decision.kind === 'fetch-cdr') return this.fetchExisting(client, sending, decision);
    return this.apply(sending, decision);
  }

  /** 1033: SUNAT already has this number; its CDR says what it decided. */
  private async fetchExisting(
    client: SunatClient,
    doc: FiscalDocumentRow,
    registered: Extract<Decision, { kind: 'fetch-cdr' }>,
  ): Promise<Decision> {
    const consulted = decideConsult(
      this.open(
        await client.getStatusCdr({
          ruc: this.deps.storeRuc,
          docType: doc.doc_type,
          serie: doc.serie,
          correlativo: doc.correlativo,
        }),
      ),
    );
    this.deps.log?.(`${doc.file_name}: ${registered.code} ${registered.message}; CDR consulted`);
    return this.apply(doc, consulted);
  }

  private apply(doc: FiscalDocumentRow, decision: Decision): Decision {
    const { queue, clock } = this.deps;
    const now = queue.now();
    switch (decision.kind) {
      case 'final': {
        const decided = queue.transition(
          doc.id,
          {
            status: decision.status,
            sunat_code: decision.code,
            sunat_message: decision.message,
            observations: JSON.stringify(mergeNotes(doc.observations, decision.notes)),
            cdr_zip: decision.cdrZip,
            next_attempt_at: null,
            last_error_code: null,
            last_error_message: null,
            resolved_at: now,
          },
          `fiscal.document.${decision.status}`,
        );
        if (decided.doc_type === 'RC' || decided.doc_type === 'RA') this.deps.onSummaryDecided(decided);
        break;
      }
      case 'attention':
        queue.transition(
          doc.id,
          {
            status: 'needs_attention',
            last_error_code: decision.code,
            last_error_message: decision.message,
            ...(decision.cdrZip ? { cdr_zip: decision.cdrZip } : {}),
            next_attempt_at: null,
          },
          'fiscal.document.needs_attention',
          { message: decision.message },
        );
        break;
      case 'retry-service':
        queue.transition(
          doc.id,
          // Back to its place in line; only the service-wide backoff delays it.
          {
            status: 'pending',
            last_error_code: decision.code,
            last_error_message: decision.message,
            ticket: null,
          },
          'fiscal.document.retry',
          { message: decision.message },
        );
        break;
      case 'ticket': {
        // Persisted before any polling: a restart polls this ticket instead of resending.
        const sent = queue.transition(
          doc.id,
          {
            status: 'sent',
            ticket: decision.ticket,
            next_attempt_at: limaTimestamp(new Date(clock.now().getTime() + this.deps.pollDelayMs)),
          },
          'fiscal.summary.ticket',
          { ticket: decision.ticket },
        );
        this.deps.onSummarySent(sent);
        break;
      }
      case 'in-process':
        queue.transition(
          doc.id,
          { next_attempt_at: limaTimestamp(new Date(clock.now().getTime() + this.deps.pollDelayMs)) },
          'fiscal.summary.in_process',
        );
        break;
      case 'resend':
        queue.transition(
          doc.id,
          {
            status: 'pending',
            ticket: null,
            last_error_code: decision.code,
            last_error_message: decision.message,
          },
          'fiscal.summary.ticket_unknown',
        );
        break;
      case 'fetch-cdr':
        throw new Error('fetch-cdr is resolved before it is applied');
    }
    return decision;
  }

  private open<T>(answer: T): T {
    if (this.closed) throw new SenderClosed();
    return answer;
  }

  private serviceFailed(code: string | null, message: string): void {
    this.serviceFailures += 1;
    const delay = backoffDelayMs(this.serviceFailures, this.deps.retry, this.deps.random ?? Math.random);
    const now = this.deps.clock.now().getTime();
    this.retryAtMs = now + delay;
    this.update({
      state: 'offline',
      offlineSince: this.current.offlineSince ?? limaTimestamp(new Date(now)),
      lastError: this.error(message, code),
      retryAt: limaTimestamp(new Date(this.retryAtMs)),
    });
  }

  private error(message: string, code: string | null): SenderStatus['lastError'] {
    return { message, code, at: limaTimestamp(this.deps.clock.now()) };
  }

  private update(patch: Partial<SenderStatus>): void {
    this.current = { ...this.current, ...patch };
  }
}

class SenderClosed extends Error {}

function mergeNotes(
  existingJson: string,
  notes: { code: string; message: string }[],
): { code: string; message: string }[] {
  const existing = JSON.parse(existingJson) as { code: string; message: string }[];
  const seen = new Set(existing.map((n) => n.code));
  return [...existing, ...notes.filter((n) => !seen.has(n.code))];
}
