import { sql } from 'kysely';
import { generateCatalog } from '../db/seeds/catalog-generator';
import { DEMO_STORE_ID } from '../db/seeds/demo-store';
import { startHq } from '../hq/src/start-hq';
import { applyPushBatch } from '../hq/src/ingest/apply-push-batch';
import { postgresAvailable, startTempPostgres } from '../hq/src/testing/temp-postgres';
import { createCore, type Core } from '../src-main/core/core';
import { newId } from '../src-main/shared/ids';
import { MAX_BATCH_RECORDS, type PushRecord } from '../src-main/sync/protocol';
import { loginAs } from '../src-main/testing/temp-core';
import type { BenchContext } from './context';
import { writeOfflineWeek } from './offline-week';
import { elapsedMs, round } from './stats';
import type { Benchmark, BenchResult } from './types';

const WEEK_SALES = 50_000;
const PULL_PRODUCTS = 200_000;
const INGEST_SALES = 10_000;
const ADMIN_TOKEN = 'bench-admin-token';

type Engine = 'pglite' | 'postgres';

interface BenchHq {
  url: string;
  hq: Awaited<ReturnType<typeof startHq>>;
  close(): Promise<void>;
}

async function benchHq(ctx: BenchContext, engine: Engine): Promise<BenchHq> {
  const pg = engine === 'postgres' ? await startTempPostgres() : null;
  const hq = await startHq({
    demo: true,
    adminToken: ADMIN_TOKEN,
    port: 0,
    ...(pg ? { databaseUrl: pg.url } : { dataDir: ctx.tempDir('hq-pglite') }),
  });
  return {
    url: hq.url,
    hq,
    close: async () => {
      await hq.close();
      await pg?.stop();
    },
  };
}

async function enrolledTerminal(
  ctx: BenchContext,
  hq: BenchHq,
  label: string,
  demoProducts?: [],
): Promise<Core> {
  const core = await createCore({
    dataDir: ctx.tempDir(label),
    demo: true,
    ...(demoProducts ? { demoProducts } : {}),
    sync: { intervalMs: 0 },
  });
  const response = await fetch(`${hq.url}/api/admin/stores/${DEMO_STORE_ID}/enrolment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ terminalCode: label.toUpperCase(), terminalName: label }),
  });
  if (!response.ok) throw new Error(`enrolment code: HTTP ${response.status} ${await response.text()}`);
  const { code } = (await response.json()) as { code: string };
  const { actor } = await loginAs(core, 'admin');
  await core.sync.enrol({ hqUrl: hq.url, code }, actor.userId);
  return core;
}

/** Pushes until HQ acknowledged everything; checks HQ holds exactly the week, to the céntimo. */
async function pushWeek(ctx: BenchContext, engine: Engine): Promise<number> {
  const hq = await benchHq(ctx, engine);
  const core = await enrolledTerminal(ctx, hq, `push-${engine}`);
  try {
    await core.sync.syncNow();
    const week = writeOfflineWeek(core, WEEK_SALES);
    const start = process.hrtime.bigint();
    while (core.sync.status().pendingCount > 0) {
      const status = await core.sync.syncNow();
      if (status.lastError && status.state !== 'online')
        throw new Error(`push stopped: ${status.lastError.message}`);
    }
    const seconds = elapsedMs(start) / 1000;
    const row = await sql<{ n: number; total: number }>`
      SELECT count(*)::int8 AS n, coalesce(sum(total_cents), 0)::int8 AS total FROM sales WHERE serie = 'B901'`.execute(
      hq.hq.ctx.db,
    );
    const got = row.rows[0];
    if (got?.n !== WEEK_SALES || got.total !== week.totalCents)
      throw new Error(
        `HQ holds ${got?.n} sales / ${got?.total} céntimos, expected ${WEEK_SALES} / ${week.totalCents}`,
      );
    console.error(`    ${engine}: ${week.records} records, ${round(week.records / seconds, 0)} records/s`);
    return seconds;
  } finally {
    core.close();
    await hq.close();
  }
}

/** A fresh terminal (no catalogue) pulling a 200,000-product catalogue from HQ. */
async function pullCatalog(ctx: BenchContext, engine: Engine): Promise<number> {
  const hq = await benchHq(ctx, engine);
  try {
    const products = generateCatalog(PULL_PRODUCTS, 42);
    const db = hq.hq.ctx.db;
    for (let i = 0; i < products.length; i += 5_000) {
      const chunk = products.slice(i, i + 5_000);
      await db
        .insertInto('products')
        .values(
          chunk.map((p) => ({
            id: newId(),
            sku: `BIG-${p.sku}`,
            name: p.name,
            brand: p.brand,
            category: p.category,
            unit: p.unit,
            price_cents: p.priceCents,
            igv_affectation: p.igvAffectation,
            icbper: p.icbper,
            plu: null,
            active: true,
            barcodes: p.barcodes.map((b) => `9${b}`),
            change_no: sql<number>`nextval('master_change_no')`,
          })),
        )
        .execute();
    }
    const core = await enrolledTerminal(ctx, hq, `pull-${engine}`, []);
    try {
      const start = process.hrtime.bigint();
      const status = await core.sync.syncNow();
      const seconds = elapsedMs(start) / 1000;
      const local = core.ctx.sql.sqlite.prepare('SELECT count(*) AS n FROM products').get() as { n: number };
      if (local.n < PULL_PRODUCTS)
        throw new Error(`terminal has ${local.n} products after the pull (${status.state})`);
      return seconds;
    } finally {
      core.close();
    }
  } finally {
    await hq.close();
  }
}

/** HQ alone: sale records applied per second by applyPushBatch (no network, no terminal). */
async function ingestRate(ctx: BenchContext, engine: Engine): Promise<number> {
  const hq = await benchHq(ctx, engine);
  const source = await createCore({
    dataDir: ctx.tempDir('ingest-source'),
    demo: true,
    sync: { intervalMs: 0 },
  });
  try {
    const db = hq.hq.ctx.db;
    const { terminalId, storeId, terminalCode } = source.ctx.terminal;
    await db
      .insertInto('terminals')
      .values({ id: terminalId, store_id: storeId, code: terminalCode, name: 'Bench', token_hash: 'x' })
      .execute();
    writeOfflineWeek(source, INGEST_SALES, 11);
    const rows = source.ctx.sql.sqlite
      .prepare(
        `SELECT seq, id, topic, entity_id, payload, created_at FROM outbox WHERE topic = 'sale.completed.v2' ORDER BY seq`,
      )
      .all() as Array<{
      seq: number;
      id: string;
      topic: string;
      entity_id: string;
      payload: string;
      created_at: string;
    }>;
    const records: PushRecord[] = rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      topic: r.topic,
      entityId: r.entity_id,
      createdAt: r.created_at,
      payload: JSON.parse(r.payload) as unknown,
    }));
    const principal = {
      terminalId,
      storeId,
      code: terminalCode,
      schemaVersion: null,
      appVersion: null,
      clockSkewMs: null,
    };
    const start = process.hrtime.bigint();
    for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) {
      const batch = records.slice(i, i + MAX_BATCH_RECORDS);
      const response = await applyPushBatch(hq.hq.ctx, principal, {
        batchId: newId(),
        terminalId,
        records: batch,
      });
      const refused = response.acks.find((a) => a.status !== 'applied');
      if (refused) throw new Error(`record ${refused.id} ${refused.status}: ${refused.reason ?? ''}`);
    }
    return records.length / (elapsedMs(start) / 1000);
  } finally {
    source.close();
    await hq.close();
  }
}

export const syncBenchmark: Benchmark = {
  name: 'sync',
  async run(ctx) {
    const results: BenchResult[] = [];
    const production: Engine = postgresAvailable() ? 'postgres' : 'pglite';
    if (production === 'postgres') {
      results.push({
        id: 'sync.push_50k.postgres_s',
        value: round(await pushWeek(ctx, 'postgres'), 2),
        unit: 's',
        target: 60,
        better: 'lower',
      });
    } else {
      console.error(
        '    PostgreSQL is not installed: sync.push_50k.postgres_s not measured (apt-get install postgresql)',
      );
    }
    results.push({
      id: 'sync.push_50k.pglite_s',
      value: round(await pushWeek(ctx, 'pglite'), 2),
      unit: 's',
      target: 60,
      better: 'lower',
    });
    results.push({
      id: 'sync.pull_200k_products_s',
      value: round(await pullCatalog(ctx, production), 2),
      unit: 's',
      target: 30,
      better: 'lower',
    });
    results.push({
      id: 'hq.ingest.sales_per_s',
      value: round(await ingestRate(ctx, production), 0),
      unit: 'sales/s',
      target: 1000,
      better: 'higher',
    });
    return results;
  },
};
