import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../../hq/src/testing/hq-test-kit';
import { FAULT_KINDS, seededRandomPlan, startFaultProxy, type FaultProxy } from '../testing/fault-proxy';
import { demoTill, enrolDemoCore } from '../testing/hq-terminals';
import { sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';

/**
 * The network at its worst, through a TCP proxy between the till and headquarters: connections
 * dropped, answers delayed, answers cut after HQ applied the batch (the lost ack), requests
 * delivered twice, requests swallowed. After hundreds of those, every sale is at HQ exactly
 * once and the totals match to the céntimo.
 */
const SEED = 20261123;
const MIN_FAULTS = 200;

let hq: TestHq;
let proxy: FaultProxy;

beforeAll(async () => {
  hq = await startTestHq({ demo: true });
  const target = new URL(hq.url);
  proxy = await startFaultProxy({ target: { host: target.hostname, port: Number(target.port) }, seed: SEED });
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await hq?.close();
});

const cores = useTempCores();

describe('sync through a faulty network', () => {
  it('after hundreds of random faults every sale is at HQ exactly once, totals to the céntimo', async () => {
    const { core, actor } = await cores.setup({
      demoTerminal: demoTill(1),
      // Small batches and a short timeout: many requests, so many faults, in little time.
      sync: {
        intervalMs: 0,
        nightlyCheckMs: 0,
        batchRecords: 2,
        baseBackoffMs: 1,
        maxBackoffMs: 5,
        requestTimeoutMs: 400,
      },
    });
    cores.beforeCoresClose(() => void core.sync.stop());
    await enrolDemoCore(core, hq, proxy.url);

    proxy.setDelayMs(30);
    proxy.setPlan(
      seededRandomPlan(SEED, {
        none: 3,
        drop: 2,
        delay: 1,
        cut_response: 3,
        duplicate_request: 3,
        blackhole: 0.3,
      }),
    );
    const faults = () => FAULT_KINDS.filter((k) => k !== 'none').reduce((n, k) => n + proxy.stats()[k], 0);

    // Sell and sync in rounds, as a till does on a bad line, until enough faults happened.
    const sold: string[] = [];
    for (let round = 0; round < 400 && (faults() < MIN_FAULTS || round < 20); round++) {
      if (sold.length < 40) sold.push(sellBoleta(core, actor).id);
      await core.sync.syncNow();
    }
    const stats = proxy.stats();
    expect(faults()).toBeGreaterThanOrEqual(MIN_FAULTS);
    for (const kind of ['drop', 'cut_response', 'duplicate_request'] as const)
      expect(stats[kind]).toBeGreaterThan(0);

    // The line comes back: everything left goes up.
    proxy.setPlan('none');
    const final = await core.sync.syncNow();
    expect(final).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 0 });

    const terminalId = core.ctx.terminal.terminalId;
    const atHq = await hq.ctx.db
      .selectFrom('sales')
      .select(['id', 'total_cents'])
      .where('terminal_id', '=', terminalId)
      .execute();
    expect(atHq.map((s) => s.id).sort()).toEqual([...sold].sort());
    const local = core.ctx.sql.all(core.ctx.qb.selectFrom('sales').select(['id', 'total_cents']));
    const sum = (rows: Array<{ total_cents: number }>) => rows.reduce((n, r) => n + r.total_cents, 0);
    expect(sum(atHq)).toBe(sum(local));

    // Every outbox row reached HQ once: HQ's received records are exactly the terminal's outbox.
    const received = await hq.ctx.db
      .selectFrom('received_records')
      .select(['id', 'status'])
      .where('terminal_id', '=', terminalId)
      .execute();
    const outbox = core.ctx.sql.all(core.ctx.qb.selectFrom('outbox').select(['id', 'status']));
    expect(received.map((r) => r.id).sort()).toEqual(outbox.map((r) => r.id).sort());
    expect(new Set(received.map((r) => r.status))).toEqual(new Set(['applied']));
    expect(new Set(outbox.map((r) => r.status))).toEqual(new Set(['sent']));
    const movements = await hq.ctx.db
      .selectFrom('stock_movements')
      .select('id')
      .where('terminal_id', '=', terminalId)
      .execute();
    const localMovements = core.ctx.sql.raw(
      "SELECT count(*) AS n FROM stock_movements WHERE reason <> 'initial'",
    )[0] as { n: number };
    expect(movements).toHaveLength(localMovements.n);

    // The lost acks and doubled requests really happened: HQ answered some batches with duplicates.
    const batches = await hq.ctx.db
      .selectFrom('push_batches')
      .select((eb) => eb.fn.sum<number>('duplicates').as('duplicates'))
      .where('terminal_id', '=', terminalId)
      .executeTakeFirstOrThrow();
    expect(Number(batches.duplicates)).toBeGreaterThan(0);
    console.info(`sync faults: ${JSON.stringify(stats)}`);
  }, 300_000);
});
