import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import { GENESIS_HASH, hashAuditEntry } from './audit-log';

/**
 * Why a link fails:
 * - `hash-mismatch`: the row's content no longer gives its stored hash (it was edited).
 * - `link-mismatch`: the row does not point at the hash of the row before it: that row was
 *   edited and re-hashed, or rows in between were deleted.
 * - `seq-gap`: the links hold but numbers are missing (rows deleted and the chain rebuilt),
 *   or entries the log had numbered are gone from its end.
 */
export type ChainBreakReason = 'hash-mismatch' | 'link-mismatch' | 'seq-gap';

export interface ChainBreak {
  seq: number;
  /** Empty when the break is missing entries at the end of the log (no row to name). */
  id: string;
  at: string;
  action: string;
  reason: ChainBreakReason;
  /** Hashes for hash/link mismatches; sequence numbers (as text) for gaps. */
  expected: string;
  found: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  /** `entries`: rows the log holds now. */
  | { ok: false; entries: number; firstBroken: ChainBreak };

export interface VerifyOptions {
  /** Rows read per query: memory stays constant however long the log is. */
  batchSize?: number;
}

const DEFAULT_BATCH = 2_000;

/**
 * Walks the whole audit log in `seq` order, recomputing each entry's hash and checking it
 * points at the previous one (the first at GENESIS_HASH). Stops at the first broken link:
 * everything after it is unproven anyway. Reads in one read transaction, so a terminal
 * appending meanwhile (another process, same file) cannot make a consistent log look broken.
 */
export function verifyAuditChain(sql: Sql, qb: Kysely<Database>, options: VerifyOptions = {}): ChainVerdict {
  const run = () => {
    const walk = walkChain(sql, qb, batchSizeOf(options));
    for (;;) {
      const step = walk.next();
      if (step.done) return step.value;
    }
  };
  // Deferred, not Sql.transaction's IMMEDIATE: the command opens the file read-only.
  return sql.sqlite.inTransaction ? run() : sql.sqlite.transaction(run).deferred();
}

/**
 * The same walk for the running till: it lets other requests in between batches, so a long
 * log does not freeze the sale screen. No transaction spans the pauses (another request's
 * writes would join it); entries appended meanwhile only extend the chain and get checked too.
 */
export async function verifyAuditChainAsync(
  sql: Sql,
  qb: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const walk = walkChain(sql, qb, batchSizeOf(options));
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
    await new Promise<void>((resume) => setImmediate(resume));
  }
}

function batchSizeOf(options: VerifyOptions): number {
  return Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
}

type RawRow = [
  seq: number,
  id: string,
  at: string,
  terminalId: string,
  userId: string | null,
  approverId: string | null,
  action: string,
  entityType: string,
  entityId: string | null,
  data: string,
  prevHash: string,
  hash: string,
];

/** Yields after each batch; the verdict comes with the last one. */
function* walkChain(sql: Sql, qb: Kysely<Database>, batchSize: number): Generator<void, ChainVerdict> {
  // Rows as arrays (better-sqlite3's raw mode): several times faster than objects on a long log.
  const compiled = qb
    .selectFrom('audit_log')
    .select([
      'seq',
      'id',
      'at',
      'terminal_id',
      'user_id',
      'approver_id',
      'action',
      'entity_type',
      'entity_id',
      'data',
      'prev_hash',
      'hash',
    ])
    .where('seq', '>', 0)
    .orderBy('seq', 'asc')
    .limit(batchSize)
    .compile();
  const page = sql.sqlite.prepare(compiled.sql).raw(true);
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = page.all(prevSeq, batchSize) as RawRow[];
    for (const [
      seq,
      id,
      at,
      terminal_id,
      user_id,
      approver_id,
      action,
      entity_type,
      entity_id,
      data,
      prev_hash,
      hash,
    ] of rows) {
      const broken = (reason: ChainBreakReason, expected: string, found: string): ChainVerdict => ({
        ok: false,
        entries: countEntries(sql, qb),
        firstBroken: { seq, id, at, action, reason, expected, found },
      });
      if (prev_hash !== prevHash) return broken('link-mismatch', prevHash, prev_hash);
      const computed = hashAuditEntry({
        id,
        at,
        terminal_id,
        user_id,
        approver_id,
        action,
        entity_type,
        entity_id,
        data,
        prev_hash,
      });
      if (computed !== hash) return broken('hash-mismatch', computed, hash);
      if (seq !== prevSeq + 1) return broken('seq-gap', String(prevSeq + 1), String(seq));
      prevHash = hash;
      prevSeq = seq;
      entries++;
    }
    if (rows.length < batchSize) break;
    yield;
  }
  // SQLite remembers the highest seq it ever handed out: entries cut from the end show here.
  // Read right after the last batch, with no pause between: nothing can append in between.
  const issued = highestIssuedSeq(sql);
  if (issued > prevSeq) {
    return {
      ok: false,
      entries,
      firstBroken: {
        seq: prevSeq + 1,
        id: '',
        at: '',
        action: '',
        reason: 'seq-gap',
        expected: String(issued),
        found: String(prevSeq),
      },
    };
  }
  return { ok: true, entries, lastHash: prevHash };
}

function countEntries(sql: Sql, qb: Kysely<Database>): number {
  return sql.first(qb.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

function highestIssuedSeq(sql: Sql): number {
  const rows = sql.raw<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  return rows[0]?.seq ?? 0;
}
