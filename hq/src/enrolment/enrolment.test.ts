import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE, DEMO_STORE_ID } from '../../../db/seeds/demo-store';
import { newId } from '../../../src-main/shared/ids';
import { CLOCK_SKEW_LIMIT_MS, SYNC_HEADERS, type EnrolResponse } from '../../../src-main/sync/protocol';
import { requireTerminal } from '../auth/terminal-auth';
import { HqError } from '../hq-context';
import {
  TEST_RUCS,
  createTestStore,
  enrolBody,
  enrolTestTerminal,
  http,
  issueCode,
  startTestHq,
  terminalFrom,
  type ErrorAnswer,
  type TestHq,
  type TestStore,
} from '../testing/hq-test-kit';
import type { StoreView } from './stores';

let hq: TestHq;
let store: TestStore;
let otherStore: TestStore;
const demoStore = { id: DEMO_STORE_ID, ruc: DEMO_STORE.ruc };

beforeAll(async () => {
  hq = await startTestHq({ demo: true });
  store = await createTestStore(hq, TEST_RUCS[0], 'Bodega Don Lucho');
  otherStore = await createTestStore(hq, TEST_RUCS[1], 'Market San Isidro');
});
afterAll(async () => {
  await hq?.close();
});

const enrol = (body: object) => http<EnrolResponse>(hq.url, 'POST', '/v1/enrol', {}, body);
const pull = (headers: Record<string, string>) => http(hq.url, 'GET', '/v1/changes?after=0&limit=1', headers);

async function terminalRow(terminalId: string) {
  return hq.ctx.db.selectFrom('terminals').selectAll().where('id', '=', terminalId).executeTakeFirstOrThrow();
}

describe('enrolment with a one-time code', () => {
  it('enrols once; the same code is refused afterwards', async () => {
    const code = await issueCode(hq, store.id, 'CAJA-01');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    const first = await enrol(enrolBody(store, code.toLowerCase().replaceAll('-', ' '), 'CAJA-01'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ storeId: store.id, storeName: 'Bodega Don Lucho' });
    expect(first.body.token.length).toBeGreaterThan(30);

    const again = (await enrol(enrolBody(store, code, 'CAJA-09'))) as unknown as ErrorAnswer;
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('ENROLMENT_CODE_INVALID');
    expect(again.body.message).toMatch(/ya fue usado/);

    // HQ keeps only hashes.
    const row = await terminalRow(first.body.terminalId);
    expect(row.token_hash).not.toContain(first.body.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const codes = await hq.ctx.db.selectFrom('enrolment_codes').select('code_hash').execute();
    expect(codes.map((c) => c.code_hash)).not.toContain(code);
    expect(codes.every((c) => /^[0-9a-f]{64}$/.test(c.code_hash))).toBe(true);
  });

  it('lets exactly one of two concurrent enrolments with the same code succeed', async () => {
    const code = await issueCode(hq, store.id, 'CAJA-02');
    const answers = await Promise.all([
      enrol(enrolBody(store, code, 'CAJA-02')),
      enrol(enrolBody(store, code, 'CAJA-03')),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 403]);
  });

  it('refuses an expired code', async () => {
    const code = await issueCode(hq, store.id, 'CAJA-04', 1);
    hq.advance(61 * 60_000);
    const answer = (await enrol(enrolBody(store, code, 'CAJA-04'))) as unknown as ErrorAnswer;
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('ENROLMENT_CODE_INVALID');
  });

  it('refuses a terminal of another store or RUC, naming the store, and keeps the code usable', async () => {
    const code = await issueCode(hq, store.id, 'CAJA-05');
    const wrongStore = (await enrol(enrolBody(otherStore, code, 'CAJA-05'))) as unknown as ErrorAnswer;
    expect(wrongStore.status).toBe(409);
    expect(wrongStore.body.error).toBe('ENROLMENT_STORE_MISMATCH');
    expect(wrongStore.body.message).toContain('Bodega Don Lucho');

    const wrongRuc = (await enrol(
      enrolBody({ id: store.id, ruc: TEST_RUCS[2] }, code, 'CAJA-05'),
    )) as unknown as ErrorAnswer;
    expect(wrongRuc.status).toBe(409);
    expect(wrongRuc.body.error).toBe('ENROLMENT_STORE_MISMATCH');

    const right = await enrol(enrolBody(store, code, 'CAJA-05'));
    expect(right.status).toBe(200);
  });

  it('refuses a code that does not exist and a malformed request', async () => {
    const unknown = (await enrol(enrolBody(store, 'ABCD-EFGH-JKMN'))) as unknown as ErrorAnswer;
    expect(unknown.status).toBe(403);
    const malformed = (await enrol({ code: 'ABCD-EFGH-JKMN', storeId: store.id })) as unknown as ErrorAnswer;
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('BAD_REQUEST');
    expect(malformed.body.message).toMatch(/^Datos inválidos: .*terminalId/);
  });

  it('refuses a second terminal under a caja code the store already has', async () => {
    await enrolTestTerminal(hq, otherStore, 'CAJA-01');
    const code = await issueCode(hq, otherStore.id, 'CAJA-01');
    const answer = (await enrol(enrolBody(otherStore, code, 'CAJA-01'))) as unknown as ErrorAnswer;
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('CAJA-01');
  });

  it('re-enrols a live terminal with a new token; the old one stops working', async () => {
    const terminal = await enrolTestTerminal(hq, store, 'CAJA-06');
    const code = await issueCode(hq, store.id, 'CAJA-06');
    const again = await enrol({ ...enrolBody(store, code, 'CAJA-06'), terminalId: terminal.terminalId });
    expect(again.status).toBe(200);
    const renewed = terminalFrom(hq, again.body);
    expect((await pull(renewed.headers())).status).toBe(200);
    expect((await pull(terminal.headers())).status).toBe(401);
  });
});

describe('terminal credentials', () => {
  it('refuses a missing, unknown or wrong credential with 401', async () => {
    const terminal = await enrolTestTerminal(hq, store, 'CAJA-07');
    expect((await pull(terminal.headers())).status).toBe(200);

    const noAuth = { ...terminal.headers() };
    delete noAuth.authorization;
    const answers = (await Promise.all([
      pull(noAuth),
      pull(terminal.headers({ authorization: `Bearer ${terminal.terminalId}.${'x'.repeat(43)}` })),
      pull(terminal.headers({ authorization: `Bearer ${newId()}.${terminal.token}` })),
      pull(terminal.headers({ authorization: `Bearer ${terminal.token}` })),
    ])) as ErrorAnswer[];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a revoked terminal from its next request on, and its re-enrolment', async () => {
    const terminal = await enrolTestTerminal(hq, store, 'CAJA-08');
    expect((await pull(terminal.headers())).status).toBe(200);

    const revoked = await hq.admin<{ revokedAt: string | null }>(
      'POST',
      `/api/admin/terminals/${terminal.terminalId}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();

    const refused = (await pull(terminal.headers())) as ErrorAnswer;
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('TERMINAL_REVOKED');
    expect(refused.body.message).toContain('CAJA-08');

    const code = await issueCode(hq, store.id, 'CAJA-08');
    const again = (await enrol({
      ...enrolBody(store, code, 'CAJA-08'),
      terminalId: terminal.terminalId,
    })) as unknown as ErrorAnswer;
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('TERMINAL_REVOKED');

    const unknown = await hq.admin('POST', `/api/admin/terminals/${newId()}/revoke`);
    expect(unknown.status).toBe(404);
  });

  it('records versions and pending count, flags a clock that is off and clears the flag', async () => {
    const terminal = await enrolTestTerminal(hq, demoStore, 'CAJA-02');
    const behind = new Date(hq.clock.now.getTime() - 5 * 60_000).toISOString();
    expect(
      (await pull(terminal.headers({ [SYNC_HEADERS.clock]: behind, [SYNC_HEADERS.pending]: '42' }))).status,
    ).toBe(200);

    let row = await terminalRow(terminal.terminalId);
    expect(row.clock_skew_ms).toBe(5 * 60_000);
    expect(row.clock_flagged_at).toEqual(hq.clock.now);
    expect(row.pending_count).toBe(42);
    expect(row.schema_version).toBe(8);
    expect(row.app_version).toBe('0.1.0');
    expect(row.last_seen_at).toEqual(hq.clock.now);
    expect(row.last_pull_at).toEqual(hq.clock.now);

    const listed = await hq.admin<{ stores: StoreView[] }>('GET', '/api/admin/stores');
    const view = listed.body.stores.flatMap((s) => s.terminals).find((t) => t.id === terminal.terminalId);
    expect(view).toMatchObject({ clockSkewMs: 300_000, pendingCount: 42, code: 'CAJA-02' });

    // Within the limit: not flagged any more.
    const slightly = new Date(hq.clock.now.getTime() + 30_000).toISOString();
    expect((await pull(terminal.headers({ [SYNC_HEADERS.clock]: slightly }))).status).toBe(200);
    row = await terminalRow(terminal.terminalId);
    expect(row.clock_skew_ms).toBeNull();
    expect(row.clock_flagged_at).toBeNull();
    expect(row.pending_count).toBe(0);
  });

  it('answers the skew in the principal only when it is over the limit', async () => {
    const terminal = await enrolTestTerminal(hq, demoStore, 'CAJA-03');
    const principal = (headers: Record<string, string>) =>
      requireTerminal(hq.ctx, { headers } as unknown as FastifyRequest);
    const ahead = new Date(hq.clock.now.getTime() + CLOCK_SKEW_LIMIT_MS + 1_000).toISOString();
    const flagged = await principal(terminal.headers({ [SYNC_HEADERS.clock]: ahead }));
    expect(flagged).toMatchObject({
      terminalId: terminal.terminalId,
      storeId: DEMO_STORE_ID,
      code: 'CAJA-03',
      schemaVersion: 8,
      appVersion: '0.1.0',
      clockSkewMs: -(CLOCK_SKEW_LIMIT_MS + 1_000),
    });
    const fine = await principal(terminal.headers());
    expect(fine.clockSkewMs).toBeNull();
    await expect(principal(terminal.headers({ [SYNC_HEADERS.clock]: 'ayer' }))).rejects.toBeInstanceOf(
      HqError,
    );
  });

  it('refuses a terminal schema older than HQ accepts, with a Spanish message, and records it', async () => {
    const terminal = await enrolTestTerminal(hq, demoStore, 'CAJA-04');
    const old = (await pull(terminal.headers({ [SYNC_HEADERS.schemaVersion]: '6' }))) as ErrorAnswer;
    expect(old.status).toBe(426);
    expect(old.body.error).toBe('SCHEMA_UNSUPPORTED');
    expect(old.body.message).toMatch(/esquema 6.*esquema 7.*Actualice Mostrador/);
    expect((await terminalRow(terminal.terminalId)).schema_version).toBe(6);

    expect((await pull(terminal.headers({ [SYNC_HEADERS.schemaVersion]: '7' }))).status).toBe(200);
    const malformed = (await pull(
      terminal.headers({ [SYNC_HEADERS.schemaVersion]: 'siete' }),
    )) as ErrorAnswer;
    expect(malformed.status).toBe(400);
  });
});

describe('admin API', () => {
  const adminRoutes: Array<[string, string, unknown?]> = [
    ['GET', '/api/admin/stores'],
    ['POST', '/api/admin/stores', { ruc: TEST_RUCS[2], legalName: 'X', tradeName: 'X' }],
    [
      'POST',
      `/api/admin/stores/${DEMO_STORE_ID}/enrolment-codes`,
      { terminalCode: 'CAJA-09', terminalName: 'Caja 9' },
    ],
    ['POST', `/api/admin/terminals/${newId()}/revoke`],
    ['PUT', '/api/admin/products', []],
    ['PATCH', `/api/admin/products/${newId()}/price`, { priceCents: 100 }],
    ['DELETE', `/api/admin/products/${newId()}`],
    ['PUT', '/api/admin/users', []],
    ['DELETE', `/api/admin/users/${newId()}`],
    ['PUT', `/api/admin/stores/${DEMO_STORE_ID}/settings/tax.igvBps`, { value: 1800 }],
    ['DELETE', `/api/admin/stores/${DEMO_STORE_ID}/settings/tax.igvBps`],
    [
      'POST',
      `/api/admin/stores/${DEMO_STORE_ID}/stock`,
      { productId: 'x', quantityMilli: 1, reason: 'receipt' },
    ],
  ];

  it('refuses every admin route without the admin token or with a terminal token', async () => {
    const terminal = await enrolTestTerminal(hq, demoStore, 'CAJA-05');
    for (const [method, path, body] of adminRoutes) {
      const headerSets: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer nope' },
        { authorization: terminal.headers().authorization as string },
      ];
      for (const headers of headerSets) {
        const answer = (await http(hq.url, method, path, headers, body)) as ErrorAnswer;
        expect(answer.status, `${method} ${path}`).toBe(401);
        expect(answer.body.error).toBe('UNAUTHENTICATED');
      }
    }
    expect((await hq.admin('GET', '/api/admin/stores')).status).toBe(200);
  });

  it('creates stores with a valid RUC, defaults the id and refuses a duplicate id', async () => {
    const bad = (await hq.admin('POST', '/api/admin/stores', {
      ruc: '20100070971',
      legalName: 'A',
      tradeName: 'A',
    })) as ErrorAnswer;
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('RUC');
    const id = newId();
    const created = await hq.admin<StoreView>('POST', '/api/admin/stores', {
      id,
      ruc: TEST_RUCS[2],
      legalName: 'B',
      tradeName: 'B',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, ruc: TEST_RUCS[2], address: '', terminals: [] });
    const again = await hq.admin('POST', '/api/admin/stores', {
      id,
      ruc: TEST_RUCS[2],
      legalName: 'B',
      tradeName: 'B',
    });
    expect(again.status).toBe(409);
    const missing = await hq.admin('POST', `/api/admin/stores/${newId()}/enrolment-codes`, {
      terminalCode: 'CAJA-01',
      terminalName: 'Caja 1',
    });
    expect(missing.status).toBe(404);
  });

  it('answers health, unknown routes and bad JSON in the protocol error shape', async () => {
    const health = await http<{ ok: boolean; engine: string }>(hq.url, 'GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { ok: true, engine: 'pglite' } });
    const unknown = (await http(hq.url, 'GET', '/v1/nada')) as ErrorAnswer;
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('BAD_REQUEST');
    const badJson = (await http(hq.url, 'POST', '/v1/enrol', {}, '{"code":')) as ErrorAnswer;
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toMatch(/JSON/);
  });
});
