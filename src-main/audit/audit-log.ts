import { createHash } from 'node:crypto';
import type { Sql } from '../storage/sql';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { Outbox } from '../sync/outbox';
import { auditEntryPayload } from '../sync/payloads';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId?: string | null | undefined;
  userId: string | null;
  approverId?: string | null | undefined;
  /** What changed: before/after or the facts of the event. Must be JSON. */
  data?: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  terminal_id: string;
  user_id: string | null;
  approver_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
}

/** The hash covers every field and the previous hash, so editing or deleting any entry breaks the chain after it. */
export function hashAuditEntry(row: AuditRow): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.id,
    row.at,
    row.terminal_id,
    row.user_id,
    row.approver_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.data,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Append-only, hash-chained log of every state change. Call `append` inside the
 * transaction that makes the change: the entry exists exactly when the change does, and so
 * does its outbox row (headquarters keeps every terminal's chain and can re-verify it).
 */
export class AuditLog {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly terminalId: string,
    private readonly outbox: Outbox,
  ) {}

  append(entry: AuditEntryInput): string {
    if (!this.sql.sqlite.inTransaction)
      throw new Error('audit entries must be written inside the change transaction');
    const last = this.sql.first(
      this.qb.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1),
    );
    const row: AuditRow = {
      id: newId(),
      at: limaTimestamp(this.clock.now()),
      terminal_id: this.terminalId,
      user_id: entry.userId,
      approver_id: entry.approverId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      data: JSON.stringify(entry.data ?? {}),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditEntry(row);
    const { lastInsertRowid } = this.sql.run(this.qb.insertInto('audit_log').values({ ...row, hash }));
    // seq is the INTEGER PRIMARY KEY, i.e. the rowid SQLite just assigned: no read back needed.
    this.outbox.enqueue(
      'audit.entry.v1',
      row.id,
      auditEntryPayload({ ...row, seq: Number(lastInsertRowid), hash }),
    );
    return row.id;
  }
}
