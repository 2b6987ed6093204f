import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Devices of this terminal: their settings (local to the counter, never pulled from
 * headquarters) and the print queue, so a receipt the printer could not take is never
 * forgotten: it waits for a retry or for the cashier's reprint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE device_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id)
    )`,
    `CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('sale', 'copy', 'test', 'report', 'drawer')),
      sale_id TEXT REFERENCES sales(id),
      label TEXT NOT NULL,
      document TEXT,
      open_drawer INTEGER NOT NULL DEFAULT 0 CHECK (open_drawer IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('pending', 'printing', 'printed', 'failed', 'dismissed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error_code TEXT,
      last_error TEXT,
      requested_by TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      printed_at TEXT,
      CHECK ((kind IN ('sale', 'copy')) = (sale_id IS NOT NULL))
    )`,
    `CREATE INDEX print_jobs_by_status ON print_jobs(status, created_at)`,
    `CREATE INDEX print_jobs_by_sale ON print_jobs(sale_id)`,
  ]);
}
