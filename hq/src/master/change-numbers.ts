import { sql, type Kysely, type Transaction } from 'kysely';
import type { HqDatabase } from '../db/schema';

/** Any constant works; it only has to be the same for every master-data writer. */
const MASTER_WRITE_LOCK = 0x4d535452; // "MSTR"

/**
 * Every master-data write (products, users, store settings) runs through here: one
 * transaction that first takes a transaction-level advisory lock, and only then draws change
 * numbers with `nextval`. Writers are thus serialized, so change numbers become visible in
 * commit order. With a bare sequence, a slow writer could commit number 41 after a terminal
 * had already pulled 42 and moved its cursor past it: change 41 would be skipped for ever.
 * Readers (the pull) take no lock.
 */
export function withMasterWrite<T>(
  db: Kysely<HqDatabase>,
  work: (trx: Transaction<HqDatabase>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockMasterWrites(trx);
    return work(trx);
  });
}

/** For callers that already hold a transaction (the demo seed); taking it twice is harmless. */
export async function lockMasterWrites(trx: Transaction<HqDatabase>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(MASTER_WRITE_LOCK)})`.execute(trx);
}

/** The next change number: only valid inside withMasterWrite / after lockMasterWrites. */
export const nextChangeNo = sql<number>`nextval('master_change_no')`;

/** What a bulk upsert did: rows received, rows that really changed (and got a change number). */
export interface UpsertSummary {
  received: number;
  changed: number;
  /** Highest change number written, or null when nothing changed. */
  lastChangeNo: number | null;
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** First value that appears twice, or null. */
export function firstDuplicate(values: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}
