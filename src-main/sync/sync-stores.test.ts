import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../../db/seeds/demo-store';
import {
  TEST_RUCS,
  createTestStore,
  enrolTestTerminal,
  http,
  startTestHq,
  type TestHq,
} from '../../hq/src/testing/hq-test-kit';
import { POSTGRES_MISSING, postgresAvailable, startTempPostgres } from '../../hq/src/testing/temp-postgres';
import type { Core } from '../core/core';
import { newId } from '../shared/ids';
import { startFaultProxy, type FaultProxy } from '../testing/fault-proxy';
import { demoTill, enrolDemoCore } from '../testing/hq-terminals';
import { INCA_KOLA_15, sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import type { PushResponse, SalePayload } from './protocol';

/**
 * Two tills of one store against a real headquarters (PGlite, and PostgreSQL from Debian when
 * installed): both sell while the link is down, then sync; HQ must hold exactly the union of
 * what they recorded. Each till reaches HQ through its own proxy, so "offline" is a refused
 * connection, not a flag.
 */
const engines = [
  { name: 'PGlite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
] as const;

if (!postgresAvailable()) console.warn(`sync-stores on PostgreSQL skipped: ${POSTGRES_MISSING}`);

interface Till {
  core: Core;
  actor: Actor;
  proxy: FaultProxy;
}

describe.each(engines)('two tills and headquarters on $name', ({ postgres }) => {
  let hq: TestHq;
  let stopPostgres: (() => Promise<void>) | null = null;
  const cores = useTempCores();

  beforeAll(async () => {
    if (postgres && !postgresAvailable()) return;
    const pg = postgres ? await startTempPostgres() : null;
    stopPostgres = pg ? pg.stop : null;
    hq = await startTestHq({ demo: true, ...(pg ? { databaseUrl: pg.url } : {}) });
  }, 180_000);

  afterAll(async () => {
    await hq?.close();
    await stopPostgres?.();
  });

  let tills = 0;
  async function till(): Promise<Till> {
    tills += 1;
    const temp = await cores.setup({
      demoTerminal: demoTill(tills),
      sync: { intervalMs: 0, nightlyCheckMs: 0, baseBackoffMs: 1, maxBackoffMs: 10 },
    });
    const target = new URL(hq.url);
    const proxy = await startFaultProxy({ target: { host: target.hostname, port: Number(target.port) } });
    cores.beforeCoresClose(() => {
      void temp.core.sync.stop();
      void proxy.close();
    });
    await enrolDemoCore(temp.core, hq, proxy.url);
    expect(await temp.core.sync.syncNow()).toMatchObject({ state: 'online', pendingCount: 0 });
    return { core: temp.core, actor: temp.actor, proxy };
  }

  function localSales(core: Core): Array<{ id: string; total_cents: number }> {
    return core.ctx.sql.all(core.ctx.qb.selectFrom('sales').select(['id', 'total_cents']));
  }

  it.skipIf(postgres && !postgresAvailable())(
    'both sell offline, then sync: HQ holds exactly the union, to the céntimo; the oversell becomes a reconciliation item',
    async () => {
      const [a, b] = [await till(), await till()];
      const inca = a.core.ctx.catalog.byBarcode(INCA_KOLA_15);
      if (!inca) throw new Error('demo product missing');
      // HQ's ledger for Inca Kola leaves 2 bottles: the two tills will sell 2 each.
      const level = await hq.ctx.db
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.sum<number>('quantity_milli').as('milli'))
        .where('store_id', '=', DEMO_STORE_ID)
        .where('product_id', '=', inca.id)
        .executeTakeFirstOrThrow();
      const adjust = await hq.admin('POST', `/api/admin/stores/${DEMO_STORE_ID}/stock`, {
        productId: inca.id,
        quantityMilli: 2_000 - Number(level.milli),
        reason: 'adjustment',
        note: 'conteo',
      });
      expect(adjust.status).toBe(201);

      await Promise.all([a.proxy.offline(), b.proxy.offline()]);
      for (let i = 0; i < 2; i++) {
        sellBoleta(a.core, a.actor);
        sellBoleta(b.core, b.actor);
      }
      a.core.cash.move(a.actor, null, { kind: 'in', amountCents: 5_000, reason: 'Sencillo' });
      const down = await a.core.sync.syncNow();
      expect(down).toMatchObject({ state: 'offline' });
      expect(down.pendingCount).toBeGreaterThan(0);

      await Promise.all([a.proxy.online(), b.proxy.online()]);
      const [doneA, doneB] = await Promise.all([a.core.sync.syncNow(), b.core.sync.syncNow()]);
      expect(doneA).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 0 });
      expect(doneB).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 0 });

      const union = [...localSales(a.core), ...localSales(b.core)];
      const terminals = [a.core.ctx.terminal.terminalId, b.core.ctx.terminal.terminalId];
      const atHq = await hq.ctx.db
        .selectFrom('sales')
        .select(['id', 'total_cents'])
        .where('terminal_id', 'in', terminals)
        .execute();
      expect(atHq.map((s) => s.id).sort()).toEqual(union.map((s) => s.id).sort());
      const sum = (rows: Array<{ total_cents: number }>) => rows.reduce((n, r) => n + r.total_cents, 0);
      expect(sum(atHq)).toBe(sum(union));

      for (const { core } of [a, b]) {
        const id = core.ctx.terminal.terminalId;
        const count = async (table: 'stock_movements' | 'audit_entries' | 'cash_movements') =>
          (await hq.ctx.db.selectFrom(table).select('id').where('terminal_id', '=', id).execute()).length;
        const local = (sql: string) => (core.ctx.sql.raw(sql)[0] as { n: number }).n;
        expect(await count('stock_movements')).toBe(
          local("SELECT count(*) AS n FROM stock_movements WHERE reason <> 'initial'"),
        );
        expect(await count('audit_entries')).toBe(local('SELECT count(*) AS n FROM audit_log'));
        expect(await count('cash_movements')).toBe(local('SELECT count(*) AS n FROM cash_movements'));
        const payments = await hq.ctx.db
          .selectFrom('payments')
          .innerJoin('sales', 'sales.id', 'payments.sale_id')
          .select((eb) => eb.fn.sum<number>('payments.amount_cents').as('cents'))
          .where('sales.terminal_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(Number(payments.cents)).toBe(local('SELECT sum(amount_cents) AS n FROM payments'));
      }

      // 2 bottles in stock, 4 sold: every sale is in, and a supervisor gets the difference to settle.
      const items = await hq.ctx.db
        .selectFrom('stock_reconciliation_items')
        .select(['product_id', 'level_milli', 'status'])
        .where('store_id', '=', DEMO_STORE_ID)
        .where('product_id', '=', inca.id)
        .execute();
      expect(items).toEqual([
        { product_id: inca.id, level_milli: expect.any(Number) as unknown, status: 'open' },
      ]);
      expect(items[0]?.level_milli).toBeLessThan(0);
    },
    180_000,
  );

  it.skipIf(postgres && !postgresAvailable())(
    'a price change at HQ reaches both tills; sales already made keep their price',
    async () => {
      const [a, b] = [await till(), await till()];
      const inca = a.core.ctx.catalog.byBarcode(INCA_KOLA_15);
      if (!inca) throw new Error('demo product missing');
      const sold = sellBoleta(a.core, a.actor);
      const changed = await hq.admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: 720 });
      expect(changed.status).toBe(200);
      try {
        await Promise.all([a.core.sync.syncNow(), b.core.sync.syncNow()]);
        expect(a.core.ctx.catalog.byBarcode(INCA_KOLA_15)?.priceCents).toBe(720);
        expect(b.core.ctx.catalog.byBarcode(INCA_KOLA_15)?.priceCents).toBe(720);
        expect(a.core.sales.byId(sold.id).totals.totalCents).toBe(inca.priceCents);
      } finally {
        await hq.admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: inca.priceCents });
      }
    },
    120_000,
  );

  it.skipIf(postgres && !postgresAvailable())(
    "a forged or other store's write is refused; a revoked till is refused",
    async () => {
      const a = await till();
      await a.core.sync.syncNow();
      // A terminal of another store, enrolled for real, tries to write into the demo store.
      const other = await createTestStore(hq, TEST_RUCS[1], 'Bodega Otra');
      const intruder = await enrolTestTerminal(hq, other, 'CAJA-09');
      const sale: SalePayload = { ...sellBoletaPayload(a), id: newId(), correlativo: 99_999 };
      const forged = [
        { ...sale, terminalId: intruder.terminalId },
        { ...sale, id: newId(), storeId: other.id, terminalId: a.core.ctx.terminal.terminalId },
      ].map((payload, i) => ({
        id: newId(),
        seq: i + 1,
        topic: 'sale.completed.v2',
        entityId: payload.id,
        createdAt: sale.issuedAt,
        payload,
      }));
      const answer = await http<PushResponse>(hq.url, 'POST', '/v1/push', intruder.headers(), {
        batchId: newId(),
        terminalId: intruder.terminalId,
        records: forged,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.acks.map((ack) => ack.status)).toEqual(['rejected', 'rejected']);
      // Writing as another terminal is refused outright.
      const asOther = await http(hq.url, 'POST', '/v1/push', intruder.headers(), {
        batchId: newId(),
        terminalId: a.core.ctx.terminal.terminalId,
        records: forged,
      });
      expect(asOther.status).toBe(403);
      const stored = await hq.ctx.db
        .selectFrom('sales')
        .select('id')
        .where('correlativo', '=', 99_999)
        .execute();
      expect(stored).toEqual([]);

      const revoked = await hq.admin('POST', `/api/admin/terminals/${a.core.ctx.terminal.terminalId}/revoke`);
      expect(revoked.status).toBe(200);
      sellBoleta(a.core, a.actor);
      const status = await a.core.sync.syncNow();
      expect(status).toMatchObject({ state: 'error', lastError: { code: 'TERMINAL_REVOKED' } });
      expect(status.pendingCount).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** The payload of a fresh sale when the till has none pending. */
function sellBoletaPayload(till: Till): SalePayload {
  const sale = sellBoleta(till.core, till.actor);
  const row = till.core.ctx.sql.raw('SELECT payload FROM outbox WHERE entity_id = ? AND topic = ?', [
    sale.id,
    'sale.completed.v2',
  ])[0] as { payload: string };
  return JSON.parse(row.payload) as SalePayload;
}
