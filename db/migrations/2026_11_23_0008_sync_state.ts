import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The terminal's side of sync: its enrolment with headquarters (the credential sealed like the
 * other secrets), the pull cursor (headquarters' change number, never a clock) and what the
 * status indicator shows after a restart. One row; absent until the terminal is enrolled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE sync_state (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      hq_url TEXT,
      store_name TEXT,
      credential_sealed BLOB,
      enrolled_at TEXT,
      enrolled_by TEXT,
      pull_cursor INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
      nightly_hour INTEGER NOT NULL DEFAULT 2 CHECK (nightly_hour BETWEEN 0 AND 23),
      last_nightly_run_on TEXT,
      last_success_at TEXT,
      last_attempt_at TEXT,
      last_error_code TEXT,
      last_error_message TEXT,
      last_error_at TEXT,
      clock_skew_ms INTEGER,
      updated_at TEXT NOT NULL
    )`,
    `INSERT INTO sync_state (singleton, updated_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  ]);
}
