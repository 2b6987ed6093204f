import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aesSecretBox } from '../fiscal/secrets/secret-box';
import { DEMO_STORE, DEMO_STORE_ID } from '../../db/seeds/demo-store';
import { useTempCores } from '../testing/temp-core';
import { enrolTerminal } from './enrolment';
import { HqClient, SyncError } from './hq-client';
import type { EnrolRequest } from './protocol';
import { SyncStateStore } from './sync-state';

const cores = useTempCores({ sync: { intervalMs: 0 } });
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** HQ's enrol route, answering what `answer` makes of the request. */
async function enrolServer(answer: (request: EnrolRequest) => { status: number; body: unknown }): Promise<{
  url: string;
  requests: EnrolRequest[];
}> {
  const requests: EnrolRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const parsed = JSON.parse(body) as EnrolRequest;
      requests.push(parsed);
      const { status, body: out } = answer(parsed);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(out));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const TOKEN = 'tok_' + 'a'.repeat(40);

async function setup() {
  const temp = await cores.setup();
  const box = aesSecretBox(randomBytes(32));
  const state = new SyncStateStore(temp.core.ctx.sql, temp.core.ctx.qb, temp.core.ctx.clock, box);
  const client = (url: string) =>
    new HqClient({
      baseUrl: url,
      timeoutMs: 2_000,
      report: () => ({ schemaVersion: 8, appVersion: 'test', clock: new Date(), pendingCount: 0 }),
    });
  return { ...temp, state, client };
}

describe('enrolTerminal', () => {
  it("sends this terminal's identity, stores the sealed credential and audits without the token", async () => {
    const { core, state, client, actor } = await setup();
    const hq = await enrolServer((request) => ({
      status: 200,
      body: {
        terminalId: request.terminalId,
        storeId: request.storeId,
        storeName: 'Minimarket La Esquina',
        token: TOKEN,
      },
    }));
    const result = await enrolTerminal(
      core.ctx,
      state,
      client(hq.url),
      { hqUrl: hq.url, code: ' ABCD-1234 ' },
      actor.userId,
    );

    expect(result).toEqual({ hqUrl: hq.url, storeName: 'Minimarket La Esquina' });
    expect(hq.requests[0]).toEqual({
      code: 'ABCD-1234',
      terminalId: core.ctx.terminal.terminalId,
      storeId: DEMO_STORE_ID,
      ruc: DEMO_STORE.ruc,
      terminalCode: DEMO_STORE.terminalCode,
      terminalName: DEMO_STORE.terminalName,
    });
    expect(state.read()).toMatchObject({ enrolled: true, hqUrl: hq.url, storeName: 'Minimarket La Esquina' });
    expect(state.credential()).toEqual({ hqUrl: hq.url, bearer: `${core.ctx.terminal.terminalId}.${TOKEN}` });
    const row = core.ctx.sql.first(core.ctx.qb.selectFrom('sync_state').selectAll());
    expect(Buffer.from(row?.credential_sealed ?? []).toString('latin1')).not.toContain(TOKEN);
    const audit = core.ctx.sql.first(
      core.ctx.qb.selectFrom('audit_log').selectAll().where('action', '=', 'sync.enrolled'),
    );
    expect(audit).toMatchObject({ user_id: actor.userId, entity_id: core.ctx.terminal.terminalId });
    expect(audit?.data).not.toContain(TOKEN);
    expect(JSON.parse(audit?.data ?? '{}')).toMatchObject({
      hqUrl: hq.url,
      storeName: 'Minimarket La Esquina',
    });
  });

  it("keeps HQ's Spanish refusal and stores nothing", async () => {
    const { state, client, core, actor } = await setup();
    const hq = await enrolServer(() => ({
      status: 400,
      body: {
        error: 'ENROLMENT_CODE_INVALID',
        message: 'El código de inscripción no existe, ya se usó o venció.',
      },
    }));
    const attempt = enrolTerminal(
      core.ctx,
      state,
      client(hq.url),
      { hqUrl: hq.url, code: 'WRONG-CODE' },
      actor.userId,
    );
    await expect(attempt).rejects.toBeInstanceOf(SyncError);
    await expect(attempt).rejects.toMatchObject({
      code: 'ENROLMENT_CODE_INVALID',
      message: 'El código de inscripción no existe, ya se usó o venció.',
    });
    expect(state.read()).toMatchObject({ enrolled: false, hqUrl: null });
  });

  it('refuses an answer about another terminal or store', async () => {
    const { state, client, core, actor } = await setup();
    const hq = await enrolServer((request) => ({
      status: 200,
      body: { terminalId: 'someone-else', storeId: request.storeId, storeName: 'Otra', token: TOKEN },
    }));
    await expect(
      enrolTerminal(core.ctx, state, client(hq.url), { hqUrl: hq.url, code: 'ABCD-1234' }, actor.userId),
    ).rejects.toMatchObject({ code: 'ENROLMENT_MISMATCH' });
    expect(state.read().enrolled).toBe(false);
  });

  it('a new enrolment with another headquarters starts its cursor over; the same one keeps it', async () => {
    const { state, client, core, actor } = await setup();
    const answer = (request: EnrolRequest) => ({
      status: 200,
      body: { terminalId: request.terminalId, storeId: request.storeId, storeName: 'Tienda', token: TOKEN },
    });
    const first = await enrolServer(answer);
    await enrolTerminal(
      core.ctx,
      state,
      client(first.url),
      { hqUrl: first.url, code: 'CODE-0001' },
      actor.userId,
    );
    core.ctx.sql.transaction(() => state.setPullCursor(40));
    await enrolTerminal(
      core.ctx,
      state,
      client(first.url),
      { hqUrl: first.url, code: 'CODE-0002' },
      actor.userId,
    );
    expect(state.pullCursor()).toBe(40);
    const second = await enrolServer(answer);
    await enrolTerminal(
      core.ctx,
      state,
      client(second.url),
      { hqUrl: second.url, code: 'CODE-0003' },
      actor.userId,
    );
    expect(state.pullCursor()).toBe(0);
  });
});
