import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import {
  loadAuditEntryPayload,
  loadFiscalStatusPayload,
  loadNotePayload,
  loadSalePayload,
  loadSaleVoidPayload,
  loadStockMovementPayload,
  type SyncIdentity,
} from './payloads';
import { isKnownTopic, TOPIC_SCHEMAS, type SyncTopic } from './protocol';

/** Test helpers for the outbox: what HQ would receive, checked against the rows it describes. */

export interface OutboxRecord {
  seq: number;
  id: string;
  topic: SyncTopic;
  entityId: string;
  payload: unknown;
}

interface Db {
  sql: Sql;
  qb: Kysely<Database>;
}

/** The payload payloads.ts builds today from the rows of `entityId`; undefined for cash topics. */
export function rebuildPayload(db: Db, terminal: SyncIdentity, topic: SyncTopic, entityId: string): unknown {
  const { sql, qb } = db;
  switch (topic) {
    case 'sale.completed.v2':
      return loadSalePayload(sql, qb, entityId);
    case 'note.issued.v2':
      return loadNotePayload(sql, qb, terminal, entityId);
    case 'sale.voided.v2':
      return loadSaleVoidPayload(sql, qb, terminal.terminalId, entityId);
    case 'fiscal.status.v1':
      return loadFiscalStatusPayload(sql, qb, terminal.terminalId, entityId);
    case 'stock.movement.v1':
      return loadStockMovementPayload(sql, qb, entityId);
    case 'audit.entry.v1':
      return loadAuditEntryPayload(sql, qb, entityId);
    case 'cash_session.opened.v1':
    case 'cash_movement.recorded.v1':
    case 'cash_session.closed.v1':
      return undefined;
  }
}

/**
 * Reads the outbox (pending rows, by default all) and checks what HQ would: seq strictly
 * increasing, ids unique, every topic known and every payload parsed by its schema unchanged;
 * then that payloads equal what the rows give today (a fiscal document's latest record only:
 * earlier ones were its earlier states), and that every audit entry and every stock movement
 * but the opening stock is there exactly once.
 */
export function checkOutbox(
  db: Db,
  terminal: SyncIdentity,
  options: { pendingOnly?: boolean } = {},
): OutboxRecord[] {
  const rows = db.sql.raw<{ seq: number; id: string; topic: string; entity_id: string; payload: string }>(
    `SELECT seq, id, topic, entity_id, payload FROM outbox ${options.pendingOnly ? "WHERE status = 'pending'" : ''} ORDER BY seq`,
  );
  const records = rows.map((row): OutboxRecord => {
    if (!isKnownTopic(row.topic)) throw new Error(`outbox row ${row.seq} has an unknown topic ${row.topic}`);
    const payload: unknown = JSON.parse(row.payload);
    const parsed = TOPIC_SCHEMAS[row.topic].safeParse(payload);
    expect(parsed.success, `${row.topic} ${row.entity_id}: ${parsed.error?.message ?? ''}`).toBe(true);
    expect(parsed.data, row.topic).toEqual(payload);
    return { seq: row.seq, id: row.id, topic: row.topic, entityId: row.entity_id, payload };
  });
  records.forEach((record, index) => {
    if (index > 0) expect(record.seq).toBeGreaterThan(records[index - 1]?.seq ?? Infinity);
  });
  expect(new Set(records.map((r) => r.id)).size).toBe(records.length);

  const latestFiscal = new Map<string, OutboxRecord>();
  for (const record of records) {
    if (record.topic === 'fiscal.status.v1') latestFiscal.set(record.entityId, record);
    else {
      const rebuilt = rebuildPayload(db, terminal, record.topic, record.entityId);
      if (rebuilt !== undefined)
        expect(record.payload, `${record.topic} ${record.entityId}`).toEqual(rebuilt);
    }
  }
  for (const record of latestFiscal.values()) {
    expect(record.payload).toEqual(rebuildPayload(db, terminal, record.topic, record.entityId));
  }

  const entityIds = (topic: SyncTopic) => records.filter((r) => r.topic === topic).map((r) => r.entityId);
  const auditIds = db.sql.raw<{ id: string }>('SELECT id FROM audit_log ORDER BY seq').map((r) => r.id);
  expect(entityIds('audit.entry.v1')).toEqual(auditIds);
  const stockIds = db.sql
    .raw<{ id: string }>("SELECT id FROM stock_movements WHERE reason <> 'initial' ORDER BY rowid")
    .map((r) => r.id);
  expect(entityIds('stock.movement.v1')).toEqual(stockIds);
  return records;
}

/** The records of one topic, in outbox order. */
export function recordsOf(records: readonly OutboxRecord[], topic: SyncTopic): OutboxRecord[] {
  return records.filter((r) => r.topic === topic);
}
