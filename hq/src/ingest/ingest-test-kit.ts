import { sql } from 'kysely';
import { auditEntryPayload } from '../../../src-main/sync/payloads';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { GENESIS_HASH, hashAuditEntry } from '../../../src-main/audit/audit-log';
import type {
  AuditEntryPayload,
  CashMovementPayload,
  CashSessionClosedPayload,
  CashSessionOpenedPayload,
  FiscalStatusPayload,
  NotePayload,
  PushRecord,
  PushRequest,
  SalePayload,
  SaleVoidPayload,
  StockMovementPayload,
  SyncTopic,
  TopicPayload,
} from '../../../src-main/sync/protocol';
import { openHqDatabase, type HqDatabaseHandle } from '../db/open-database';
import type { HqContext, TerminalPrincipal } from '../hq-context';
import { startTempPostgres, type TempPostgres } from '../testing/temp-postgres';

/** Test helpers for ingest: a migrated HQ database with two stores, and payload builders. */

export type Engine = 'pglite' | 'postgres';

let server: TempPostgres | null = null;
let databases = 0;

/** A fresh, migrated database: PGlite in memory, or a new database on one shared temp PostgreSQL. */
export async function openTestDatabase(engine: Engine): Promise<HqDatabaseHandle> {
  if (engine === 'pglite') return openHqDatabase({});
  server ??= await startTempPostgres();
  const name = `ingest_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openHqDatabase({ databaseUrl: server.url.replace(/\/[^/]+$/, `/${name}`), poolSize: 4 });
}

export async function stopTestPostgres(): Promise<void> {
  await server?.stop();
  server = null;
}

export interface IngestWorld {
  handle: HqDatabaseHandle;
  ctx: HqContext;
  /** Terminal 1 of store A: the sender in most tests. */
  caja1: TerminalPrincipal;
  /** Terminal 2 of store A. */
  caja2: TerminalPrincipal;
  /** The only terminal of store B. */
  otraTienda: TerminalPrincipal;
  close(): Promise<void>;
}

const principal = (terminalId: string, storeId: string, code: string): TerminalPrincipal => ({
  terminalId,
  storeId,
  code,
  schemaVersion: 9,
  appVersion: '0.1.0',
  clockSkewMs: null,
});

export async function openIngestWorld(engine: Engine): Promise<IngestWorld> {
  const handle = await openTestDatabase(engine);
  const { db } = handle;
  await db
    .insertInto('stores')
    .values([
      { id: 'store-a', ruc: '20601234565', legal_name: 'Bodega Central SAC', trade_name: 'Bodega Central' },
      { id: 'store-b', ruc: '20605555551', legal_name: 'Minimarket Sur SAC', trade_name: 'Minimarket Sur' },
    ])
    .execute();
  await db
    .insertInto('terminals')
    .values([
      { id: 'term-a1', store_id: 'store-a', code: 'CAJA1', name: 'Caja 1', token_hash: 'x' },
      { id: 'term-a2', store_id: 'store-a', code: 'CAJA2', name: 'Caja 2', token_hash: 'x' },
      { id: 'term-b1', store_id: 'store-b', code: 'CAJA1', name: 'Caja 1', token_hash: 'x' },
    ])
    .execute();
  let clock = new Date('2026-11-23T20:00:00Z');
  const ctx: HqContext = {
    db,
    engine: handle.engine,
    now: () => {
      clock = new Date(clock.getTime() + 1000);
      return clock;
    },
    adminToken: 'admin',
  };
  return {
    handle,
    ctx,
    caja1: principal('term-a1', 'store-a', 'CAJA1'),
    caja2: principal('term-a2', 'store-a', 'CAJA2'),
    otraTienda: principal('term-b1', 'store-b', 'CAJA1'),
    close: () => handle.close(),
  };
}

const INGEST_TABLES = [
  'received_records',
  'push_batches',
  'sales',
  'sale_lines',
  'payments',
  'notes',
  'note_lines',
  'sale_voids',
  'fiscal_documents',
  'stock_movements',
  'stock_reconciliation_items',
  'cash_sessions',
  'cash_movements',
  'audit_entries',
] as const;

/** Empties what ingest writes (opening a PGlite takes seconds; a TRUNCATE does not). */
export async function resetIngestWorld(world: IngestWorld): Promise<void> {
  await sql.raw(`TRUNCATE ${INGEST_TABLES.join(', ')}`).execute(world.handle.db);
  await world.handle.db.updateTable('terminals').set({ last_seq: 0, last_push_at: null }).execute();
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/** Numbers outbox rows per terminal, as the terminal's outbox does. */
export class RecordFactory {
  private seq = 0;
  constructor(readonly terminal: TerminalPrincipal) {}

  record<T extends SyncTopic>(topic: T, entityId: string, payload: TopicPayload<T>): PushRecord {
    return this.raw(topic, entityId, payload);
  }

  /** A record the protocol's types would not let a terminal write (an unknown topic, a broken payload). */
  raw(topic: string, entityId: string, payload: unknown): PushRecord {
    this.seq += 1;
    return { id: uuidv7(), seq: this.seq, topic, entityId, createdAt: '2026-11-23T15:00:00-05:00', payload };
  }

  batch(records: PushRecord[]): PushRequest {
    return { batchId: uuidv7(), terminalId: this.terminal.terminalId, records };
  }
}

export interface LineSpec {
  productId: string;
  quantityMilli: number;
  unitPriceCents: number;
}

/** A boleta with IGV (18 %) included in the prices, paid in cash, totals consistent to the céntimo. */
export function salePayload(
  terminal: TerminalPrincipal,
  input: {
    serie?: string;
    correlativo: number;
    lines: LineSpec[];
    cashSessionId?: string | null;
    card?: boolean;
  },
): SalePayload {
  const id = uuidv7();
  const lines = input.lines.map((spec, index) => {
    const amountCents = Math.round((spec.quantityMilli * spec.unitPriceCents) / 1000);
    const taxableCents = Math.round(amountCents / 1.18);
    return {
      id: uuidv7(),
      lineNo: index + 1,
      productId: spec.productId,
      sku: `SKU-${spec.productId}`,
      description: `Producto ${spec.productId}`,
      unit: 'NIU' as const,
      quantityMilli: spec.quantityMilli,
      unitPriceCents: spec.unitPriceCents,
      grossCents: amountCents,
      discountCents: 0,
      amountCents,
      igvAffectation: '10' as const,
      taxableCents,
      igvCents: amountCents - taxableCents,
      icbperCents: 0,
    };
  });
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const gravadasCents = lines.reduce((s, l) => s + l.taxableCents, 0);
  const card = input.card === true;
  const cardPart = card ? Math.floor(totalCents / 2) : 0;
  const payments = [
    {
      id: uuidv7(),
      seq: 1,
      method: 'cash' as const,
      amountCents: totalCents - cardPart,
      tenderedCents: totalCents - cardPart,
      changeCents: 0,
      usdCents: null,
      rateE4: null,
      wallet: null,
      cardBrand: null,
      reference: null,
    },
    ...(card
      ? [
          {
            id: uuidv7(),
            seq: 2,
            method: 'card' as const,
            amountCents: cardPart,
            tenderedCents: cardPart,
            changeCents: 0,
            usdCents: null,
            rateE4: null,
            wallet: null,
            cardBrand: 'VISA',
            reference: '123456',
          },
        ]
      : []),
  ];
  return {
    id,
    storeId: terminal.storeId,
    terminalId: terminal.terminalId,
    userId: 'user-cajero',
    cashSessionId: input.cashSessionId ?? null,
    docType: '03',
    serie: input.serie ?? 'B001',
    correlativo: input.correlativo,
    issuedAt: '2026-11-23T15:00:00-05:00',
    issueDate: '2026-11-23',
    customerDocType: null,
    customerDocNumber: null,
    customerName: null,
    gravadasCents,
    exoneradasCents: 0,
    inafectasCents: 0,
    igvCents: totalCents - gravadasCents,
    icbperCents: 0,
    discountCents: 0,
    totalCents,
    paidCents: totalCents,
    changeCents: 0,
    lines,
    payments,
  };
}

/** The stock movements a sale makes: one per line, negative. */
export function saleStockMovements(terminal: TerminalPrincipal, sale: SalePayload): StockMovementPayload[] {
  return sale.lines.map((line) => stockMovement(terminal, line.productId, -line.quantityMilli, sale.id));
}

export function stockMovement(
  terminal: TerminalPrincipal,
  productId: string,
  quantityMilli: number,
  saleId: string | null = null,
): StockMovementPayload {
  return {
    id: uuidv7(),
    terminalId: terminal.terminalId,
    productId,
    quantityMilli,
    reason: saleId ? 'sale' : 'adjustment',
    saleId,
    noteText: null,
    userId: 'user-cajero',
    createdAt: '2026-11-23T15:00:01-05:00',
  };
}

export function voidPayload(terminal: TerminalPrincipal, saleId: string): SaleVoidPayload {
  return {
    saleId,
    terminalId: terminal.terminalId,
    reason: 'Error en el cobro',
    voidedAt: '2026-11-23T16:00:00-05:00',
    userId: 'user-supervisor',
    approverId: null,
    cashSessionId: null,
  };
}

export function notePayload(
  terminal: TerminalPrincipal,
  sale: SalePayload,
  correlativo: number,
): NotePayload {
  const line = sale.lines[0];
  if (!line) throw new Error('sale without lines');
  return {
    id: uuidv7(),
    storeId: terminal.storeId,
    terminalId: terminal.terminalId,
    saleId: sale.id,
    docType: '07',
    serie: 'BC01',
    correlativo,
    reasonCode: '07',
    reasonText: 'Devolución por ítem',
    issuedAt: '2026-11-23T17:00:00-05:00',
    issueDate: '2026-11-23',
    userId: 'user-supervisor',
    approverId: null,
    totalCents: line.amountCents,
    igvCents: line.igvCents,
    refundMethod: 'cash',
    refundCents: line.amountCents,
    restock: true,
    cashSessionId: null,
    lines: [
      {
        id: uuidv7(),
        lineNo: 1,
        saleLineId: line.id,
        productId: line.productId,
        sku: line.sku,
        description: line.description,
        quantityMilli: line.quantityMilli,
        amountCents: line.amountCents,
        igvCents: line.igvCents,
      },
    ],
  };
}

export function fiscalStatus(
  terminal: TerminalPrincipal,
  sale: SalePayload,
  status: FiscalStatusPayload['status'],
  at: string,
  documentId: string,
): FiscalStatusPayload {
  return {
    documentId,
    terminalId: terminal.terminalId,
    docType: sale.docType,
    serie: sale.serie,
    correlativo: sale.correlativo,
    saleId: sale.id,
    noteId: null,
    status,
    voided: false,
    sunatCode: status === 'accepted' ? '0' : null,
    sunatMessage: null,
    at,
  };
}

export function sessionOpened(terminal: TerminalPrincipal, number: number): CashSessionOpenedPayload {
  return {
    id: uuidv7(),
    terminalId: terminal.terminalId,
    number,
    openedAt: '2026-11-23T08:00:00-05:00',
    openedBy: 'user-cajero',
    floatCents: 10_000,
    floatCount: { '100.00': 1 },
  };
}

export function cashMovement(sessionId: string, amountCents: number): CashMovementPayload {
  return {
    id: uuidv7(),
    session_id: sessionId,
    kind: 'out',
    amount_cents: amountCents,
    reason: 'Pago a proveedor',
    user_id: 'user-cajero',
    approver_id: null,
    at: '2026-11-23T12:00:00-05:00',
  };
}

export function sessionClosed(
  sessionId: string,
  expectedCashCents: number,
  countedCashCents: number,
): CashSessionClosedPayload {
  return {
    id: sessionId,
    closedAt: '2026-11-23T21:00:00-05:00',
    report: {
      kind: 'Z',
      store: { tradeName: 'Bodega Central', ruc: '20601234565' },
      terminalCode: 'CAJA1',
      sessionNumber: 1,
      openedAt: '2026-11-23T08:00:00-05:00',
      openedBy: 'Ana',
      closedAt: '2026-11-23T21:00:00-05:00',
      closedBy: 'Ana',
      printedAt: '2026-11-23T21:00:00-05:00',
      copy: false,
      floatCents: 10_000,
      salesCount: 1,
      salesTotalCents: expectedCashCents - 10_000,
      methods: [{ label: 'Efectivo', expectedCents: expectedCashCents, countedCents: countedCashCents }],
      movements: [],
      denominations: [{ label: 'S/ 100', count: 1, amountCents: 10_000 }],
      expectedCashCents,
      countedCashCents,
    },
    count: { '100.00': 1 },
  };
}

/** Builds a terminal's hash chain, entry by entry, exactly as the terminal's AuditLog does. */
export class AuditChain {
  private seq = 0;
  private prevHash = GENESIS_HASH;
  constructor(readonly terminal: TerminalPrincipal) {}

  next(action: string, entityId: string | null, data: unknown): AuditEntryPayload {
    this.seq += 1;
    const row = {
      id: uuidv7(),
      at: '2026-11-23T15:00:02-05:00',
      terminal_id: this.terminal.terminalId,
      user_id: 'user-cajero',
      approver_id: null,
      action,
      entity_type: 'sale',
      entity_id: entityId,
      data: JSON.stringify(data),
      prev_hash: this.prevHash,
    };
    const hash = hashAuditEntry(row);
    this.prevHash = hash;
    return auditEntryPayload({ ...row, seq: this.seq, hash });
  }
}

/** Row counts of every table ingest writes. */
export async function countRows(handle: HqDatabaseHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of INGEST_TABLES) {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
