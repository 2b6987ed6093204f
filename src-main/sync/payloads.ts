import type { Kysely, Selectable } from 'kysely';
import type {
  AuditLogTable,
  Database,
  FiscalDocumentTable,
  NoteLineTable,
  NoteTable,
  PaymentTable,
  SaleLineTable,
  SaleTable,
  SaleVoidTable,
  StockMovementTable,
} from '../../db/schema';
import type { TerminalIdentity } from '../core/context';
import type { Sql } from '../storage/sql';
import type {
  AuditEntryPayload,
  FiscalStatusPayload,
  NotePayload,
  SalePayload,
  SaleVoidPayload,
  StockMovementPayload,
} from './protocol';

/**
 * The payloads headquarters receives, built from the rows exactly as they were written. Each
 * topic has a pure builder (the writer calls it with the rows it has just inserted, so a sale
 * pays no extra read) and a loader that reads the same rows back (tests, repairs). Migration
 * 0009 builds the same JSON in SQL for rows written before; its test holds the two together.
 */

export type SaleRow = Selectable<SaleTable>;
export type SaleLineRow = Selectable<SaleLineTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type NoteRow = Selectable<NoteTable>;
export type NoteLineRow = Selectable<NoteLineTable>;
export type SaleVoidRow = Selectable<SaleVoidTable>;
export type StockMovementRow = Selectable<StockMovementTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

/** What a fiscal status record needs: no signed XML, no CDR bytes. */
export type FiscalStatusFields = Pick<
  Selectable<FiscalDocumentTable>,
  | 'id'
  | 'doc_type'
  | 'serie'
  | 'correlativo'
  | 'sale_id'
  | 'note_id'
  | 'status'
  | 'voided'
  | 'sunat_code'
  | 'sunat_message'
  | 'updated_at'
>;

/** The terminal a record comes from, for rows that do not name it themselves. */
export type SyncIdentity = Pick<TerminalIdentity, 'storeId' | 'terminalId'>;

export function salePayload(
  sale: SaleRow,
  lines: readonly SaleLineRow[],
  payments: readonly PaymentRow[],
): SalePayload {
  return {
    id: sale.id,
    storeId: sale.store_id,
    terminalId: sale.terminal_id,
    userId: sale.user_id,
    cashSessionId: sale.cash_session_id,
    docType: sale.doc_type,
    serie: sale.serie,
    correlativo: sale.correlativo,
    issuedAt: sale.issued_at,
    issueDate: sale.issue_date,
    customerDocType: sale.customer_doc_type,
    customerDocNumber: sale.customer_doc_number,
    customerName: sale.customer_name,
    gravadasCents: sale.gravadas_cents,
    exoneradasCents: sale.exoneradas_cents,
    inafectasCents: sale.inafectas_cents,
    igvCents: sale.igv_cents,
    icbperCents: sale.icbper_cents,
    discountCents: sale.discount_cents,
    totalCents: sale.total_cents,
    paidCents: sale.paid_cents,
    changeCents: sale.change_cents,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      description: l.description,
      unit: l.unit,
      quantityMilli: l.quantity_milli,
      unitPriceCents: l.unit_price_cents,
      grossCents: l.gross_cents,
      discountCents: l.discount_cents,
      amountCents: l.amount_cents,
      igvAffectation: l.igv_affectation,
      taxableCents: l.taxable_cents,
      igvCents: l.igv_cents,
      icbperCents: l.icbper_cents,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      seq: p.seq,
      method: p.method,
      amountCents: p.amount_cents,
      tenderedCents: p.tendered_cents,
      changeCents: p.change_cents,
      usdCents: p.usd_cents,
      rateE4: p.rate_e4,
      wallet: p.wallet,
      cardBrand: p.card_brand,
      reference: p.reference,
    })),
  };
}

export function notePayload(
  terminal: SyncIdentity,
  note: NoteRow,
  lines: readonly NoteLineRow[],
): NotePayload {
  return {
    id: note.id,
    storeId: terminal.storeId,
    terminalId: terminal.terminalId,
    saleId: note.sale_id,
    docType: note.doc_type,
    serie: note.serie,
    correlativo: note.correlativo,
    reasonCode: note.reason_code,
    reasonText: note.reason_text,
    issuedAt: note.issued_at,
    issueDate: note.issue_date,
    userId: note.user_id,
    approverId: note.approver_id,
    totalCents: note.total_cents,
    igvCents: note.igv_cents,
    refundMethod: note.refund_method,
    refundCents: note.refund_cents,
    restock: note.restock === 1,
    cashSessionId: note.cash_session_id,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      saleLineId: l.sale_line_id,
      productId: l.product_id,
      sku: l.sku,
      description: l.description,
      quantityMilli: l.quantity_milli,
      amountCents: l.amount_cents,
      igvCents: l.igv_cents,
    })),
  };
}

export function saleVoidPayload(terminalId: string, row: SaleVoidRow): SaleVoidPayload {
  return {
    saleId: row.sale_id,
    terminalId,
    reason: row.reason,
    voidedAt: row.voided_at,
    userId: row.user_id,
    approverId: row.approver_id,
    cashSessionId: row.cash_session_id,
  };
}

/** `at` is the row's `updated_at`: the instant of the change it reports. */
export function fiscalStatusPayload(terminalId: string, row: FiscalStatusFields): FiscalStatusPayload {
  return {
    documentId: row.id,
    terminalId,
    docType: row.doc_type,
    serie: row.serie,
    correlativo: row.correlativo,
    saleId: row.sale_id,
    noteId: row.note_id,
    status: row.status,
    voided: row.voided === 1,
    sunatCode: row.sunat_code,
    sunatMessage: row.sunat_message,
    at: row.updated_at,
  };
}

export function stockMovementPayload(row: StockMovementRow): StockMovementPayload {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    productId: row.product_id,
    quantityMilli: row.quantity_milli,
    reason: row.reason,
    saleId: row.sale_id,
    noteText: row.note,
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

/** `data` stays the JSON text that was hashed: re-serialising it could change the bytes. */
export function auditEntryPayload(row: AuditLogRow): AuditEntryPayload {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    terminalId: row.terminal_id,
    userId: row.user_id,
    approverId: row.approver_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

// ---------------------------------------------------------------------------------------
// Loaders: the same payloads from the rows as stored
// ---------------------------------------------------------------------------------------

export function loadSalePayload(sql: Sql, qb: Kysely<Database>, saleId: string): SalePayload {
  const sale = found(sql.first(qb.selectFrom('sales').selectAll().where('id', '=', saleId)), 'sale', saleId);
  const lines = sql.all(
    qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', saleId).orderBy('line_no'),
  );
  const payments = sql.all(
    qb.selectFrom('payments').selectAll().where('sale_id', '=', saleId).orderBy('seq'),
  );
  return salePayload(sale, lines, payments);
}

export function loadNotePayload(
  sql: Sql,
  qb: Kysely<Database>,
  terminal: SyncIdentity,
  noteId: string,
): NotePayload {
  const note = found(sql.first(qb.selectFrom('notes').selectAll().where('id', '=', noteId)), 'note', noteId);
  const lines = sql.all(
    qb.selectFrom('note_lines').selectAll().where('note_id', '=', noteId).orderBy('line_no'),
  );
  return notePayload(terminal, note, lines);
}

export function loadSaleVoidPayload(
  sql: Sql,
  qb: Kysely<Database>,
  terminalId: string,
  saleId: string,
): SaleVoidPayload {
  const row = sql.first(qb.selectFrom('sale_voids').selectAll().where('sale_id', '=', saleId));
  return saleVoidPayload(terminalId, found(row, 'sale void', saleId));
}

export function loadFiscalStatusPayload(
  sql: Sql,
  qb: Kysely<Database>,
  terminalId: string,
  documentId: string,
): FiscalStatusPayload {
  const row = sql.first(
    qb
      .selectFrom('fiscal_documents')
      .select([
        'id',
        'doc_type',
        'serie',
        'correlativo',
        'sale_id',
        'note_id',
        'status',
        'voided',
        'sunat_code',
        'sunat_message',
        'updated_at',
      ])
      .where('id', '=', documentId),
  );
  return fiscalStatusPayload(terminalId, found(row, 'fiscal document', documentId));
}

export function loadStockMovementPayload(
  sql: Sql,
  qb: Kysely<Database>,
  movementId: string,
): StockMovementPayload {
  const row = sql.first(qb.selectFrom('stock_movements').selectAll().where('id', '=', movementId));
  return stockMovementPayload(found(row, 'stock movement', movementId));
}

export function loadAuditEntryPayload(sql: Sql, qb: Kysely<Database>, entryId: string): AuditEntryPayload {
  const row = sql.first(qb.selectFrom('audit_log').selectAll().where('id', '=', entryId));
  return auditEntryPayload(found(row, 'audit entry', entryId));
}

function found<T>(row: T | undefined, what: string, id: string): T {
  if (row === undefined) throw new Error(`${what} ${id} not found`);
  return row;
}
