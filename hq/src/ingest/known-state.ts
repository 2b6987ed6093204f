import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../db/schema';
import type { TerminalPrincipal } from '../hq-context';
import { anyText } from './bulk-sql';
import type { ParsedRecord } from './parsed-record';

export interface KnownSale {
  storeId: string;
  number: string;
  voided: boolean;
}

export interface KnownSession {
  terminalId: string;
  status: 'open' | 'closed';
}

/**
 * What headquarters already holds that the records of a batch refer to or could collide
 * with, loaded with one query per table before anything is written. The decision pass
 * then adds what the batch itself brings, record by record in seq order.
 */
export interface KnownState {
  sales: Map<string, KnownSale>;
  /** `serie-correlativo` of the sender's store → sale id. */
  saleNumbers: Map<string, string>;
  notes: Map<string, { storeId: string }>;
  noteNumbers: Map<string, string>;
  sessions: Map<string, KnownSession>;
  cashMovementIds: Set<string>;
  stockMovementIds: Set<string>;
  auditIds: Set<string>;
  /** Audit seqs of the sender's terminal. */
  auditSeqs: Set<number>;
  fiscalDocuments: Map<string, { storeId: string; terminalId: string }>;
  /** Child rows of the batch (lines, payments): ids must not repeat across its records. */
  childIds: Set<string>;
}

export const numberKey = (serie: string, correlativo: number): string =>
  `${serie.trim()}-${String(correlativo).padStart(8, '0')}`;

interface Wanted {
  saleIds: Set<string>;
  saleNumbers: Array<{ serie: string; correlativo: number }>;
  noteIds: Set<string>;
  noteNumbers: Array<{ serie: string; correlativo: number }>;
  sessionIds: Set<string>;
  cashMovementIds: Set<string>;
  stockMovementIds: Set<string>;
  auditIds: Set<string>;
  auditSeqs: Set<number>;
  fiscalIds: Set<string>;
}

function wantedBy(records: ParsedRecord[]): Wanted {
  const w: Wanted = {
    saleIds: new Set(),
    saleNumbers: [],
    noteIds: new Set(),
    noteNumbers: [],
    sessionIds: new Set(),
    cashMovementIds: new Set(),
    stockMovementIds: new Set(),
    auditIds: new Set(),
    auditSeqs: new Set(),
    fiscalIds: new Set(),
  };
  const session = (id: string | null) => {
    if (id !== null) w.sessionIds.add(id);
  };
  for (const parsed of records) {
    switch (parsed.topic) {
      case 'sale.completed.v2':
        w.saleIds.add(parsed.payload.id);
        w.saleNumbers.push(parsed.payload);
        session(parsed.payload.cashSessionId);
        break;
      case 'note.issued.v2':
        w.noteIds.add(parsed.payload.id);
        w.noteNumbers.push(parsed.payload);
        w.saleIds.add(parsed.payload.saleId);
        session(parsed.payload.cashSessionId);
        break;
      case 'sale.voided.v2':
        w.saleIds.add(parsed.payload.saleId);
        session(parsed.payload.cashSessionId);
        break;
      case 'fiscal.status.v1':
        w.fiscalIds.add(parsed.payload.documentId);
        if (parsed.payload.saleId !== null) w.saleIds.add(parsed.payload.saleId);
        if (parsed.payload.noteId !== null) w.noteIds.add(parsed.payload.noteId);
        break;
      case 'stock.movement.v1':
        w.stockMovementIds.add(parsed.payload.id);
        if (parsed.payload.saleId !== null) w.saleIds.add(parsed.payload.saleId);
        break;
      case 'cash_session.opened.v1':
        session(parsed.payload.id);
        break;
      case 'cash_movement.recorded.v1':
        w.cashMovementIds.add(parsed.payload.id);
        session(parsed.payload.session_id);
        break;
      case 'cash_session.closed.v1':
        session(parsed.payload.id);
        break;
      case 'audit.entry.v1':
        w.auditIds.add(parsed.payload.id);
        w.auditSeqs.add(parsed.payload.seq);
        break;
    }
  }
  return w;
}

interface DocumentKeyRow {
  id: string;
  store_id: string;
  serie: string;
  correlativo: number;
  voided: boolean;
}

/**
 * Sales (or notes) by id, and the sender store's ones holding any of the given numbers. Each
 * number is one probe of the UNIQUE (store_id, serie, correlativo) index (LATERAL … LIMIT 1):
 * the plan stays an index lookup even while a bulk load leaves the table's statistics stale,
 * where an IN list would let the planner scan the whole store.
 */
async function documentsByIdOrNumber(
  db: Kysely<HqDatabase>,
  table: 'sales' | 'notes',
  store: string,
  ids: Set<string>,
  numbers: Array<{ serie: string; correlativo: number }>,
): Promise<DocumentKeyRow[]> {
  const voided = table === 'sales' ? sql`voided` : sql`false`;
  // bpchar[]: serie is char(4), and comparing it as text would not use the index.
  const result = await sql<DocumentKeyRow>`
    SELECT id, store_id, serie, correlativo, ${voided} AS voided FROM ${sql.table(table)} WHERE id = ${anyText(ids)}
    UNION
    SELECT d.id, d.store_id, d.serie, d.correlativo, d.voided
    FROM unnest(${numbers.map((n) => n.serie)}::bpchar[], ${numbers.map((n) => n.correlativo)}::integer[])
      AS k(serie, correlativo)
    CROSS JOIN LATERAL (
      SELECT id, store_id, serie, correlativo, ${voided} AS voided FROM ${sql.table(table)}
      WHERE store_id = ${store} AND serie = k.serie AND correlativo = k.correlativo LIMIT 1
    ) AS d`.execute(db);
  return result.rows;
}

/** One query per table the batch touches (none for tables it does not): a typical sales batch makes three. */
export async function loadKnownState(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  records: ParsedRecord[],
): Promise<KnownState> {
  const w = wantedBy(records);
  const known: KnownState = {
    sales: new Map(),
    saleNumbers: new Map(),
    notes: new Map(),
    noteNumbers: new Map(),
    sessions: new Map(),
    cashMovementIds: new Set(),
    stockMovementIds: new Set(),
    auditIds: new Set(),
    auditSeqs: new Set(),
    fiscalDocuments: new Map(),
    childIds: new Set(),
  };
  const store = principal.storeId;

  if (w.saleIds.size > 0 || w.saleNumbers.length > 0) {
    const rows = await documentsByIdOrNumber(db, 'sales', store, w.saleIds, w.saleNumbers);
    for (const row of rows) {
      const number = numberKey(row.serie, row.correlativo);
      if (w.saleIds.has(row.id))
        known.sales.set(row.id, { storeId: row.store_id, number, voided: row.voided });
      if (row.store_id === store) known.saleNumbers.set(number, row.id);
    }
  }

  if (w.noteIds.size > 0 || w.noteNumbers.length > 0) {
    const rows = await documentsByIdOrNumber(db, 'notes', store, w.noteIds, w.noteNumbers);
    for (const row of rows) {
      if (w.noteIds.has(row.id)) known.notes.set(row.id, { storeId: row.store_id });
      if (row.store_id === store) known.noteNumbers.set(numberKey(row.serie, row.correlativo), row.id);
    }
  }

  if (w.sessionIds.size > 0) {
    const rows = await db
      .selectFrom('cash_sessions')
      .select(['id', 'terminal_id', 'status'])
      .where('id', '=', anyText(w.sessionIds))
      .execute();
    for (const row of rows) known.sessions.set(row.id, { terminalId: row.terminal_id, status: row.status });
  }

  if (w.cashMovementIds.size > 0) {
    const rows = await db
      .selectFrom('cash_movements')
      .select('id')
      .where('id', '=', anyText(w.cashMovementIds))
      .execute();
    for (const row of rows) known.cashMovementIds.add(row.id);
  }

  if (w.stockMovementIds.size > 0) {
    const rows = await db
      .selectFrom('stock_movements')
      .select('id')
      .where('id', '=', anyText(w.stockMovementIds))
      .execute();
    for (const row of rows) known.stockMovementIds.add(row.id);
  }

  if (w.auditIds.size > 0) {
    const rows = await sql<{ id: string; terminal_id: string; seq: number }>`
      SELECT id, terminal_id, seq FROM audit_entries WHERE id = ${anyText(w.auditIds)}
      UNION
      SELECT a.id, a.terminal_id, a.seq FROM unnest(${[...w.auditSeqs]}::bigint[]) AS k(seq)
      CROSS JOIN LATERAL (
        SELECT id, terminal_id, seq FROM audit_entries
        WHERE terminal_id = ${principal.terminalId} AND seq = k.seq LIMIT 1
      ) AS a`.execute(db);
    for (const row of rows.rows) {
      known.auditIds.add(row.id);
      if (row.terminal_id === principal.terminalId) known.auditSeqs.add(row.seq);
    }
  }

  if (w.fiscalIds.size > 0) {
    const rows = await db
      .selectFrom('fiscal_documents')
      .select(['id', 'store_id', 'terminal_id'])
      .where('id', '=', anyText(w.fiscalIds))
      .execute();
    for (const row of rows)
      known.fiscalDocuments.set(row.id, { storeId: row.store_id, terminalId: row.terminal_id });
  }

  return known;
}
