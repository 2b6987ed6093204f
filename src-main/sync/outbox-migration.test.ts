import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry, type AuditRow } from '../audit/audit-log';
import { verifyAuditChain } from '../audit/audit-chain';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { migrateDatabase } from '../storage/migrate';
import { Sql } from '../storage/sql';
import { checkOutbox, recordsOf } from './payloads-test-kit';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

const AT = '2026-11-23T10:00:00-05:00';
const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00-05:00`;

/**
 * What a store running the sync-state release (0008) holds: two sales (one voided), a return
 * with restock, an adjustment, accepted and voided fiscal documents, an audit trail, and the
 * outbox rows the old code wrote (v1 payloads; one of them already acknowledged).
 */
function writeReleaseData(handle: DatabaseHandle): void {
  const db = handle.sqlite;
  db.exec(`
    INSERT INTO store VALUES ('s1', '20601234565', 'TIENDA S.A.C.', 'Tienda', 'Av. Lima 1', NULL, '${AT}');
    INSERT INTO terminal (id, store_id, code, name, created_at) VALUES ('t1', 's1', 'CAJA-01', 'Caja 1', '${AT}');
    INSERT INTO users (id, username, full_name, role, pin_hash, active, created_at, updated_at) VALUES
      ('u1', 'caja', 'Caja', 'cajero', 'x', 1, '${AT}', '${AT}'),
      ('u2', 'sup', 'Sup', 'supervisor', 'x', 1, '${AT}', '${AT}');
    INSERT INTO products (id, sku, name, brand, category, unit, price_cents, igv_affectation, icbper, plu, active, created_at, updated_at) VALUES
      ('p1', 'BEB-1', 'Inca Kola 1.5 L', NULL, NULL, 'NIU', 650, '10', 0, NULL, 1, '${AT}', '${AT}'),
      ('p2', 'ABA-1', 'Azúcar Rubia 1 kg', NULL, NULL, 'NIU', 370, '10', 0, NULL, 1, '${AT}', '${AT}');
    INSERT INTO cash_sessions (id, terminal_id, number, status, opened_at, opened_by, float_cents, float_count)
      VALUES ('c1', 't1', 1, 'open', '${at(1)}', 'u2', 0, '{"pen":{},"usd":{}}');
    INSERT INTO outbox (id, topic, entity_id, payload, created_at) VALUES ('o-c1', 'cash_session.opened.v1', 'c1',
      '{"id":"c1","terminalId":"t1","number":1,"openedAt":"${at(1)}","openedBy":"u2","floatCents":0,"floatCount":{"pen":{},"usd":{}}}', '${at(1)}');
    INSERT INTO stock_movements (id, product_id, quantity_milli, reason, terminal_id, note, created_at) VALUES
      ('m-i1', 'p1', 50000, 'initial', 't1', 'inventario inicial', '${AT}'),
      ('m-i2', 'p2', 50000, 'initial', 't1', 'inventario inicial', '${AT}');
  `);
  const sale = db.prepare(
    `INSERT INTO sales (id, store_id, terminal_id, user_id, doc_type, serie, correlativo, issued_at, issue_date,
       customer_id, customer_doc_type, customer_doc_number, customer_name, customer_address, gravadas_cents,
       exoneradas_cents, inafectas_cents, igv_cents, icbper_cents, discount_cents, total_cents, paid_cents,
       change_cents, igv_bps, icbper_rate_cents, status, cash_session_id, created_at)
     VALUES (?, 's1', 't1', 'u1', ?, ?, ?, ?, '2026-11-23', NULL, ?, ?, ?, NULL, ?, 0, 0, ?, 0, 0, ?, ?, ?, 1800, 50,
       'completed', 'c1', ?)`,
  );
  const line = db.prepare(
    `INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, description, unit, quantity_milli,
       unit_price_cents, gross_cents, discount_cents, amount_cents, igv_affectation, taxable_cents,
       gross_taxable_cents, discount_taxable_cents, igv_cents, icbper_units, icbper_cents, scanned_code)
     VALUES (?, ?, ?, ?, ?, ?, 'NIU', ?, ?, ?, 0, ?, '10', ?, ?, 0, ?, 0, 0, NULL)`,
  );
  const payment = db.prepare(
    `INSERT INTO payments (id, sale_id, seq, method, amount_cents, tendered_cents, change_cents, usd_cents, rate_e4,
       wallet, card_brand, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)`,
  );
  const movement = db.prepare(
    `INSERT INTO stock_movements (id, product_id, quantity_milli, reason, sale_id, sale_line_id, user_id, terminal_id, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 't1', ?, ?)`,
  );
  const outbox = db.prepare(
    'INSERT INTO outbox (id, topic, entity_id, payload, created_at, status) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const fiscal = db.prepare(
    `INSERT INTO fiscal_documents (id, doc_type, serie, correlativo, file_name, sale_id, note_id, issued_at, issue_date,
       total_cents, delivery, signed_xml, status, sunat_code, sunat_message, voided, deadline_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-23', ?, ?, '<signed/>', ?, ?, ?, ?, '2026-11-26', ?, ?)`,
  );

  // B001-1: two lines, card and cash with change.
  sale.run('sale-1', '03', 'B001', 1, at(2), null, null, null, 1416, 254, 1670, 2670, 1000, at(2));
  line.run('sl-1', 'sale-1', 1, 'p1', 'BEB-1', 'Inca Kola 1.5 L', 2000, 650, 1300, 1300, 1102, 1102, 198);
  line.run('sl-2', 'sale-1', 2, 'p2', 'ABA-1', 'Azúcar Rubia 1 kg', 1000, 370, 370, 370, 314, 314, 56);
  payment.run('pay-1', 'sale-1', 1, 'card', 670, 670, 0, 'Visa', '123', at(2));
  payment.run('pay-2', 'sale-1', 2, 'cash', 1000, 2000, 1000, null, null, at(2));
  movement.run('m-1', 'p1', -2000, 'sale', 'sale-1', 'sl-1', 'u1', null, at(2));
  movement.run('m-2', 'p2', -1000, 'sale', 'sale-1', 'sl-2', 'u1', null, at(2));
  outbox.run(
    'o-1',
    'sale.completed.v1',
    'sale-1',
    '{"id":"sale-1","number":"B001-00000001"}',
    at(2),
    'pending',
  );
  fiscal.run(
    'fd-1',
    '03',
    'B001',
    1,
    '20601234565-03-B001-1',
    'sale-1',
    null,
    at(2),
    1670,
    'bill',
    'accepted',
    '0',
    'La Boleta ha sido aceptada',
    0,
    at(2),
    at(3),
  );

  // F001-1 to a company, voided the same day.
  sale.run(
    'sale-2',
    '01',
    'F001',
    1,
    at(4),
    '6',
    '20100070970',
    'SUPERMERCADOS PERUANOS S.A.',
    551,
    99,
    650,
    650,
    0,
    at(4),
  );
  line.run('sl-3', 'sale-2', 1, 'p1', 'BEB-1', 'Inca Kola 1.5 L', 1000, 650, 650, 650, 551, 551, 99);
  payment.run('pay-3', 'sale-2', 1, 'card', 650, 650, 0, null, null, at(4));
  movement.run('m-3', 'p1', -1000, 'sale', 'sale-2', 'sl-3', 'u1', null, at(4));
  outbox.run('o-2', 'sale.completed.v1', 'sale-2', '{"id":"sale-2"}', at(4), 'pending');
  fiscal.run(
    'fd-2',
    '01',
    'F001',
    1,
    '20601234565-01-F001-1',
    'sale-2',
    null,
    at(4),
    650,
    'bill',
    'accepted',
    '0',
    null,
    1,
    at(4),
    at(9),
  );

  // A return of the sugar, back on the shelf.
  db.prepare(
    `INSERT INTO notes (id, doc_type, serie, correlativo, sale_id, reason_code, reason_text, issued_at, issue_date,
       user_id, approver_id, gravadas_cents, exoneradas_cents, inafectas_cents, igv_cents, icbper_cents, total_cents,
       refund_method, refund_cents, restock, cash_session_id, created_at)
     VALUES ('note-1', '07', 'BC01', 1, 'sale-1', '07', 'Bolsa rota', '${at(5)}', '2026-11-23', 'u1', 'u2',
       314, 0, 0, 56, 0, 370, 'cash', 370, 1, 'c1', '${at(5)}')`,
  ).run();
  db.prepare(
    `INSERT INTO note_lines (id, note_id, line_no, sale_line_id, product_id, sku, description, unit, quantity_milli,
       unit_price_cents, amount_cents, igv_affectation, taxable_cents, igv_cents, icbper_units, icbper_cents)
     VALUES ('nl-1', 'note-1', 1, 'sl-2', 'p2', 'ABA-1', 'Azúcar Rubia 1 kg', 'NIU', 1000, 370, 370, '10', 314, 56, 0, 0)`,
  ).run();
  outbox.run(
    'o-3',
    'note.issued.v1',
    'note-1',
    '{"note":{"id":"note-1"},"saleId":"sale-1"}',
    at(5),
    'pending',
  );
  fiscal.run(
    'fd-3',
    '07',
    'BC01',
    1,
    '20601234565-07-BC01-1',
    'sale-1',
    'note-1',
    at(5),
    370,
    'bill',
    'pending',
    null,
    null,
    0,
    at(5),
    at(5),
  );
  movement.run('m-4', 'p2', 1000, 'return', 'sale-1', 'sl-2', 'u1', 'BC01-00000001', at(5));

  db.prepare(
    `INSERT INTO sale_voids (id, sale_id, reason, user_id, approver_id, voided_at, cash_session_id)
     VALUES ('void-1', 'sale-2', 'Error en el pedido', 'u1', 'u2', '${at(6)}', 'c1')`,
  ).run();
  movement.run('m-5', 'p1', 1000, 'return', 'sale-2', 'sl-3', 'u1', 'Anulación F001-00000001', at(6));
  outbox.run(
    'o-4',
    'sale.voided.v1',
    'sale-2',
    '{"saleId":"sale-2","channel":"communication"}',
    at(6),
    'pending',
  );
  movement.run('m-6', 'p2', -500, 'adjustment', null, null, 'u2', 'Merma', at(7));

  // B001-2, whose record HQ already acknowledged: left exactly as it was.
  sale.run('sale-3', '03', 'B001', 2, at(8), null, null, null, 314, 56, 370, 370, 0, at(8));
  line.run('sl-4', 'sale-3', 1, 'p2', 'ABA-1', 'Azúcar Rubia 1 kg', 1000, 370, 370, 370, 314, 314, 56);
  payment.run('pay-4', 'sale-3', 1, 'cash', 370, 370, 0, null, null, at(8));
  movement.run('m-7', 'p2', -1000, 'sale', 'sale-3', 'sl-4', 'u1', null, at(8));
  outbox.run('o-5', 'sale.completed.v1', 'sale-3', '{"id":"sale-3"}', at(8), 'sent');

  // The hash-chained audit trail; data is kept as the exact text that was hashed.
  let prevHash = GENESIS_HASH;
  const audit = db.prepare(
    `INSERT INTO audit_log (id, at, terminal_id, user_id, approver_id, action, entity_type, entity_id, data, prev_hash, hash)
     VALUES (@id, @at, @terminal_id, @user_id, @approver_id, @action, @entity_type, @entity_id, @data, @prev_hash, @hash)`,
  );
  const entries: Array<[string, string | null, string, string, string | null, string]> = [
    ['u1', null, 'auth.login', 'user', 'u1', '{}'],
    ['u1', null, 'sale.completed', 'sale', 'sale-1', '{"number":"B001-00000001","totalCents":1670}'],
    ['u1', 'u2', 'note.credit.issued', 'note', 'note-1', '{ "b": 1, "a": "Azúcar" }'],
    ['u1', 'u2', 'sale.voided', 'sale', 'sale-2', '{"reason":"Error en el pedido"}'],
  ];
  entries.forEach(([userId, approverId, action, entityType, entityId, data], index) => {
    const row: AuditRow = {
      id: `audit-${index + 1}`,
      at: at(10 + index),
      terminal_id: 't1',
      user_id: userId,
      approver_id: approverId,
      action,
      entity_type: entityType,
      entity_id: entityId,
      data,
      prev_hash: prevHash,
    };
    prevHash = hashAuditEntry(row);
    audit.run({ ...row, hash: prevHash });
  });
}

describe('migration 0009 (outbox v2)', () => {
  it('rewrites waiting records into the protocol payloads and queues the audit trail, stock and fiscal states behind them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'terminal.sqlite');
    const before = openDatabase({ file });
    await migrateDatabase(before, { upTo: '2026_11_23_0008_sync_state' });
    writeReleaseData(before);
    before.close();

    const handle = openDatabase({ file });
    expect((await migrateDatabase(handle)).applied[0]).toBe('2026_11_23_0009_outbox_v2');
    const sql = new Sql(handle.sqlite);
    const db = { sql, qb: handle.kysely };
    // Every pending payload parses with its schema and equals what payloads.ts builds from the rows.
    const records = checkOutbox(db, { storeId: 's1', terminalId: 't1' }, { pendingOnly: true });
    expect(records.map((r) => [r.topic, r.entityId, r.id])).toEqual([
      ['cash_session.opened.v1', 'c1', 'o-c1'],
      ['sale.completed.v2', 'sale-1', 'o-1'],
      ['sale.completed.v2', 'sale-2', 'o-2'],
      ['note.issued.v2', 'note-1', 'o-3'],
      ['sale.voided.v2', 'sale-2', 'o-4'],
      ...[1, 2, 3, 4].map((n) => ['audit.entry.v1', `audit-${n}`, `bf-audit-audit-${n}`]),
      ...['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6', 'm-7'].map((m) => [
        'stock.movement.v1',
        m,
        `bf-stock-${m}`,
      ]),
      // The note's document is still pending: HQ assumes that already.
      ['fiscal.status.v1', 'fd-1', 'bf-fiscal-fd-1'],
      ['fiscal.status.v1', 'fd-2', 'bf-fiscal-fd-2'],
    ]);

    expect(records[1]?.payload).toMatchObject({
      storeId: 's1',
      terminalId: 't1',
      cashSessionId: 'c1',
      lines: [
        { id: 'sl-1', lineNo: 1, quantityMilli: 2000 },
        { id: 'sl-2', lineNo: 2, quantityMilli: 1000 },
      ],
      payments: [
        { id: 'pay-1', seq: 1, method: 'card', cardBrand: 'Visa', usdCents: null },
        { id: 'pay-2', seq: 2, method: 'cash', tenderedCents: 2000, changeCents: 1000 },
      ],
    });
    expect(records[3]?.payload).toMatchObject({ restock: true, refundMethod: 'cash', storeId: 's1' });
    expect(recordsOf(records, 'audit.entry.v1')[2]?.payload).toMatchObject({
      seq: 3,
      data: '{ "b": 1, "a": "Azúcar" }',
    });
    expect(recordsOf(records, 'fiscal.status.v1').map((r) => r.payload)).toEqual([
      expect.objectContaining({ status: 'accepted', voided: false, sunatCode: '0', at: at(3) }),
      expect.objectContaining({ status: 'accepted', voided: true, sunatMessage: null, at: at(9) }),
    ]);

    // The acknowledged row is history: untouched.
    expect(sql.raw("SELECT topic, payload FROM outbox WHERE status = 'sent'")).toEqual([
      { topic: 'sale.completed.v1', payload: '{"id":"sale-3"}' },
    ]);
    expect(verifyAuditChain(sql, handle.kysely)).toMatchObject({ ok: true, entries: 4 });
    expect((await migrateDatabase(handle)).applied).toEqual([]);
    handle.close();
  });
});
