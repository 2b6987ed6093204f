import type { CoreContext } from '../core/context';
import type { SecretBox } from '../fiscal/secrets/secret-box';
import type { DeadLetterView, SyncStatusView } from './sync-views';

export interface SyncModuleOptions {
  /** Pace of the background loop (push when the outbox has rows, pull). Default 15 s; 0: no loop. */
  intervalMs?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs, with full jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** App version sent with every request (package.json's by default). */
  appVersion?: string;
  /** Records per push batch (≤ MAX_BATCH_RECORDS). */
  batchRecords?: number;
}

/** The terminal's sync engine as the rest of the core sees it. */
export interface SyncModule {
  status(): SyncStatusView;
  /** One push (until the outbox is empty or a failure) then one pull; never two at once. */
  syncNow(): Promise<SyncStatusView>;
  enrol(input: { hqUrl: string; code: string }, userId: string): Promise<SyncStatusView>;
  configure(input: { nightlyHour: number }, userId: string): SyncStatusView;
  deadLetters(): DeadLetterView[];
  retryDead(id: string, userId: string): SyncStatusView;
  onChange(listener: () => void): () => void;
  /** Starts the background loop and the nightly run (no-op when not enrolled until enrolment). */
  start(): void;
  stop(): Promise<void>;
}

export function createSyncModule(
  ctx: CoreContext,
  _box: SecretBox,
  _options: SyncModuleOptions = {},
): SyncModule {
  // Placeholder until the engine lands: never enrolled, nothing sent.
  const status = (): SyncStatusView => ({
    state: 'not_enrolled',
    enrolled: false,
    hqUrl: null,
    storeName: null,
    running: false,
    pendingCount: ctx.outbox.pendingCount(),
    deadCount: 0,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    nextAttemptAt: null,
    pullCursor: 0,
    nightlyHour: 2,
    lastNightlyRunOn: null,
    clockSkewMs: null,
  });
  return {
    status,
    syncNow: () => Promise.resolve(status()),
    enrol: () => Promise.reject(new Error('not implemented')),
    configure: status,
    deadLetters: () => [],
    retryDead: status,
    onChange: () => () => undefined,
    start: () => undefined,
    stop: () => Promise.resolve(),
  };
}
