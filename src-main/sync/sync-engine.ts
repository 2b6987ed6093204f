import type { CoreContext } from '../core/context';
import { SecretBoxError, type SecretBox } from '../fiscal/secrets/secret-box';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaDate, limaTime, limaTimestamp } from '../shared/lima-time';
import { Backoff } from './backoff';
import { enrolTerminal } from './enrolment';
import { HqClient, normalizeHqUrl, SyncError, type TerminalReport } from './hq-client';
import { OutboxQueue } from './outbox-queue';
import type { PushRecord, PushResponse } from './protocol';
import { PullApplier } from './pull-applier';
import type { SyncModule } from './sync-module';
import { SyncStateStore, type SyncStateSnapshot } from './sync-state';
import type { DeadLetterView, SyncState, SyncStatusView } from './sync-views';

/** Every knob of the engine, defaults filled in (see SyncModuleOptions for their meaning). */
export interface SyncEngineSettings {
  intervalMs: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Wait after a refusal a person must fix (revoked, schema too old). */
  slowRetryMs: number;
  requestTimeoutMs: number;
  appVersion: string;
  /** The terminal's schema version sent to HQ (number of applied migrations). */
  schemaVersion: number;
  batchRecords: number;
  batchBytes: number;
  pullLimit: number;
  /** How often the nightly hour is checked against the clock; 0: only by `runNightlyIfDue()`. */
  nightlyCheckMs: number;
  random: () => number;
  fetch: typeof fetch;
}

/** Least time between two progress events during a push (each one counts the outbox). */
const PROGRESS_EVENT_MS = 1_000;

/** A background tick that falls during an enrolment tries again this much later. */
const ENROLMENT_WAIT_MS = 1_000;

type RunReason = 'timer' | 'now' | 'nightly' | 'enrol' | 'retry';

type RunOutcome =
  { kind: 'ok' } | { kind: 'skipped' } | { kind: 'aborted' } | { kind: 'failed'; error: SyncError };

/** Codes that mean "HQ out of reach" (state offline) rather than "HQ said no" (state error). */
function isOfflineCode(code: string): boolean {
  return code === 'NETWORK' || code === 'TIMEOUT' || code === 'UNAVAILABLE' || /^HTTP_5\d\d$/.test(code);
}

/**
 * The terminal's sync engine: push the outbox, pull master data, on a timer, at night and
 * when asked — never two exchanges at once.
 *
 * States (SyncStatusView.state): not_enrolled until a credential is stored; syncing while an
 * exchange runs; then online when the last exchange worked, offline when HQ could not be
 * reached (network, timeout, 5xx: retried with exponential backoff and full jitter), error
 * when HQ refused (credential, schema, bad request, bad answer: shown in Spanish; refusals a
 * person must fix are retried only slowly). A success resets the backoff.
 */
export class SyncEngine implements SyncModule {
  private readonly state: SyncStateStore;
  private readonly queue: OutboxQueue;
  private readonly applier: PullApplier;
  private readonly backoff: Backoff;
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  /** The exchange running now (with its re-runs); null when idle. */
  private active: Promise<void> | null = null;
  private running = false;
  /** A request arrived during the run: run once more right after it. */
  private rerun = false;
  /** The run was asked for (not a background tick): its start and end are worth an event. */
  private visible = false;
  private enrolling = false;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private nightlyTimer: NodeJS.Timeout | null = null;
  private nextAttemptAt: Date | null = null;
  private runStartedAt: Date | null = null;
  private lastFingerprint: string | null = null;
  /** Pending rows as counted at the start of a push, minus those settled since (counting is O(rows)). */
  private pendingHint: number | null = null;
  private lastProgressAt = 0;

  constructor(
    private readonly ctx: CoreContext,
    box: SecretBox,
    private readonly settings: SyncEngineSettings,
  ) {
    this.state = new SyncStateStore(ctx.sql, ctx.qb, ctx.clock, box);
    this.queue = new OutboxQueue(ctx.sql, ctx.qb, ctx.clock, ctx.audit);
    this.applier = new PullApplier(ctx.sql, ctx.clock, ctx.audit, ctx.settings, this.state);
    this.backoff = new Backoff({
      baseMs: settings.baseBackoffMs,
      maxMs: settings.maxBackoffMs,
      random: settings.random,
    });
  }

  // ---------------------------------------------------------------------------------------
  // SyncModule
  // ---------------------------------------------------------------------------------------

  status(): SyncStatusView {
    return this.view(this.state.read());
  }

  async syncNow(): Promise<SyncStatusView> {
    if (!this.stopped && !this.enrolling && this.state.read().enrolled) await this.requestRun('now');
    return this.status();
  }

  async enrol(input: { hqUrl: string; code: string }, userId: string): Promise<SyncStatusView> {
    if (this.stopped)
      throw new SyncError(
        'ABORTED',
        'Mostrador se está cerrando; inscriba la caja al volver a abrirlo.',
        'aborted',
      );
    if (this.enrolling)
      throw new SyncError(
        'BUSY',
        'Ya hay una inscripción en curso en esta caja. Espere a que termine.',
        'local',
      );
    this.enrolling = true;
    try {
      // The running exchange finishes with the old credential before the new one is stored.
      if (this.active) await this.active;
      const hqUrl = normalizeHqUrl(input.hqUrl);
      await enrolTerminal(
        this.ctx,
        this.state,
        this.client(hqUrl, null),
        { hqUrl, code: input.code },
        userId,
      );
      this.backoff.succeed();
      this.nextAttemptAt = null;
    } finally {
      this.enrolling = false;
    }
    this.notify();
    // The first exchange starts at once: the sales made before enrolment go up, the catalogue comes down.
    void this.requestRun('enrol');
    return this.status();
  }

  configure(input: { nightlyHour: number }, userId: string): SyncStatusView {
    const hour = input.nightlyHour;
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new AppError('VALIDATION_FAILED', {
        issues: ['la hora de la sincronización nocturna va de 0 a 23'],
      });
    }
    this.ctx.sql.transaction(() => {
      const before = this.state.read().nightlyHour;
      if (before === hour) return;
      this.state.setNightlyHour(hour);
      this.ctx.audit.append({
        action: 'sync.settings_changed',
        entityType: 'sync',
        userId,
        data: { nightlyHour: { before, after: hour } },
      });
    });
    this.notify();
    return this.status();
  }

  deadLetters(): DeadLetterView[] {
    return this.queue.deadLetters();
  }

  retryDead(id: string, userId: string): SyncStatusView {
    this.queue.requeue(id, userId);
    this.notify();
    if (this.started && !this.stopped && this.state.read().enrolled) void this.requestRun('retry');
    return this.status();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.lastFingerprint = fingerprint(this.status());
    if (this.settings.nightlyCheckMs > 0) {
      this.nightlyTimer = setInterval(() => void this.runNightlyIfDue(), this.settings.nightlyCheckMs);
      this.nightlyTimer.unref();
    }
    // A terminal restarted with a backlog pushes it right away, not one interval later.
    // Not enrolled: nothing to do until enrol() starts the loop.
    if (this.settings.intervalMs > 0 && this.state.read().enrolled) this.schedule(0);
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      // Synchronously: the core closes the database right after calling stop(), so every
      // continuation of the running exchange must already see `stopped` and write nothing.
      this.stopped = true;
      this.clearTimer();
      if (this.nightlyTimer) clearInterval(this.nightlyTimer);
      this.nightlyTimer = null;
      this.abort.abort();
    }
    await this.active;
  }

  // ---------------------------------------------------------------------------------------
  // Scheduling
  // ---------------------------------------------------------------------------------------

  /**
   * The nightly full run: at `nightly_hour` (Lima, by the core's clock), once per Lima date.
   * Called by a timer every `nightlyCheckMs`; tests call it after moving the clock.
   */
  async runNightlyIfDue(): Promise<boolean> {
    if (this.stopped || this.enrolling) return false;
    const snapshot = this.state.read();
    if (!snapshot.enrolled) return false;
    const now = this.ctx.clock.now();
    const today = limaDate(now);
    if (Number(limaTime(now).slice(0, 2)) !== snapshot.nightlyHour || snapshot.lastNightlyRunOn === today)
      return false;
    // Recorded before the run: a failing night is retried by the backoff, not restarted every minute.
    this.state.setNightlyRunOn(today);
    await this.requestRun('nightly');
    return true;
  }

  private requestRun(reason: RunReason): Promise<void> {
    if (this.stopped || this.enrolling) return Promise.resolve();
    if (this.active) {
      // Never a second exchange in parallel: a request waits for this one, then one more runs.
      if (reason !== 'timer') this.rerun = true;
      return this.active;
    }
    this.running = true;
    this.visible = reason !== 'timer';
    this.clearTimer();
    this.active = this.runLoop();
    return this.active;
  }

  private async runLoop(): Promise<void> {
    let outcome: RunOutcome = { kind: 'skipped' };
    try {
      do {
        if (this.rerun) this.visible = true;
        this.rerun = false;
        // Never rejects: a broken run is a failed run, retried with backoff like any other.
        outcome = await this.runOnce().catch((error: unknown) => ({
          kind: 'failed' as const,
          error: toSyncError(error),
        }));
      } while (this.rerun && !this.stopped && outcome.kind !== 'aborted');
    } finally {
      this.running = false;
      this.visible = false;
      this.active = null;
      if (!this.stopped) {
        this.afterRun(outcome);
        this.notify();
      }
    }
  }

  private afterRun(outcome: RunOutcome): void {
    if (outcome.kind === 'failed') {
      const delay = outcome.error.needsPerson
        ? this.backoff.failSlowly(this.settings.slowRetryMs)
        : this.backoff.fail();
      this.nextAttemptAt = new Date(this.ctx.clock.now().getTime() + delay);
      // Retries happen even with the background loop off: a failed exchange is not done.
      this.schedule(delay);
      return;
    }
    this.nextAttemptAt = null;
    if (outcome.kind === 'skipped') return; // not enrolled: enrol() starts the loop
    this.backoff.succeed();
    this.schedule(this.settings.intervalMs > 0 ? this.settings.intervalMs : null);
  }

  private schedule(delayMs: number | null): void {
    this.clearTimer();
    if (!this.started || this.stopped || delayMs === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // An enrolment in progress holds runs off; the loop must not die with this tick.
      if (this.enrolling) this.schedule(ENROLMENT_WAIT_MS);
      else void this.requestRun('timer');
    }, delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // ---------------------------------------------------------------------------------------
  // One exchange: push until the outbox is empty, then pull until HQ has nothing more
  // ---------------------------------------------------------------------------------------

  private async runOnce(): Promise<RunOutcome> {
    const attemptAt = this.ctx.clock.now();
    let credential: { hqUrl: string; bearer: string } | null;
    try {
      credential = this.state.credential();
    } catch (error) {
      return this.fail(attemptAt, error);
    }
    if (!credential) return { kind: 'skipped' };
    this.runStartedAt = attemptAt;
    this.notify();
    try {
      const client = this.client(credential.hqUrl, credential.bearer);
      await this.pushAll(client);
      const applied = await this.pullAll(client);
      // Applying a page writes an audit entry, which is itself a record for HQ: send it now.
      if (applied > 0 && this.queue.counts().pending > 0) await this.pushAll(client);
      if (this.stopped) return { kind: 'aborted' };
      this.state.recordSuccess(attemptAt, this.ctx.clock.now());
      return { kind: 'ok' };
    } catch (error) {
      return this.fail(attemptAt, error);
    } finally {
      this.runStartedAt = null;
    }
  }

  private fail(attemptAt: Date, error: unknown): RunOutcome {
    const failure = toSyncError(error);
    if (this.stopped || failure.kind === 'aborted') return { kind: 'aborted' };
    this.state.recordError(attemptAt, {
      code: failure.code,
      message: failure.message,
      at: this.ctx.clock.now(),
    });
    return { kind: 'failed', error: failure };
  }

  private async pushAll(client: HqClient): Promise<void> {
    this.pendingHint = this.queue.counts().pending;
    try {
      await this.pushBatches(client);
    } finally {
      this.pendingHint = null;
    }
  }

  private async pushBatches(client: HqClient): Promise<void> {
    let maxRecords = this.settings.batchRecords;
    for (;;) {
      this.throwIfStopped();
      const batch = this.queue.nextBatch({ maxRecords, maxBytes: this.settings.batchBytes });
      if (batch.length === 0) return;
      const batchId = newId();
      let response: PushResponse;
      try {
        response = await client.push({ batchId, terminalId: this.ctx.terminal.terminalId, records: batch });
      } catch (error) {
        const failure = toSyncError(error);
        this.throwIfStopped();
        if (failure.code === 'BATCH_TOO_LARGE') {
          maxRecords = this.shrink(batch, failure);
          continue;
        }
        this.queue.recordFailure(
          batch.map((r) => r.id),
          failure.message,
        );
        throw failure;
      }
      this.throwIfStopped();
      if (response.batchId !== batchId) {
        throw new SyncError('MALFORMED', 'La central respondió por otro envío; se reenviará.', 'malformed');
      }
      const outcome = this.queue.applyAcks(batch, response.acks, () =>
        this.state.setClockSkew(response.clockSkewMs),
      );
      this.pendingHint = Math.max(0, (this.pendingHint ?? 0) - outcome.sent - outcome.dead);
      this.notifyProgress();
      // HQ answered but settled nothing: pushing the same rows again would loop forever.
      if (outcome.sent + outcome.dead === 0) {
        throw new SyncError(
          'MALFORMED',
          'La central no confirmó ninguno de los registros enviados; se reintentará más tarde.',
          'malformed',
        );
      }
    }
  }

  /** HQ found the batch too large: halve it; a single record that is still too large is dead-lettered. */
  private shrink(batch: readonly PushRecord[], failure: SyncError): number {
    const first = batch[0];
    if (batch.length > 1 || !first) return Math.max(1, Math.floor(batch.length / 2));
    this.queue.markDead(first.id, failure.message);
    this.notify();
    return this.settings.batchRecords;
  }

  /** Pulls pages until HQ says there is no more; answers how many changes were applied. */
  private async pullAll(client: HqClient): Promise<number> {
    let applied = 0;
    for (;;) {
      this.throwIfStopped();
      const after = this.state.pullCursor();
      const page = await client.changes(after, this.settings.pullLimit);
      this.throwIfStopped();
      const result = this.applier.apply(after, page);
      applied += result.changes;
      if (result.cursorTo !== result.cursorFrom) this.notify();
      if (!page.hasMore) return applied;
      if (result.cursorTo === result.cursorFrom) {
        throw new SyncError(
          'MALFORMED',
          'La central anunció más cambios pero no avanzó el cursor.',
          'malformed',
        );
      }
    }
  }

  private throwIfStopped(): void {
    if (this.stopped) throw new SyncError('ABORTED', 'La sincronización se detuvo.', 'aborted');
  }

  private client(hqUrl: string, bearer: string | null): HqClient {
    return new HqClient({
      baseUrl: hqUrl,
      bearer,
      timeoutMs: this.settings.requestTimeoutMs,
      signal: this.abort.signal,
      fetch: this.settings.fetch,
      report: () => this.report(),
    });
  }

  private report(): TerminalReport {
    return {
      schemaVersion: this.settings.schemaVersion,
      appVersion: this.settings.appVersion,
      clock: this.ctx.clock.now(),
      pendingCount: this.pendingHint ?? this.queue.counts().pending,
    };
  }

  // ---------------------------------------------------------------------------------------
  // Status and its events
  // ---------------------------------------------------------------------------------------

  private view(snapshot: SyncStateSnapshot): SyncStatusView {
    const counts = this.queue.counts();
    return {
      state: !snapshot.enrolled ? 'not_enrolled' : this.running ? 'syncing' : settledState(snapshot),
      enrolled: snapshot.enrolled,
      hqUrl: snapshot.hqUrl,
      storeName: snapshot.storeName,
      running: this.running,
      pendingCount: counts.pending,
      deadCount: counts.dead,
      lastSuccessAt: snapshot.lastSuccessAt,
      lastAttemptAt: this.runStartedAt ? limaTimestamp(this.runStartedAt) : snapshot.lastAttemptAt,
      lastError: snapshot.lastError,
      nextAttemptAt: this.nextAttemptAt ? limaTimestamp(this.nextAttemptAt) : null,
      pullCursor: snapshot.pullCursor,
      nightlyHour: snapshot.nightlyHour,
      lastNightlyRunOn: snapshot.lastNightlyRunOn,
      clockSkewMs: snapshot.clockSkewMs,
    };
  }

  /** During a long push, the indicator moves about once a second, not once per batch. */
  private notifyProgress(): void {
    const now = performance.now();
    if (now - this.lastProgressAt < PROGRESS_EVENT_MS) return;
    this.lastProgressAt = now;
    this.notify();
  }

  /** Tells listeners when what the indicator shows changed; a quiet background tick stays quiet. */
  private notify(): void {
    if (this.stopped) return;
    let snapshot: SyncStateSnapshot;
    try {
      snapshot = this.state.read();
    } catch {
      return;
    }
    const view = this.view(snapshot);
    // A background tick shows as syncing to whoever asks, but is not worth an event by itself.
    const print = fingerprint(
      this.running && !this.visible ? { ...view, state: settledState(snapshot), running: false } : view,
    );
    if (print === this.lastFingerprint) return;
    this.lastFingerprint = print;
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's failure (a closed window) must not stop the engine.
      }
    }
  }
}

/** The state when nothing runs, from what the last exchange left in sync_state. */
function settledState(snapshot: SyncStateSnapshot): SyncState {
  if (!snapshot.enrolled) return 'not_enrolled';
  // recordSuccess clears the error, so an error still stored is the latest outcome.
  if (snapshot.lastError) return isOfflineCode(snapshot.lastError.code) ? 'offline' : 'error';
  return snapshot.lastSuccessAt ? 'online' : 'offline';
}

/**
 * What counts as a change for listeners: not the attempt and success instants, which move at
 * every tick of a healthy loop.
 */
function fingerprint(view: SyncStatusView): string {
  return JSON.stringify({ ...view, lastAttemptAt: null, lastSuccessAt: null });
}

function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (error instanceof SecretBoxError) {
    return new SyncError(
      'CREDENTIAL_UNREADABLE',
      'No se pudo leer la credencial de sincronización de esta caja (la clave del equipo cambió): vuelva a inscribirla.',
      'local',
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('INTERNAL', `Error interno al sincronizar: ${detail}`, 'local');
}
