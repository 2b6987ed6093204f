import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../../hq/src/testing/hq-test-kit';
import { demoTill, enrolDemoCore } from '../testing/hq-terminals';
import { INCA_KOLA_15, sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';

/**
 * The engine against the real headquarters server on loopback (PGlite, demo store): enrolment
 * with a code issued through HQ's admin API, sales pushed exactly once, HQ down and back, a
 * price change pulled, a revoked terminal refused. One HQ for the file (it takes a while to
 * start); each test enrols a terminal of its own.
 */
const hqDir = mkdtempSync(join(tmpdir(), 'mostrador-hq-'));
let hq: TestHq;

/** PGlite in a folder, so HQ can be stopped and started again on the same port. */
function startDemoHq(port = 0): Promise<TestHq> {
  return startTestHq({ demo: true, dataDir: hqDir, port });
}

beforeAll(async () => {
  hq = await startDemoHq();
}, 180_000);

afterAll(async () => {
  await hq.close();
  rmSync(hqDir, { recursive: true, force: true });
});

const cores = useTempCores();

let terminals = 0;

/** Another till of the demo store (its own code and series), enrolled with a fresh code. */
async function enrolledTerminal() {
  terminals += 1;
  const temp = await cores.setup({
    demoTerminal: demoTill(terminals),
    sync: { intervalMs: 0, nightlyCheckMs: 0, baseBackoffMs: 60_000, random: () => 0.5 },
  });
  cores.beforeCoresClose(() => void temp.core.sync.stop());
  await enrolDemoCore(temp.core, hq);
  return temp;
}

async function hqSaleCount(saleId: string): Promise<number> {
  const rows = await hq.ctx.db.selectFrom('sales').select('id').where('id', '=', saleId).execute();
  return rows.length;
}

describe('sync engine against the real headquarters', () => {
  it('enrols, pushes a sale that HQ then holds exactly once, even when the terminal sends it again', async () => {
    const { core, actor } = await enrolledTerminal();
    const first = await core.sync.syncNow();
    expect(first).toMatchObject({
      state: 'online',
      pendingCount: 0,
      deadCount: 0,
      lastError: null,
      clockSkewMs: null,
    });
    // The demo catalogue and people came down from HQ.
    expect(first.pullCursor).toBeGreaterThan(0);

    const sale = sellBoleta(core, actor);
    expect(core.sync.status().pendingCount).toBeGreaterThan(0);
    const status = await core.sync.syncNow();
    expect(status).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 0 });
    expect(await hqSaleCount(sale.id)).toBe(1);
    const stored = await hq.ctx.db
      .selectFrom('sales')
      .select('total_cents')
      .where('id', '=', sale.id)
      .executeTakeFirst();
    expect(Number(stored?.total_cents)).toBe(sale.totals.totalCents);

    // HQ committed but the answer never arrived: the terminal sends the same rows again.
    core.ctx.sql.run(
      core.ctx.qb
        .updateTable('outbox')
        .set({ status: 'pending', acked_at: null })
        .where('entity_id', '=', sale.id),
    );
    expect(await core.sync.syncNow()).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 0 });
    expect(await hqSaleCount(sale.id)).toBe(1);
  });

  it('a price change at HQ reaches the terminal; the sale already made keeps its price', async () => {
    const { core, actor } = await enrolledTerminal();
    await core.sync.syncNow();
    const inca = core.ctx.catalog.byBarcode(INCA_KOLA_15);
    if (!inca) throw new Error('demo product missing');
    const sale = sellBoleta(core, actor);
    try {
      expect(
        (await hq.admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: 790 })).status,
      ).toBe(200);
      await core.sync.syncNow();
      expect(core.ctx.catalog.byBarcode(INCA_KOLA_15)?.priceCents).toBe(790);
      expect(core.sales.byId(sale.id).totals.totalCents).toBe(650);
      expect(
        core.ctx.sql.first(
          core.ctx.qb.selectFrom('sale_lines').select('unit_price_cents').where('sale_id', '=', sale.id),
        ),
      ).toEqual({ unit_price_cents: 650 });
    } finally {
      // The other tests sell at the demo price.
      await hq.admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: inca.priceCents });
    }
  });

  it('a revoked terminal is refused: state error with the Spanish message, the sale kept', async () => {
    const { core, actor } = await enrolledTerminal();
    await core.sync.syncNow();
    expect(
      (await hq.admin('POST', `/api/admin/terminals/${core.ctx.terminal.terminalId}/revoke`)).status,
    ).toBe(200);

    sellBoleta(core, actor);
    const status = await core.sync.syncNow();
    expect(status.state).toBe('error');
    expect(status.lastError).toMatchObject({ code: 'TERMINAL_REVOKED' });
    expect(status.lastError?.message).toMatch(/revocó el acceso de la caja/);
    expect(status.pendingCount).toBeGreaterThan(0);
    expect(status.nextAttemptAt).not.toBeNull();
  });

  // Last: it stops the shared HQ and starts it again.
  it('HQ down: offline with the sale kept and a backoff; HQ back on the same address: the sale goes up', async () => {
    const { core, actor } = await enrolledTerminal();
    await core.sync.syncNow();
    const port = Number(new URL(hq.url).port);
    await hq.close();

    const sale = sellBoleta(core, actor);
    const down = await core.sync.syncNow();
    expect(down).toMatchObject({ state: 'offline', running: false, lastError: { code: 'NETWORK' } });
    expect(down.pendingCount).toBeGreaterThan(0);
    expect(down.lastError?.message).toMatch(/^Sin conexión con la central \(/);
    expect(down.nextAttemptAt).not.toBeNull();

    hq = await startDemoHq(port);
    const up = await core.sync.syncNow();
    expect(up).toMatchObject({ state: 'online', pendingCount: 0, lastError: null, nextAttemptAt: null });
    expect(await hqSaleCount(sale.id)).toBe(1);
  }, 180_000);
});
