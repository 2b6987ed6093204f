import { sql, type Insertable, type Kysely } from 'kysely';
import type { PushAck, PushRecord, PushRequest, PushResponse } from '../../../src-main/sync/protocol';
import type { HqDatabase, ReceivedRecordsTable } from '../db/schema';
import { HqError, type HqContext, type TerminalPrincipal } from '../hq-context';
import { anyText, insertJsonRowsQuery } from './bulk-sql';
import { dataErrorReason, databaseErrorInfo, isRecordDataError, isTransient } from './database-errors';
import { decideRecords } from './decide-records';
import { reasons } from './ingest-reasons';
import { loadKnownState } from './known-state';
import { isRejected, parseRecord, type ParsedRecord } from './parsed-record';
import { checkRecord, unstorableEnvelope, unstorableText } from './record-checks';
import { flagOversells } from './stock-reconciliation';
import { writeRecords } from './write-records';

/** A deadlock or serialization failure is retried this many times before the terminal is told to retry. */
const MAX_ATTEMPTS = 3;

type Db = Kysely<HqDatabase>;

/**
 * Applies one pushed batch. Idempotent by record id: a record HQ already applied is
 * answered `duplicate` and changes nothing (a rejected one is decided again),
 * so a batch sent twice is harmless. Everything happens in one transaction; only when
 * PostgreSQL still refuses a record's data does the batch fall back to one transaction per
 * record, so that record alone is rejected. Any other database error is thrown: the route
 * answers 503 and the terminal sends the batch again. A batch id PostgreSQL cannot store is
 * an HqError 400.
 */
export async function applyPushBatch(
  ctx: HqContext,
  principal: TerminalPrincipal,
  request: PushRequest,
): Promise<PushResponse> {
  if (unstorableText(request.batchId) !== null)
    throw new HqError(400, 'BAD_REQUEST', 'El identificador del lote tiene caracteres no válidos.');
  const now = ctx.now();
  const unstorable = new Map<string, PushAck>();
  for (const record of request.records) {
    const problem = unstorableEnvelope(record);
    if (problem !== null) unstorable.set(record.id, rejectedAck(record.id, problem));
  }
  const records = uniqueInSeqOrder(request.records.filter((r) => !unstorable.has(r.id)));
  let acks: Map<string, PushAck> | null = null;
  for (let attempt = 1; acks === null; attempt++) {
    try {
      acks = await ctx.db.transaction().execute(async (trx) => {
        const result = new Map([
          ...unstorable,
          ...(await applyRecords(trx, principal, request.batchId, records, now)),
        ]);
        await recordBatch(trx, principal, request, answerInRequestOrder(request.records, result), now);
        return result;
      });
    } catch (error) {
      const info = databaseErrorInfo(error);
      if (isTransient(info) && attempt < MAX_ATTEMPTS) continue;
      if (!isRecordDataError(info)) throw error;
      acks = await applyRecordByRecord(ctx.db, principal, request, records, unstorable, now);
    }
  }
  return {
    batchId: request.batchId,
    acks: answerInRequestOrder(request.records, acks),
    clockSkewMs: principal.clockSkewMs,
    serverTime: now.toISOString(),
  };
}

/** The first occurrence of each id (a batch repeating a record applies it once), sorted by seq. */
function uniqueInSeqOrder(records: PushRecord[]): PushRecord[] {
  const byId = new Map<string, PushRecord>();
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** One ack per record of the request, in its order; a repeated id gets `duplicate` after its first answer. */
function answerInRequestOrder(records: PushRecord[], acks: Map<string, PushAck>): PushAck[] {
  const answered = new Set<string>();
  return records.map((record) => {
    const ack = acks.get(record.id);
    // Cannot happen (every id is claimed or found); failing makes the terminal send the batch again.
    if (!ack) throw new Error(`push ${record.id}: no answer computed`);
    if (answered.has(record.id) && ack.status === 'applied') return { id: record.id, status: 'duplicate' };
    answered.add(record.id);
    return ack;
  });
}

/**
 * The work of one batch inside a transaction: claim the record ids, check what is new,
 * write what is accepted, and leave every received record with its final status.
 */
async function applyRecords(
  db: Db,
  principal: TerminalPrincipal,
  batchId: string,
  records: PushRecord[],
  now: Date,
): Promise<Map<string, PushAck>> {
  const acks = new Map<string, PushAck>();

  // What the record says on its own (topic, schema, ownership, well-formed values).
  const parsed = new Map<string, ParsedRecord>();
  const rejected = new Map<string, string>();
  for (const record of records) {
    const result = parseRecord(record);
    const problem = isRejected(result) ? result.rejected : checkRecord(result, principal);
    if (problem !== null) rejected.set(record.id, problem);
    else if (!isRejected(result)) parsed.set(record.id, result);
  }

  // The INSERT decides which records are new; a concurrent push of the same batch waits here.
  const claimed = new Set<string>();
  const rows: Array<Insertable<ReceivedRecordsTable>> = records.map((record) => ({
    id: record.id,
    terminal_id: principal.terminalId,
    seq: record.seq,
    topic: record.topic,
    status: rejected.has(record.id) ? 'rejected' : 'applied',
    reason: rejected.get(record.id) ?? null,
    batch_id: batchId,
    received_at: now,
  }));
  const insert = insertJsonRowsQuery('received_records', rows);
  if (insert) {
    const inserted = await sql<{ id: string }>`${insert} ON CONFLICT (id) DO NOTHING RETURNING id`.execute(
      db,
    );
    for (const row of inserted.rows) claimed.add(row.id);
  }
  for (const id of await reclaimRejected(db, principal, rows, claimed)) claimed.add(id);
  const seen = records.filter((r) => !claimed.has(r.id));
  for (const [id, ack] of await answersForSeen(db, principal, seen)) acks.set(id, ack);

  // References and business duplicates, against HQ's data and the earlier records of the batch.
  const fresh = records.flatMap((r) => {
    const p = claimed.has(r.id) ? parsed.get(r.id) : undefined;
    return p ? [p] : [];
  });
  const known = await loadKnownState(db, principal, fresh);
  const decision = decideRecords(fresh, known, principal);

  const outcome = await writeRecords(db, principal, decision.accepted, now);
  await flagOversells(db, principal.storeId, outcome.stockProductIds, now);
  await markRejected(db, decision.rejected);

  for (const record of records) {
    if (!claimed.has(record.id)) continue;
    const reason = rejected.get(record.id) ?? decision.rejected.get(record.id);
    acks.set(
      record.id,
      reason === undefined ? { id: record.id, status: 'applied' } : rejectedAck(record.id, reason),
    );
  }
  return acks;
}

/**
 * A record this terminal sends again after HQ rejected it is decided afresh: the terminal only
 * resends one when a person requeued the dead letter, once headquarters was fixed.
 */
async function reclaimRejected(
  db: Db,
  principal: TerminalPrincipal,
  rows: Array<Insertable<ReceivedRecordsTable>>,
  claimed: Set<string>,
): Promise<string[]> {
  const unclaimed = rows.filter((row) => !claimed.has(row.id));
  if (unclaimed.length === 0) return [];
  const released = await db
    .deleteFrom('received_records')
    .where('id', '=', anyText(unclaimed.map((row) => row.id)))
    .where('terminal_id', '=', principal.terminalId)
    .where('status', '=', 'rejected')
    .returning('id')
    .execute();
  if (released.length === 0) return [];
  const again = new Set(released.map((row) => row.id));
  const insert = insertJsonRowsQuery(
    'received_records',
    unclaimed.filter((row) => again.has(row.id)),
  );
  if (insert) await insert.execute(db);
  return [...again];
}

function rejectedAck(id: string, reason: string): PushAck {
  return { id, status: 'rejected', reason };
}

/** Records HQ had already received: `duplicate`, or the stored rejection again so the terminal dead-letters it. */
async function answersForSeen(
  db: Db,
  principal: TerminalPrincipal,
  seen: PushRecord[],
): Promise<Map<string, PushAck>> {
  const acks = new Map<string, PushAck>();
  if (seen.length === 0) return acks;
  const stored = await db
    .selectFrom('received_records')
    .select(['id', 'terminal_id', 'status', 'reason'])
    .where('id', '=', anyText(seen.map((r) => r.id)))
    .execute();
  for (const row of stored) {
    // Another terminal's record id: nothing is changed and nothing about it is told.
    if (row.terminal_id !== principal.terminalId) acks.set(row.id, rejectedAck(row.id, reasons.otherOwner()));
    else if (row.status === 'rejected') acks.set(row.id, rejectedAck(row.id, row.reason ?? ''));
    else acks.set(row.id, { id: row.id, status: 'duplicate' });
  }
  return acks;
}

async function markRejected(db: Db, rejected: Map<string, string>): Promise<void> {
  if (rejected.size === 0) return;
  const entries = JSON.stringify([...rejected].map(([id, reason]) => ({ id, reason })));
  await sql`UPDATE received_records AS r SET status = 'rejected', reason = v.reason
    FROM json_to_recordset(${entries}::json) AS v(id text, reason text) WHERE r.id = v.id`.execute(db);
}

/** When the terminal was last heard from, how far it got, and a row per push for the record. */
async function recordBatch(
  db: Db,
  principal: TerminalPrincipal,
  request: PushRequest,
  acks: PushAck[],
  now: Date,
): Promise<void> {
  const maxSeq = Math.max(...request.records.map((r) => r.seq));
  await db
    .updateTable('terminals')
    .set({
      last_push_at: now,
      last_seq: sql<number>`greatest(last_seq, ${maxSeq})`,
      // The count the terminal reported included this batch, which is now settled.
      pending_count: sql<number>`greatest(pending_count - ${new Set(acks.map((a) => a.id)).size}, 0)`,
    })
    .where('id', '=', principal.terminalId)
    .execute();
  const count = (status: PushAck['status']) => acks.filter((a) => a.status === status).length;
  await db
    .insertInto('push_batches')
    .values({
      id: request.batchId,
      terminal_id: principal.terminalId,
      received_at: now,
      records: request.records.length,
      applied: count('applied'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
    })
    .execute();
}

/**
 * The slow path, after PostgreSQL refused some record's data despite the checks: each
 * record in its own transaction, so the one it refuses is rejected and the others applied.
 */
async function applyRecordByRecord(
  db: Db,
  principal: TerminalPrincipal,
  request: PushRequest,
  records: PushRecord[],
  unstorable: Map<string, PushAck>,
  now: Date,
): Promise<Map<string, PushAck>> {
  const acks = new Map<string, PushAck>(unstorable);
  for (const record of records) {
    try {
      const result = await db
        .transaction()
        .execute((trx) => applyRecords(trx, principal, request.batchId, [record], now));
      for (const [id, ack] of result) acks.set(id, ack);
    } catch (error) {
      const info = databaseErrorInfo(error);
      if (!isRecordDataError(info)) throw error;
      acks.set(
        record.id,
        await storeRejection(db, principal, request.batchId, record, dataErrorReason(info), now),
      );
    }
  }
  await db
    .transaction()
    .execute((trx) => recordBatch(trx, principal, request, answerInRequestOrder(request.records, acks), now));
  return acks;
}

async function storeRejection(
  db: Db,
  principal: TerminalPrincipal,
  batchId: string,
  record: PushRecord,
  reason: string,
  now: Date,
): Promise<PushAck> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('received_records')
      .values({
        id: record.id,
        terminal_id: principal.terminalId,
        seq: record.seq,
        topic: record.topic,
        status: 'rejected',
        reason,
        batch_id: batchId,
        received_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    if (inserted.length > 0) return rejectedAck(record.id, reason);
    // A concurrent push of the same record got there first: answer what it stored.
    const seen = await answersForSeen(trx, principal, [record]);
    return seen.get(record.id) ?? rejectedAck(record.id, reason);
  });
}
