import { DEMO_PRODUCTS } from '../db/seeds/demo-catalog';
import { auditEntryPayload } from '../src-main/sync/payloads';
import { GENESIS_HASH, hashAuditEntry, type AuditRow } from '../src-main/audit/audit-log';
import type { Core } from '../src-main/core/core';
import { demoId, newId } from '../src-main/shared/ids';
import { limaTimestamp } from '../src-main/shared/lima-time';
import type { SalePayload, StockMovementPayload, SyncTopic } from '../src-main/sync/protocol';
import { pick, seededRandom } from './random';

const LINES_PER_SALE = 3;
const IGV_DIVISOR_BPS = 11_800;

/**
 * A busy store's week offline, written straight into the terminal's outbox as checkout would
 * write it (sale with lines and payments, one stock movement per line, one audit entry), so the
 * push can be measured on 50,000 sales without signing 50,000 receipts first (~200 ms each).
 * Returns how many outbox records were written.
 */
export function writeOfflineWeek(
  core: Core,
  sales: number,
  seed = 7,
): { records: number; totalCents: number } {
  const { sql, terminal } = core.ctx;
  const rand = seededRandom(seed);
  const products = DEMO_PRODUCTS.filter((p) => p.unit === 'NIU' && p.igvAffectation === '10' && !p.icbper);
  const userId = demoId('user', 'cajero');
  const insert = sql.sqlite.prepare(
    `INSERT INTO outbox (id, topic, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const lastHash = sql.sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  let prevHash = lastHash?.hash ?? GENESIS_HASH;
  let auditSeq = 1_000_000;
  let records = 0;
  let totalCents = 0;
  const start = Date.UTC(2026, 10, 16, 13, 0, 0);
  const put = (topic: SyncTopic, entityId: string, payload: unknown, at: string) => {
    insert.run(newId(), topic, entityId, JSON.stringify(payload), at);
    records++;
  };
  sql.transaction(() => {
    for (let i = 0; i < sales; i++) {
      const at = limaTimestamp(new Date(start + i * 12_000));
      const saleId = newId();
      const lines: SalePayload['lines'] = [];
      for (let n = 1; n <= LINES_PER_SALE; n++) {
        const product = pick(products, rand);
        const quantityMilli = (1 + Math.floor(rand() * 3)) * 1000;
        const amountCents = (product.priceCents * quantityMilli) / 1000;
        const taxableCents = Math.round((amountCents * 10_000) / IGV_DIVISOR_BPS);
        lines.push({
          id: newId(),
          lineNo: n,
          productId: demoId('product', product.sku),
          sku: product.sku,
          description: product.name,
          unit: 'NIU',
          quantityMilli,
          unitPriceCents: product.priceCents,
          grossCents: amountCents,
          discountCents: 0,
          amountCents,
          igvAffectation: '10',
          taxableCents,
          igvCents: amountCents - taxableCents,
          icbperCents: 0,
        });
      }
      const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
      const igv = lines.reduce((sum, l) => sum + l.igvCents, 0);
      const card = i % 3 === 0;
      const tendered = card ? total : Math.ceil(total / 1000) * 1000;
      const sale: SalePayload = {
        id: saleId,
        storeId: terminal.storeId,
        terminalId: terminal.terminalId,
        userId,
        cashSessionId: null,
        docType: '03',
        serie: 'B901',
        correlativo: i + 1,
        issuedAt: at,
        issueDate: at.slice(0, 10),
        customerDocType: null,
        customerDocNumber: null,
        customerName: null,
        gravadasCents: total - igv,
        exoneradasCents: 0,
        inafectasCents: 0,
        igvCents: igv,
        icbperCents: 0,
        discountCents: 0,
        totalCents: total,
        paidCents: tendered,
        changeCents: tendered - total,
        lines,
        payments: [
          {
            id: newId(),
            seq: 1,
            method: card ? 'card' : 'cash',
            amountCents: total,
            tenderedCents: tendered,
            changeCents: tendered - total,
            usdCents: null,
            rateE4: null,
            wallet: null,
            cardBrand: card ? 'VISA' : null,
            reference: card ? String(100_000 + i) : null,
          },
        ],
      };
      totalCents += total;
      put('sale.completed.v2', saleId, sale, at);
      for (const line of lines) {
        const movement: StockMovementPayload = {
          id: newId(),
          terminalId: terminal.terminalId,
          productId: line.productId,
          quantityMilli: -line.quantityMilli,
          reason: 'sale',
          saleId,
          noteText: null,
          userId,
          createdAt: at,
        };
        put('stock.movement.v1', movement.id, movement, at);
      }
      const row: AuditRow = {
        id: newId(),
        at,
        terminal_id: terminal.terminalId,
        user_id: userId,
        approver_id: null,
        action: 'sale.completed',
        entity_type: 'sale',
        entity_id: saleId,
        data: JSON.stringify({ number: `B901-${String(i + 1).padStart(8, '0')}`, totalCents: total }),
        prev_hash: prevHash,
      };
      const hash = hashAuditEntry(row);
      const entry = auditEntryPayload({ ...row, seq: auditSeq++, hash });
      prevHash = hash;
      put('audit.entry.v1', entry.id, entry, at);
    }
  });
  return { records, totalCents };
}
