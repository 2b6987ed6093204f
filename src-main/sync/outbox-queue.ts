import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import { SyncError } from './hq-client';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, type PushAck, type PushRecord } from './protocol';
import type { DeadLetterView } from './sync-views';

export interface BatchLimits {
  maxRecords: number;
  /** Bound on the request body (records plus the envelope). */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRecords: MAX_BATCH_RECORDS, maxBytes: MAX_BATCH_BYTES };

const RECORD_FAILURE = `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`;

type Statement = BetterSqlite3.Statement<unknown[]>;

/** Room for `{"batchId":"…","terminalId":"…","records":[…]}` around the records. */
const ENVELOPE_BYTES = 512;

export interface AckOutcome {
  sent: number;
  dead: number;
  /** Records of the batch HQ did not mention: still pending, tried again next time. */
  unanswered: number;
}

/**
 * The push side of the outbox: which rows go next, and what HQ's answer does to them. Rows
 * leave `pending` only on HQ's word: `sent` when applied or already there, `dead` (with the
 * reason, for the dead-letter list) when refused for good. A dead row never blocks the rows
 * after it: batches are read by status, so it simply stops being picked.
 */
export class OutboxQueue {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The oldest pending rows, in seq order, within the record and byte limits. A row that is
   * too large to ever fit a batch is dead-lettered here, so it cannot wedge the queue.
   */
  nextBatch(limits: BatchLimits = DEFAULT_BATCH_LIMITS): PushRecord[] {
    const maxRecords = Math.max(1, Math.min(limits.maxRecords, MAX_BATCH_RECORDS));
    const maxBytes = Math.min(limits.maxBytes, MAX_BATCH_BYTES);
    for (;;) {
      const rows = this.sql.all(
        this.qb
          .selectFrom('outbox')
          .select(['seq', 'id', 'topic', 'entity_id', 'payload', 'created_at'])
          .where('status', '=', 'pending')
          .orderBy('seq')
          .limit(maxRecords),
      );
      const batch: PushRecord[] = [];
      let bytes = ENVELOPE_BYTES;
      let oversized: { id: string; bytes: number } | null = null;
      for (const row of rows) {
        const record: PushRecord = {
          id: row.id,
          seq: row.seq,
          topic: row.topic,
          entityId: row.entity_id,
          createdAt: row.created_at,
          payload: JSON.parse(row.payload) as unknown,
        };
        const size = Buffer.byteLength(JSON.stringify(record)) + 1;
        if (bytes + size > maxBytes) {
          if (batch.length === 0) oversized = { id: row.id, bytes: size };
          break;
        }
        bytes += size;
        batch.push(record);
      }
      if (!oversized) return batch;
      this.markDead(
        oversized.id,
        `El registro pesa ${oversized.bytes} bytes y no cabe en un envío (máximo ${maxBytes}).`,
      );
    }
  }

  /**
   * HQ's answer to a batch, in one transaction: applied/duplicate → sent, rejected → dead
   * with HQ's reason. `extra` runs in the same transaction (the engine stores the clock skew).
   */
  applyAcks(
    batch: readonly PushRecord[],
    acks: readonly PushAck[],
    extra: () => void = () => {},
  ): AckOutcome {
    const inBatch = new Set(batch.map((r) => r.id));
    const at = limaTimestamp(this.clock.now());
    const markSent = this.statement(
      `UPDATE outbox SET status = 'sent', acked_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'`,
    );
    const markDead = this.statement(
      `UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'`,
    );
    const markUnanswered = this.statement(RECORD_FAILURE);
    return this.sql.transaction(() => {
      const answered = new Set<string>();
      let sent = 0;
      let dead = 0;
      for (const ack of acks) {
        // An ack for a record we did not send (or twice for one) changes nothing.
        if (!inBatch.has(ack.id) || answered.has(ack.id)) continue;
        answered.add(ack.id);
        if (ack.status === 'rejected') {
          dead += markDead.run(
            ack.reason?.trim() || 'La central rechazó el registro sin indicar el motivo.',
            ack.id,
          ).changes;
        } else {
          sent += markSent.run(at, ack.id).changes;
        }
      }
      let unanswered = 0;
      for (const id of inBatch) {
        if (answered.has(id)) continue;
        unanswered += markUnanswered.run('La central no confirmó este registro; se reenviará.', id).changes;
      }
      extra();
      return { sent, dead, unanswered };
    });
  }

  /** A batch that did not get through: the rows stay pending, counting the attempt and why. */
  recordFailure(ids: readonly string[], error: string): void {
    if (ids.length === 0) return;
    const update = this.statement(RECORD_FAILURE);
    this.sql.transaction(() => {
      for (const id of ids) update.run(error, id);
    });
  }

  /** Refused for good by this side (HQ would never take it): the dead-letter list, with the reason. */
  markDead(id: string, reason: string): void {
    this.sql.transaction(() => {
      this.sql.run(
        this.qb
          .updateTable('outbox')
          .set((eb) => ({ status: 'dead', attempts: eb('attempts', '+', 1), last_error: reason }))
          .where('id', '=', id)
          .where('status', '=', 'pending'),
      );
    });
  }

  deadLetters(): DeadLetterView[] {
    return this.sql.all(this.deadQuery().orderBy('seq')).map(deadLetterView);
  }

  /** Puts one dead letter back in the queue (HQ was fixed); audited with who asked. */
  requeue(id: string, userId: string): DeadLetterView {
    return this.sql.transaction(() => {
      const row = this.sql.first(this.deadQuery().where('id', '=', id));
      if (!row) {
        throw new SyncError(
          'DEAD_LETTER_NOT_FOUND',
          'Ese registro ya no está en la lista de rechazados (quizás ya se reintentó).',
          'local',
        );
      }
      const letter = deadLetterView(row);
      this.sql.run(
        this.qb
          .updateTable('outbox')
          .set({ status: 'pending', attempts: 0, last_error: null })
          .where('id', '=', id)
          .where('status', '=', 'dead'),
      );
      this.audit.append({
        action: 'sync.dead_letter_requeued',
        entityType: 'outbox',
        entityId: id,
        userId,
        data: { seq: letter.seq, topic: letter.topic, entityId: letter.entityId, reason: letter.reason },
      });
      return letter;
    });
  }

  /** Per-row statements prepared once: a 50,000-row backlog is acknowledged row by row. */
  private statement(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sql.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private deadQuery() {
    return this.qb
      .selectFrom('outbox')
      .select(['id', 'seq', 'topic', 'entity_id', 'created_at', 'last_error'])
      .where('status', '=', 'dead');
  }

  counts(): { pending: number; dead: number } {
    const rows = this.sql.all(
      this.qb
        .selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['pending', 'dead'])
        .groupBy('status'),
    );
    return {
      pending: rows.find((r) => r.status === 'pending')?.n ?? 0,
      dead: rows.find((r) => r.status === 'dead')?.n ?? 0,
    };
  }
}

function deadLetterView(row: {
  id: string;
  seq: number;
  topic: string;
  entity_id: string;
  created_at: string;
  last_error: string | null;
}): DeadLetterView {
  return {
    id: row.id,
    seq: row.seq,
    topic: row.topic,
    entityId: row.entity_id,
    createdAt: row.created_at,
    reason: row.last_error ?? 'Sin motivo registrado.',
  };
}
