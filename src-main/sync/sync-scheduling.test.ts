import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from '../core/core';
import { demoId } from '../shared/ids';
import { sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import type { MasterChange, PushAck, PushRequest } from './protocol';
import { SyncEngine } from './sync-engine';
import type { SyncModuleOptions } from './sync-module';
import type { SyncStatusView } from './sync-views';

/**
 * The engine's pacing and failure handling against a small stand-in for headquarters
 * (node:http on loopback): the protocol as HQ speaks it, with switches to break it.
 * The real headquarters is in sync-engine.test.ts.
 */
class FakeHq {
  url = '';
  readonly pushes: PushRequest[] = [];
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  changes: MasterChange[] = [];
  /** 'down': the connection is cut; 'revoked': 401 as HQ answers a revoked terminal. */
  mode: 'ok' | 'down' | 'revoked' | 'unavailable' = 'ok';
  delayMs = 0;
  rejectIds = new Set<string>();
  /** Batches with more records than this are refused as too large. */
  maxRecords = Infinity;
  /** Records refused as too large even alone. */
  hugeIds = new Set<string>();
  clockSkewMs: number | null = null;
  inFlight = 0;
  maxInFlight = 0;
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => void this.handle(request, body, response));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, body: string, response: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const path = request.url ?? '';
      this.requests.push({ path, headers: request.headers });
      if (path === '/v1/enrol') {
        const enrol = JSON.parse(body) as { terminalId: string; storeId: string };
        return send(response, 200, { ...enrol, storeName: 'Minimarket La Esquina', token: 'x'.repeat(40) });
      }
      if (this.mode === 'down') return void response.socket?.destroy();
      if (this.mode === 'unavailable')
        return send(response, 503, { error: 'UNAVAILABLE', message: 'Central en mantenimiento.' });
      if (this.mode === 'revoked') {
        return send(response, 401, {
          error: 'TERMINAL_REVOKED',
          message: 'La central rechazó la credencial de esta caja: vuelva a inscribirla.',
        });
      }
      if (path === '/v1/push') {
        const push = JSON.parse(body) as PushRequest;
        if (push.records.length > this.maxRecords || push.records.some((r) => this.hugeIds.has(r.id))) {
          return send(response, 413, { error: 'BATCH_TOO_LARGE', message: 'El envío es demasiado grande.' });
        }
        this.pushes.push(push);
        const acks: PushAck[] = push.records.map((r) =>
          this.rejectIds.has(r.id)
            ? { id: r.id, status: 'rejected', reason: 'Producto desconocido en la central.' }
            : { id: r.id, status: 'applied' },
        );
        return send(response, 200, {
          batchId: push.batchId,
          acks,
          clockSkewMs: this.clockSkewMs,
          serverTime: new Date().toISOString(),
        });
      }
      if (path.startsWith('/v1/changes')) {
        const query = new URL(path, 'http://x').searchParams;
        const after = Number(query.get('after'));
        const limit = Number(query.get('limit'));
        const newer = this.changes.filter((c) => c.changeNo > after);
        const page = newer.slice(0, limit);
        return send(response, 200, {
          changes: page,
          cursor: page.at(-1)?.changeNo ?? after,
          hasMore: newer.length > page.length,
          serverTime: new Date().toISOString(),
        });
      }
      send(response, 404, { error: 'BAD_REQUEST', message: 'Ruta desconocida.' });
    } finally {
      this.inFlight -= 1;
    }
  }

  pushedIds(): string[] {
    return this.pushes.flatMap((p) => p.records.map((r) => r.id));
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const hqs: FakeHq[] = [];
afterEach(async () => {
  await Promise.all(hqs.splice(0).map((hq) => hq.close()));
});

const cores = useTempCores();

async function enrolled(
  sync: SyncModuleOptions = {},
  overrides: Partial<CoreOptions> = {},
): Promise<{ core: Core; actor: Actor; hq: FakeHq; engine: SyncEngine; clock: { set(iso: string): void } }> {
  const hq = new FakeHq();
  hqs.push(hq);
  await hq.start();
  const temp = await cores.setup({
    sync: { intervalMs: 0, nightlyCheckMs: 0, random: () => 0.5, ...sync },
    ...overrides,
  });
  cores.beforeCoresClose(() => void temp.core.sync.stop());
  const engine = temp.core.sync;
  if (!(engine instanceof SyncEngine)) throw new Error('the core does not run the sync engine');
  const admin = temp.core.ctx.users.credentials('admin');
  await engine.enrol({ hqUrl: `${hq.url}/`, code: 'ABCD-1234' }, admin?.id ?? 'admin');
  await engine.syncNow();
  return { core: temp.core, actor: temp.actor, hq, engine, clock: temp.clock };
}

function pendingIds(core: Core): string[] {
  return core.ctx.sql
    .all(core.ctx.qb.selectFrom('outbox').select('id').where('status', '=', 'pending').orderBy('seq'))
    .map((r) => r.id);
}

function waitFor(
  engine: SyncEngine,
  predicate: (status: SyncStatusView) => boolean,
  timeoutMs = 10_000,
): Promise<SyncStatusView> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const status = engine.status();
      if (!predicate(status)) return false;
      off();
      clearTimeout(timer);
      resolve(status);
      return true;
    };
    const off = engine.onChange(() => void check());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; status: ${JSON.stringify(engine.status())}`));
    }, timeoutMs);
    check();
  });
}

describe('sync engine against a stand-in headquarters', () => {
  it('enrols, then pushes every pending row in seq order, in batches, and pulls', async () => {
    const { core, actor, hq, engine } = await enrolled({ batchRecords: 2 });
    expect(engine.status()).toMatchObject({
      state: 'online',
      enrolled: true,
      pendingCount: 0,
      storeName: 'Minimarket La Esquina',
    });
    const bearer = hq.requests.find((r) => r.path === '/v1/push')?.headers.authorization;
    expect(bearer).toBe(`Bearer ${core.ctx.terminal.terminalId}.${'x'.repeat(40)}`);

    hq.pushes.length = 0;
    sellBoleta(core, actor);
    const waiting = pendingIds(core);
    expect(waiting.length).toBeGreaterThan(2);
    hq.changes = [
      { changeNo: 1, entity: 'setting', op: 'upsert', data: { key: 'sales.discountLimitBps', value: 1200 } },
    ];
    const status = await engine.syncNow();

    expect(status).toMatchObject({
      state: 'online',
      pendingCount: 0,
      pullCursor: 1,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(hq.pushedIds().slice(0, waiting.length)).toEqual(waiting);
    expect(hq.pushes.every((p) => p.records.length <= 2)).toBe(true);
    const seqs = hq.pushes.flatMap((p) => p.records.map((r) => r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(hq.pushes.map((p) => p.batchId)).size).toBe(hq.pushes.length);
    expect(hq.pushes[0]?.batchId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(core.ctx.settings.get('sales.discountLimitBps')).toBe(1200);
  });

  it('never runs two exchanges at once: requests during a run wait, then one more run follows', async () => {
    const { core, actor, hq, engine } = await enrolled();
    hq.delayMs = 60;
    hq.maxInFlight = 0;
    const pullsBefore = hq.requests.filter((r) => r.path.startsWith('/v1/changes')).length;
    sellBoleta(core, actor);
    const results = await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(hq.maxInFlight).toBe(1);
    expect(results.every((s) => s.pendingCount === 0)).toBe(true);
    // The first run and a single coalesced re-run for the two requests made during it.
    expect(hq.requests.filter((r) => r.path.startsWith('/v1/changes')).length - pullsBefore).toBe(2);
  });

  it('a rejected record goes to the dead-letter list and the rest of the queue goes on; it can be requeued', async () => {
    const { core, actor, hq, engine } = await enrolled();
    sellBoleta(core, actor);
    const [poison, ...rest] = pendingIds(core);
    hq.rejectIds.add(poison as string);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 1 });
    expect(hq.pushedIds()).toEqual(expect.arrayContaining(rest));
    expect(engine.deadLetters()).toEqual([
      expect.objectContaining({ id: poison, reason: 'Producto desconocido en la central.' }),
    ]);

    hq.rejectIds.clear();
    const supervisor = core.ctx.users.credentials('supervisor');
    engine.retryDead(poison as string, supervisor?.id ?? '');
    const after = await engine.syncNow();
    expect(after).toMatchObject({ deadCount: 0, pendingCount: 0 });
    expect(hq.pushedIds().filter((id) => id === poison).length).toBe(2);
    expect(() => engine.retryDead(poison as string, supervisor?.id ?? '')).toThrow(/lista de rechazados/);
  });

  it('HQ out of reach: offline, rows kept pending with the attempt counted, backoff set; back up: pushed', async () => {
    const { core, actor, hq, engine } = await enrolled({ baseBackoffMs: 60_000 });
    hq.mode = 'down';
    sellBoleta(core, actor);
    const waiting = pendingIds(core);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'offline', pendingCount: waiting.length, running: false });
    expect(status.lastError).toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/^Sin conexión con la central \(/) as unknown,
    });
    // random() = 0.5 of a 60 s first ceiling: 30 s after the core's (fixed) clock.
    expect(status.nextAttemptAt).toBe('2026-11-23T10:00:30-05:00');
    const row = core.ctx.sql.first(
      core.ctx.qb
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', waiting[0] as string),
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: status.lastError?.message });

    // A 5xx is the same: HQ is not there for us.
    hq.mode = 'unavailable';
    expect(await engine.syncNow()).toMatchObject({ state: 'offline', lastError: { code: 'UNAVAILABLE' } });

    hq.mode = 'ok';
    expect(await engine.syncNow()).toMatchObject({
      state: 'online',
      pendingCount: 0,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(hq.pushedIds()).toEqual(expect.arrayContaining(waiting));
  });

  it('retries by itself with backoff after a failure, even with the background loop off', async () => {
    const { core, actor, hq, engine } = await enrolled({ baseBackoffMs: 40, maxBackoffMs: 80 });
    hq.mode = 'down';
    sellBoleta(core, actor);
    expect((await engine.syncNow()).state).toBe('offline');
    setTimeout(() => (hq.mode = 'ok'), 150);
    const status = await waitFor(engine, (s) => s.state === 'online' && s.pendingCount === 0);
    expect(status.nextAttemptAt).toBeNull();
  });

  it("a revoked terminal is in error with HQ's Spanish message and only retried slowly", async () => {
    const { core, actor, hq, engine } = await enrolled({ baseBackoffMs: 10, slowRetryMs: 600_000 });
    hq.mode = 'revoked';
    sellBoleta(core, actor);
    const status = await engine.syncNow();
    expect(status).toMatchObject({
      state: 'error',
      lastError: {
        code: 'TERMINAL_REVOKED',
        message: 'La central rechazó la credencial de esta caja: vuelva a inscribirla.',
      },
      // Between half and all of the slow delay: 0.5 → 450 s after the fixed clock.
      nextAttemptAt: '2026-11-23T10:07:30-05:00',
    });
    expect(status.pendingCount).toBeGreaterThan(0);
  });

  it('halves a batch HQ finds too large; a record too large even alone is dead-lettered', async () => {
    const { core, actor, hq, engine } = await enrolled();
    hq.pushes.length = 0;
    sellBoleta(core, actor);
    sellBoleta(core, actor);
    const waiting = pendingIds(core);
    hq.maxRecords = 3;
    hq.hugeIds.add(waiting[1] as string);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'online', pendingCount: 0, deadCount: 1 });
    expect(hq.pushes.every((p) => p.records.length <= 3)).toBe(true);
    expect(hq.pushedIds()).toEqual(expect.arrayContaining(waiting.filter((id) => id !== waiting[1])));
    expect(engine.deadLetters()[0]).toMatchObject({
      id: waiting[1],
      reason: 'El envío es demasiado grande.',
    });
  });

  it('stores the clock skew HQ reports', async () => {
    const { core, actor, hq, engine } = await enrolled();
    hq.clockSkewMs = -600_000;
    sellBoleta(core, actor);
    expect((await engine.syncNow()).clockSkewMs).toBe(-600_000);
    hq.clockSkewMs = null;
    sellBoleta(core, actor);
    expect((await engine.syncNow()).clockSkewMs).toBeNull();
  });

  it('the background loop pushes by itself; a quiet tick fires no change event', async () => {
    const { core, actor, hq, engine } = await enrolled({ intervalMs: 25 });
    await waitFor(engine, (s) => s.state === 'online' && !s.running);
    let events = 0;
    const off = engine.onChange(() => (events += 1));
    const pulls = () => hq.requests.filter((r) => r.path.startsWith('/v1/changes')).length;
    const before = pulls();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pulls() - before).toBeGreaterThanOrEqual(3);
    expect(events).toBe(0);

    sellBoleta(core, actor);
    await waitFor(engine, (s) => s.pendingCount === 0);
    expect(events).toBeGreaterThan(0);
    off();
  });

  it('runs the nightly full exchange once per Lima date at the configured hour', async () => {
    const { core, engine, hq, clock } = await enrolled();
    const admin = core.ctx.users.credentials('admin');
    engine.configure({ nightlyHour: 3 }, admin?.id ?? '');
    const audit = core.ctx.sql.first(
      core.ctx.qb.selectFrom('audit_log').selectAll().where('action', '=', 'sync.settings_changed'),
    );
    expect(JSON.parse(audit?.data ?? '{}')).toEqual({ nightlyHour: { before: 2, after: 3 } });
    expect(() => engine.configure({ nightlyHour: 24 }, admin?.id ?? '')).toThrow();

    const pulls = () => hq.requests.filter((r) => r.path.startsWith('/v1/changes')).length;
    const before = pulls();
    clock.set('2026-11-24T07:10:00.000Z'); // 02:10 in Lima
    expect(await engine.runNightlyIfDue()).toBe(false);
    clock.set('2026-11-24T08:10:00.000Z'); // 03:10 in Lima
    expect(await engine.runNightlyIfDue()).toBe(true);
    expect(pulls() - before).toBe(1);
    expect(engine.status().lastNightlyRunOn).toBe('2026-11-24');
    clock.set('2026-11-24T08:50:00.000Z');
    expect(await engine.runNightlyIfDue()).toBe(false);
    clock.set('2026-11-25T08:05:00.000Z');
    expect(await engine.runNightlyIfDue()).toBe(true);
  });

  it('pulls page after page until HQ has no more', async () => {
    const { core, hq, engine } = await enrolled({ pullLimit: 2 });
    hq.changes = [1, 2, 3, 4, 5].map((n) => ({
      changeNo: 10 + n,
      entity: 'product' as const,
      op: 'upsert' as const,
      data: {
        id: demoId('product', `P${n}`),
        sku: `P${n}`,
        name: `Producto ${n}`,
        brand: null,
        category: null,
        unit: 'NIU' as const,
        priceCents: 100 * n,
        igvAffectation: '10' as const,
        icbper: false,
        plu: null,
        active: true,
        barcodes: [`99900${n}`],
      },
    }));
    const status = await engine.syncNow();
    expect(status.pullCursor).toBe(15);
    expect(core.ctx.catalog.byBarcode('999005')?.priceCents).toBe(500);
    const pages = core.ctx.sql.all(
      core.ctx.qb.selectFrom('audit_log').select('data').where('action', '=', 'sync.master_data_applied'),
    );
    expect(pages.length).toBe(3);
  });

  it('stop() aborts a running exchange at once and nothing runs after it', async () => {
    const { core, actor, hq, engine } = await enrolled({ intervalMs: 20 });
    hq.delayMs = 5_000;
    sellBoleta(core, actor);
    const running = engine.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await engine.stop();
    await running;
    expect(Date.now() - started).toBeLessThan(2_000);
    const count = hq.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hq.requests.length).toBe(count);
    // The rows were not acknowledged: they stay pending for the next start.
    expect(core.ctx.outbox.pendingCount()).toBeGreaterThan(0);
  });
});
