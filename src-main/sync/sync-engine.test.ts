import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHq, type RunningHq } from '../../hq/src/start-hq';
import { DEMO_STORE_ID } from '../../db/seeds/demo-store';
import { fixedClock } from '../shared/clock';
import { INCA_KOLA_15, sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';

/**
 * The engine against the real headquarters server on loopback (PGlite, demo store): enrolment
 * with a code issued through HQ's admin API, sales pushed exactly once, HQ down and back, a
 * price change pulled, a revoked terminal refused. One HQ for the file (it takes a while to
 * start); each test enrols a terminal of its own.
 */
const ADMIN_TOKEN = 'admin-token-for-sync-engine-tests-0123456789';
/** The instant temp cores start at: HQ agrees with them, so no clock skew is flagged. */
const hqClock = fixedClock('2026-11-23T15:00:00.000Z');
const hqDir = mkdtempSync(join(tmpdir(), 'mostrador-hq-'));
let hq: RunningHq;

function startDemoHq(port = 0): Promise<RunningHq> {
  return startHq({ demo: true, adminToken: ADMIN_TOKEN, dataDir: hqDir, port, now: () => hqClock.now() });
}

beforeAll(async () => {
  hq = await startDemoHq();
}, 180_000);

afterAll(async () => {
  await hq.close();
  rmSync(hqDir, { recursive: true, force: true });
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(hq.url + path, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const cores = useTempCores();

let terminals = 0;

/**
 * A demo terminal enrolled with a fresh code (the demo seeds of both sides share the store's
 * id). Each test's terminal is another till of the store, with its own code and series.
 */
async function enrolledTerminal() {
  terminals += 1;
  const till = {
    code: `CAJA-${String(terminals).padStart(2, '0')}`,
    name: `Caja ${terminals}`,
    seriesNumber: terminals,
  };
  const temp = await cores.setup({
    demoTerminal: till,
    sync: { intervalMs: 0, nightlyCheckMs: 0, baseBackoffMs: 60_000, random: () => 0.5 },
  });
  cores.beforeCoresClose(() => void temp.core.sync.stop());
  const { code } = await admin<{ code: string }>(
    'POST',
    `/api/admin/stores/${DEMO_STORE_ID}/enrolment-codes`,
    {
      terminalCode: till.code,
      terminalName: till.name,
    },
  );
  const adminUser = temp.core.ctx.users.credentials('admin');
  const enrolled = await temp.core.sync.enrol({ hqUrl: hq.url, code }, adminUser?.id ?? '');
  expect(enrolled).toMatchObject({ enrolled: true, hqUrl: hq.url, storeName: expect.any(String) as unknown });
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
      await admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: 790 });
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
      await admin('PATCH', `/api/admin/products/${inca.id}/price`, { priceCents: inca.priceCents });
    }
  });

  it('a revoked terminal is refused: state error with the Spanish message, the sale kept', async () => {
    const { core, actor } = await enrolledTerminal();
    await core.sync.syncNow();
    await admin('POST', `/api/admin/terminals/${core.ctx.terminal.terminalId}/revoke`);

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
