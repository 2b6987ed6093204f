/** What the screens see of the sync engine; plain types so the renderer never reaches engine code. */

export type SyncState = 'not_enrolled' | 'online' | 'offline' | 'syncing' | 'error';

export interface SyncErrorView {
  /** SyncErrorCode from headquarters, or NETWORK / TIMEOUT / INTERNAL on this side. */
  code: string;
  /** Spanish, for the person at the terminal. */
  message: string;
  at: string;
}

export interface SyncStatusView {
  state: SyncState;
  enrolled: boolean;
  hqUrl: string | null;
  /** The store name headquarters answered at enrolment. */
  storeName: string | null;
  /** A push or pull is running right now. */
  running: boolean;
  /** Outbox rows not yet acknowledged by headquarters. */
  pendingCount: number;
  /** Records headquarters refused for good (the dead-letter list). */
  deadCount: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncErrorView | null;
  /** When the engine will try again after a failure (backoff), null when idle and healthy. */
  nextAttemptAt: string | null;
  /** Headquarters' change number this terminal has applied. */
  pullCursor: number;
  /** Hour of the day (0–23, Lima) of the nightly full run. */
  nightlyHour: number;
  lastNightlyRunOn: string | null;
  /** Headquarters' clock minus ours when it flagged ours as off; null when fine. */
  clockSkewMs: number | null;
}

export interface DeadLetterView {
  id: string;
  seq: number;
  topic: string;
  entityId: string;
  createdAt: string;
  /** Why headquarters refused it (Spanish). */
  reason: string;
}
