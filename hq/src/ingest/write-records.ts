import type { Insertable, Kysely } from 'kysely';
import type {
  AuditEntryPayload,
  CashMovementPayload,
  CashSessionClosedPayload,
  CashSessionOpenedPayload,
  FiscalStatusPayload,
  NotePayload,
  SalePayload,
  SaleVoidPayload,
  StockMovementPayload,
} from '../../../src-main/sync/protocol';
import type {
  AuditEntriesTable,
  CashMovementsTable,
  CashSessionsTable,
  HqDatabase,
  NoteLinesTable,
  NotesTable,
  PaymentsTable,
  SaleLinesTable,
  SalesTable,
  SaleVoidsTable,
  StockMovementsTable,
} from '../db/schema';
import type { TerminalPrincipal } from '../hq-context';
import { anyText, insertJsonRows } from './bulk-sql';
import type { ParsedRecord } from './parsed-record';

/** Accepted records grouped by topic, each list in seq order. */
interface ByTopic {
  sales: SalePayload[];
  notes: NotePayload[];
  voids: SaleVoidPayload[];
  fiscal: FiscalStatusPayload[];
  stock: StockMovementPayload[];
  opened: CashSessionOpenedPayload[];
  cashMovements: CashMovementPayload[];
  closed: CashSessionClosedPayload[];
  audit: AuditEntryPayload[];
}

function groupByTopic(records: ParsedRecord[]): ByTopic {
  const g: ByTopic = {
    sales: [],
    notes: [],
    voids: [],
    fiscal: [],
    stock: [],
    opened: [],
    cashMovements: [],
    closed: [],
    audit: [],
  };
  for (const parsed of records) {
    switch (parsed.topic) {
      case 'sale.completed.v2':
        g.sales.push(parsed.payload);
        break;
      case 'note.issued.v2':
        g.notes.push(parsed.payload);
        break;
      case 'sale.voided.v2':
        g.voids.push(parsed.payload);
        break;
      case 'fiscal.status.v1':
        g.fiscal.push(parsed.payload);
        break;
      case 'stock.movement.v1':
        g.stock.push(parsed.payload);
        break;
      case 'cash_session.opened.v1':
        g.opened.push(parsed.payload);
        break;
      case 'cash_movement.recorded.v1':
        g.cashMovements.push(parsed.payload);
        break;
      case 'cash_session.closed.v1':
        g.closed.push(parsed.payload);
        break;
      case 'audit.entry.v1':
        g.audit.push(parsed.payload);
        break;
    }
  }
  return g;
}

// PostgreSQL takes at most 65,535 parameters per statement; stay well under it.
const MAX_PARAMETERS = 30_000;

function* chunks<T extends object>(rows: T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const jsonText = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The Z report's difference, or counted minus expected cash when the terminal did not put it in. */
function differenceOf(report: CashSessionClosedPayload['report']): number | null {
  if (report.differenceCents !== undefined) return report.differenceCents;
  return report.countedCashCents === null ? null : report.countedCashCents - report.expectedCashCents;
}

const SALE_DOC_TYPES = ['01', '03'];
const NOTE_DOC_TYPES = ['07', '08'];

/** Products whose ledger the batch moved, for the oversell check. */
export interface WriteOutcome {
  stockProductIds: string[];
}

/**
 * Writes the accepted records with one statement per table, the rows passed as one JSON
 * parameter (a batch of 500 records is a handful of statements, not thousands). Order
 * matters only where rows of the same batch refer to each other: sales before their voids
 * and fiscal links, sessions before their closes.
 */
export async function writeRecords(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  records: ParsedRecord[],
  now: Date,
): Promise<WriteOutcome> {
  const g = groupByTopic(records);
  const store = principal.storeId;
  const terminal = principal.terminalId;

  await writeSales(db, principal, g.sales, now);
  await writeNotes(db, principal, g.notes, now);

  if (g.opened.length > 0) {
    const rows: Array<Insertable<CashSessionsTable>> = g.opened.map((p) => ({
      id: p.id,
      store_id: store,
      terminal_id: terminal,
      number: p.number,
      status: 'open',
      opened_at: p.openedAt,
      opened_by: p.openedBy,
      float_cents: p.floatCents,
      float_count: jsonText(p.floatCount),
    }));
    for (const part of chunks(rows)) await db.insertInto('cash_sessions').values(part).execute();
  }
  if (g.cashMovements.length > 0) {
    const rows: Array<Insertable<CashMovementsTable>> = g.cashMovements.map((p) => ({
      id: p.id,
      session_id: p.session_id,
      store_id: store,
      terminal_id: terminal,
      kind: p.kind,
      amount_cents: p.amount_cents,
      reason: p.reason,
      user_id: p.user_id,
      approver_id: p.approver_id,
      at: p.at,
    }));
    await insertJsonRows(db, 'cash_movements', rows);
  }
  // A Z close happens once a day per terminal: one statement each is fine.
  for (const p of g.closed) {
    await db
      .updateTable('cash_sessions')
      .set({
        status: 'closed',
        closed_at: p.closedAt,
        report: JSON.stringify(p.report),
        count: jsonText(p.count),
        difference_cents: differenceOf(p.report),
      })
      .where('id', '=', p.id)
      .where('terminal_id', '=', terminal)
      .execute();
  }

  if (g.voids.length > 0) {
    const rows: Array<Insertable<SaleVoidsTable>> = g.voids.map((p) => ({
      sale_id: p.saleId,
      store_id: store,
      terminal_id: terminal,
      reason: p.reason,
      voided_at: p.voidedAt,
      user_id: p.userId,
      approver_id: p.approverId,
      cash_session_id: p.cashSessionId,
    }));
    await insertJsonRows(db, 'sale_voids', rows);
    await db
      .updateTable('sales')
      .set({ voided: true })
      .where('store_id', '=', store)
      .where('id', '=', anyText(g.voids.map((p) => p.saleId)))
      .execute();
  }

  if (g.stock.length > 0) {
    const rows: Array<Insertable<StockMovementsTable>> = g.stock.map((p) => ({
      id: p.id,
      store_id: store,
      terminal_id: terminal,
      product_id: p.productId,
      quantity_milli: p.quantityMilli,
      reason: p.reason,
      sale_id: p.saleId,
      note: p.noteText,
      user_id: p.userId,
      created_at: p.createdAt,
      received_at: now,
    }));
    await insertJsonRows(db, 'stock_movements', rows);
  }

  await writeFiscalStatuses(db, principal, g.fiscal);
  await linkFiscalStatus(
    db,
    principal,
    g.sales.map((p) => p.id),
    g.notes.map((p) => p.id),
  );

  if (g.audit.length > 0) {
    const rows: Array<Insertable<AuditEntriesTable>> = g.audit.map((p) => ({
      id: p.id,
      store_id: store,
      terminal_id: terminal,
      seq: p.seq,
      at: p.at,
      user_id: p.userId,
      approver_id: p.approverId,
      action: p.action,
      entity_type: p.entityType,
      entity_id: p.entityId,
      data: p.data,
      prev_hash: p.prevHash,
      hash: p.hash,
    }));
    await insertJsonRows(db, 'audit_entries', rows);
  }

  return { stockProductIds: [...new Set(g.stock.map((p) => p.productId))] };
}

async function writeSales(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  sales: SalePayload[],
  now: Date,
): Promise<void> {
  if (sales.length === 0) return;
  const saleRows: Array<Insertable<SalesTable>> = sales.map((p) => ({
    id: p.id,
    store_id: principal.storeId,
    terminal_id: principal.terminalId,
    user_id: p.userId,
    cash_session_id: p.cashSessionId,
    doc_type: p.docType,
    serie: p.serie,
    correlativo: p.correlativo,
    issued_at: p.issuedAt,
    issue_date: p.issueDate,
    customer_doc_type: p.customerDocType,
    customer_doc_number: p.customerDocNumber,
    customer_name: p.customerName,
    gravadas_cents: p.gravadasCents,
    exoneradas_cents: p.exoneradasCents,
    inafectas_cents: p.inafectasCents,
    igv_cents: p.igvCents,
    icbper_cents: p.icbperCents,
    discount_cents: p.discountCents,
    total_cents: p.totalCents,
    paid_cents: p.paidCents,
    change_cents: p.changeCents,
    received_at: now,
  }));
  const lineRows: Array<Insertable<SaleLinesTable>> = sales.flatMap((p) =>
    p.lines.map((l) => ({
      id: l.id,
      sale_id: p.id,
      line_no: l.lineNo,
      product_id: l.productId,
      sku: l.sku,
      description: l.description,
      unit: l.unit,
      quantity_milli: l.quantityMilli,
      unit_price_cents: l.unitPriceCents,
      gross_cents: l.grossCents,
      discount_cents: l.discountCents,
      amount_cents: l.amountCents,
      igv_affectation: l.igvAffectation,
      taxable_cents: l.taxableCents,
      igv_cents: l.igvCents,
      icbper_cents: l.icbperCents,
    })),
  );
  const paymentRows: Array<Insertable<PaymentsTable>> = sales.flatMap((p) =>
    p.payments.map((x) => ({
      id: x.id,
      sale_id: p.id,
      seq: x.seq,
      method: x.method,
      amount_cents: x.amountCents,
      tendered_cents: x.tenderedCents,
      change_cents: x.changeCents,
      usd_cents: x.usdCents,
      rate_e4: x.rateE4,
      wallet: x.wallet,
      card_brand: x.cardBrand,
      reference: x.reference,
    })),
  );
  await insertJsonRows(db, 'sales', saleRows);
  await insertJsonRows(db, 'sale_lines', lineRows);
  await insertJsonRows(db, 'payments', paymentRows);
}

async function writeNotes(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  notes: NotePayload[],
  now: Date,
): Promise<void> {
  if (notes.length === 0) return;
  const noteRows: Array<Insertable<NotesTable>> = notes.map((p) => ({
    id: p.id,
    store_id: principal.storeId,
    terminal_id: principal.terminalId,
    sale_id: p.saleId,
    doc_type: p.docType,
    serie: p.serie,
    correlativo: p.correlativo,
    reason_code: p.reasonCode,
    reason_text: p.reasonText,
    issued_at: p.issuedAt,
    issue_date: p.issueDate,
    user_id: p.userId,
    approver_id: p.approverId,
    total_cents: p.totalCents,
    igv_cents: p.igvCents,
    refund_method: p.refundMethod,
    refund_cents: p.refundCents,
    restock: p.restock,
    cash_session_id: p.cashSessionId,
    received_at: now,
  }));
  const lineRows: Array<Insertable<NoteLinesTable>> = notes.flatMap((p) =>
    p.lines.map((l) => ({
      id: l.id,
      note_id: p.id,
      line_no: l.lineNo,
      sale_line_id: l.saleLineId,
      product_id: l.productId,
      sku: l.sku,
      description: l.description,
      quantity_milli: l.quantityMilli,
      amount_cents: l.amountCents,
      igv_cents: l.igvCents,
    })),
  );
  await insertJsonRows(db, 'notes', noteRows);
  await insertJsonRows(db, 'note_lines', lineRows);
}

/** Upserts each document's status; a status older than the one HQ holds (by `at`) changes nothing. */
async function writeFiscalStatuses(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  statuses: FiscalStatusPayload[],
): Promise<void> {
  if (statuses.length === 0) return;
  // One row per document (PostgreSQL cannot upsert the same row twice in one statement):
  // the newest `at` wins, and on a tie the later record.
  const latest = new Map<string, FiscalStatusPayload>();
  for (const p of statuses) {
    const held = latest.get(p.documentId);
    if (!held || Date.parse(p.at) >= Date.parse(held.at)) latest.set(p.documentId, p);
  }
  const rows = [...latest.values()].map((p) => ({
    id: p.documentId,
    store_id: principal.storeId,
    terminal_id: principal.terminalId,
    doc_type: p.docType,
    serie: p.serie,
    correlativo: p.correlativo,
    sale_id: p.saleId,
    note_id: p.noteId,
    status: p.status,
    voided: p.voided,
    sunat_code: p.sunatCode,
    sunat_message: p.sunatMessage,
    status_at: p.at,
  }));
  const changed: Array<{ doc_type: string; sale_id: string | null; note_id: string | null; status: string }> =
    [];
  for (const part of chunks(rows)) {
    const returned = await db
      .insertInto('fiscal_documents')
      .values(part)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            voided: eb.ref('excluded.voided'),
            sunat_code: eb.ref('excluded.sunat_code'),
            sunat_message: eb.ref('excluded.sunat_message'),
            status_at: eb.ref('excluded.status_at'),
            sale_id: eb.fn.coalesce('excluded.sale_id', 'fiscal_documents.sale_id'),
            note_id: eb.fn.coalesce('excluded.note_id', 'fiscal_documents.note_id'),
          }))
          .where((eb) =>
            eb.and([
              eb('fiscal_documents.status_at', '<=', eb.ref('excluded.status_at')),
              eb('fiscal_documents.terminal_id', '=', eb.ref('excluded.terminal_id')),
            ]),
          ),
      )
      .returning(['doc_type', 'sale_id', 'note_id', 'status'])
      .execute();
    changed.push(...returned);
  }
  // Few distinct statuses per batch: one UPDATE per status keeps it set-based.
  const byStatus = (docTypes: string[], key: 'sale_id' | 'note_id') => {
    const map = new Map<string, string[]>();
    for (const row of changed) {
      const id = row[key];
      if (id === null || !docTypes.includes(row.doc_type)) continue;
      map.set(row.status, [...(map.get(row.status) ?? []), id]);
    }
    return map;
  };
  for (const [status, ids] of byStatus(SALE_DOC_TYPES, 'sale_id')) {
    await db
      .updateTable('sales')
      .set({ fiscal_status: status })
      .where('store_id', '=', principal.storeId)
      .where('id', '=', anyText(ids))
      .execute();
  }
  for (const [status, ids] of byStatus(NOTE_DOC_TYPES, 'note_id')) {
    await db
      .updateTable('notes')
      .set({ fiscal_status: status })
      .where('store_id', '=', principal.storeId)
      .where('id', '=', anyText(ids))
      .execute();
  }
}

/** New sales and notes take the status of a document whose status arrived before them. */
async function linkFiscalStatus(
  db: Kysely<HqDatabase>,
  principal: TerminalPrincipal,
  saleIds: string[],
  noteIds: string[],
): Promise<void> {
  if (saleIds.length > 0) {
    await db
      .updateTable('sales')
      .from('fiscal_documents')
      .set((eb) => ({ fiscal_status: eb.ref('fiscal_documents.status') }))
      .whereRef('fiscal_documents.sale_id', '=', 'sales.id')
      .where('fiscal_documents.store_id', '=', principal.storeId)
      .where('fiscal_documents.doc_type', 'in', SALE_DOC_TYPES)
      .where('sales.id', '=', anyText(saleIds))
      .execute();
  }
  if (noteIds.length > 0) {
    await db
      .updateTable('notes')
      .from('fiscal_documents')
      .set((eb) => ({ fiscal_status: eb.ref('fiscal_documents.status') }))
      .whereRef('fiscal_documents.note_id', '=', 'notes.id')
      .where('fiscal_documents.store_id', '=', principal.storeId)
      .where('fiscal_documents.doc_type', 'in', NOTE_DOC_TYPES)
      .where('notes.id', '=', anyText(noteIds))
      .execute();
  }
}
