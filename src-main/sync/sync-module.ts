import { MIGRATIONS } from '../../db/migrations';
import { APP_VERSION } from '../core/app-version';
import type { CoreContext } from '../core/context';
import type { SecretBox } from '../fiscal/secrets/secret-box';
import type { Sql } from '../storage/sql';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_PULL_LIMIT } from './protocol';
import { SyncEngine, type SyncEngineSettings } from './sync-engine';
import type { DeadLetterView, SyncStatusView } from './sync-views';

export { SyncError, isSyncError, type SyncErrorKind, type SyncFailureCode } from './hq-client';

export interface SyncModuleOptions {
  /** Pace of the background loop (push when the outbox has rows, pull). Default 10 s; 0: no loop. */
  intervalMs?: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs, with full jitter. Default 2 s. */
  baseBackoffMs?: number;
  /** Default 5 min. */
  maxBackoffMs?: number;
  /** Wait after a refusal only a person can fix (revoked credential, schema too old). Default maxBackoffMs. */
  slowRetryMs?: number;
  /** Per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
  /**
   * App version sent with every request. The Electron shell should pass `app.getVersion()`;
   * under npm scripts package.json's version is used.
   */
  appVersion?: string;
  /** Records per push batch (≤ MAX_BATCH_RECORDS). */
  batchRecords?: number;
  /** Bytes per push batch (≤ MAX_BATCH_BYTES). */
  batchBytes?: number;
  /** Changes asked per pull page (≤ MAX_PULL_LIMIT). */
  pullLimit?: number;
  /** How often the nightly hour is checked. Default 60 s; 0: never (tests call it). */
  nightlyCheckMs?: number;
  /** Uniform [0, 1) for the backoff jitter (tests pin it). */
  random?: () => number;
  /** HTTP client (tests may count or break requests). */
  fetch?: typeof fetch;
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
  box: SecretBox,
  options: SyncModuleOptions = {},
): SyncModule {
  return new SyncEngine(ctx, box, engineSettings(ctx.sql, options));
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.floor(value)));

function engineSettings(sql: Sql, options: SyncModuleOptions): SyncEngineSettings {
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  return {
    intervalMs: Math.max(0, options.intervalMs ?? 10_000),
    baseBackoffMs: Math.max(0, options.baseBackoffMs ?? 2_000),
    maxBackoffMs,
    slowRetryMs: options.slowRetryMs ?? maxBackoffMs,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    appVersion: options.appVersion ?? APP_VERSION,
    schemaVersion: schemaVersion(sql),
    batchRecords: clamp(options.batchRecords ?? MAX_BATCH_RECORDS, 1, MAX_BATCH_RECORDS),
    batchBytes: clamp(options.batchBytes ?? MAX_BATCH_BYTES, 1_024, MAX_BATCH_BYTES),
    pullLimit: clamp(options.pullLimit ?? MAX_PULL_LIMIT, 1, MAX_PULL_LIMIT),
    nightlyCheckMs: Math.max(0, options.nightlyCheckMs ?? 60_000),
    random: options.random ?? Math.random,
    fetch: options.fetch ?? fetch,
  };
}

/** The schema version HQ is told: how many migrations this file has applied. */
function schemaVersion(sql: Sql): number {
  try {
    const [row] = sql.raw<{ n: number }>('SELECT count(*) AS n FROM kysely_migration');
    if (row && row.n > 0) return row.n;
  } catch {
    // A database made without the migrator (never in the app): assume it is current.
  }
  return Object.keys(MIGRATIONS).length;
}
