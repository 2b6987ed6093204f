import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The outbox speaks the sync protocol (src-main/sync/protocol.ts at this release):
 * - rows not yet acknowledged under the old topics are rewritten into the new payloads, built
 *   from the rows they describe (sale.completed.v1 → v2, note.issued.v1 → v2, sale.voided.v1 → v2);
 * - what headquarters must hear of but never went into the outbox is queued behind them:
 *   every audit entry (in seq order, so HQ can re-check the chain), every stock movement but
 *   the opening stock (in the order written), and the current state of every fiscal document
 *   that is no longer a plain pending one (HQ takes an unknown document as pending).
 * Same JSON as src-main/sync/payloads.ts builds; the migration's test holds the two together.
 * Frozen in time: later payload changes get a new topic and a new migration, never an edit here.
 */

// json() keeps a nested array or boolean JSON when it crosses a subquery or CASE.
const SALE_PAYLOAD = `json_object(
  'id', s.id, 'storeId', s.store_id, 'terminalId', s.terminal_id, 'userId', s.user_id,
  'cashSessionId', s.cash_session_id, 'docType', s.doc_type, 'serie', s.serie,
  'correlativo', s.correlativo, 'issuedAt', s.issued_at, 'issueDate', s.issue_date,
  'customerDocType', s.customer_doc_type, 'customerDocNumber', s.customer_doc_number,
  'customerName', s.customer_name, 'gravadasCents', s.gravadas_cents,
  'exoneradasCents', s.exoneradas_cents, 'inafectasCents', s.inafectas_cents,
  'igvCents', s.igv_cents, 'icbperCents', s.icbper_cents, 'discountCents', s.discount_cents,
  'totalCents', s.total_cents, 'paidCents', s.paid_cents, 'changeCents', s.change_cents,
  'lines', json((SELECT json_group_array(json_object(
      'id', l.id, 'lineNo', l.line_no, 'productId', l.product_id, 'sku', l.sku,
      'description', l.description, 'unit', l.unit, 'quantityMilli', l.quantity_milli,
      'unitPriceCents', l.unit_price_cents, 'grossCents', l.gross_cents,
      'discountCents', l.discount_cents, 'amountCents', l.amount_cents,
      'igvAffectation', l.igv_affectation, 'taxableCents', l.taxable_cents,
      'igvCents', l.igv_cents, 'icbperCents', l.icbper_cents) ORDER BY l.line_no)
    FROM sale_lines l WHERE l.sale_id = s.id)),
  'payments', json((SELECT json_group_array(json_object(
      'id', p.id, 'seq', p.seq, 'method', p.method, 'amountCents', p.amount_cents,
      'tenderedCents', p.tendered_cents, 'changeCents', p.change_cents, 'usdCents', p.usd_cents,
      'rateE4', p.rate_e4, 'wallet', p.wallet, 'cardBrand', p.card_brand,
      'reference', p.reference) ORDER BY p.seq)
    FROM payments p WHERE p.sale_id = s.id))
)`;

const NOTE_PAYLOAD = `json_object(
  'id', n.id, 'storeId', t.store_id, 'terminalId', t.id, 'saleId', n.sale_id,
  'docType', n.doc_type, 'serie', n.serie, 'correlativo', n.correlativo,
  'reasonCode', n.reason_code, 'reasonText', n.reason_text, 'issuedAt', n.issued_at,
  'issueDate', n.issue_date, 'userId', n.user_id, 'approverId', n.approver_id,
  'totalCents', n.total_cents, 'igvCents', n.igv_cents, 'refundMethod', n.refund_method,
  'refundCents', n.refund_cents, 'restock', json(CASE n.restock WHEN 1 THEN 'true' ELSE 'false' END),
  'cashSessionId', n.cash_session_id,
  'lines', json((SELECT json_group_array(json_object(
      'id', l.id, 'lineNo', l.line_no, 'saleLineId', l.sale_line_id, 'productId', l.product_id,
      'sku', l.sku, 'description', l.description, 'quantityMilli', l.quantity_milli,
      'amountCents', l.amount_cents, 'igvCents', l.igv_cents) ORDER BY l.line_no)
    FROM note_lines l WHERE l.note_id = n.id))
)`;

const VOID_PAYLOAD = `json_object(
  'saleId', v.sale_id, 'terminalId', t.id, 'reason', v.reason, 'voidedAt', v.voided_at,
  'userId', v.user_id, 'approverId', v.approver_id, 'cashSessionId', v.cash_session_id
)`;

// data stays the JSON text that was hashed: a string in the payload, never re-parsed.
const AUDIT_PAYLOAD = `json_object(
  'id', a.id, 'seq', a.seq, 'at', a.at, 'terminalId', a.terminal_id, 'userId', a.user_id,
  'approverId', a.approver_id, 'action', a.action, 'entityType', a.entity_type,
  'entityId', a.entity_id, 'data', a.data, 'prevHash', a.prev_hash, 'hash', a.hash
)`;

const STOCK_PAYLOAD = `json_object(
  'id', m.id, 'terminalId', m.terminal_id, 'productId', m.product_id,
  'quantityMilli', m.quantity_milli, 'reason', m.reason, 'saleId', m.sale_id,
  'noteText', m.note, 'userId', m.user_id, 'createdAt', m.created_at
)`;

const FISCAL_PAYLOAD = `json_object(
  'documentId', d.id, 'terminalId', t.id, 'docType', d.doc_type, 'serie', d.serie,
  'correlativo', d.correlativo, 'saleId', d.sale_id, 'noteId', d.note_id, 'status', d.status,
  'voided', json(CASE d.voided WHEN 1 THEN 'true' ELSE 'false' END),
  'sunatCode', d.sunat_code, 'sunatMessage', d.sunat_message, 'at', d.updated_at
)`;

/** Rows nothing has acknowledged yet (a dead letter may be retried, so it is rewritten too). */
const UNACKED = `status IN ('pending', 'dead')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A row whose entity is missing keeps its old topic: HQ refuses it visibly, nothing is made up.
    `UPDATE outbox SET topic = 'sale.completed.v2',
      payload = (SELECT ${SALE_PAYLOAD} FROM sales s WHERE s.id = outbox.entity_id)
    WHERE topic = 'sale.completed.v1' AND ${UNACKED}
      AND EXISTS (SELECT 1 FROM sales s WHERE s.id = outbox.entity_id)`,
    `UPDATE outbox SET topic = 'note.issued.v2',
      payload = (SELECT ${NOTE_PAYLOAD} FROM notes n, terminal t WHERE n.id = outbox.entity_id)
    WHERE topic = 'note.issued.v1' AND ${UNACKED}
      AND EXISTS (SELECT 1 FROM notes n, terminal t WHERE n.id = outbox.entity_id)`,
    `UPDATE outbox SET topic = 'sale.voided.v2',
      payload = (SELECT ${VOID_PAYLOAD} FROM sale_voids v, terminal t WHERE v.sale_id = outbox.entity_id)
    WHERE topic = 'sale.voided.v1' AND ${UNACKED}
      AND EXISTS (SELECT 1 FROM sale_voids v, terminal t WHERE v.sale_id = outbox.entity_id)`,
    // Backfilled ids are derived from the entity's: unique per table, and the same on a rerun.
    `INSERT INTO outbox (id, topic, entity_id, payload, created_at)
      SELECT 'bf-audit-' || a.id, 'audit.entry.v1', a.id, ${AUDIT_PAYLOAD}, a.at
      FROM audit_log a ORDER BY a.seq`,
    `INSERT INTO outbox (id, topic, entity_id, payload, created_at)
      SELECT 'bf-stock-' || m.id, 'stock.movement.v1', m.id, ${STOCK_PAYLOAD}, m.created_at
      FROM stock_movements m WHERE m.reason <> 'initial' ORDER BY m.rowid`,
    `INSERT INTO outbox (id, topic, entity_id, payload, created_at)
      SELECT 'bf-fiscal-' || d.id, 'fiscal.status.v1', d.id, ${FISCAL_PAYLOAD}, d.updated_at
      FROM fiscal_documents d, terminal t WHERE d.status <> 'pending' OR d.voided = 1
      ORDER BY d.rowid`,
  ]);
}
