import Fastify, { type FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushRequest, PushResponse, SyncErrorBody } from '../../../src-main/sync/protocol';
import { requireTerminal } from '../auth/terminal-auth';
import type { HqDatabase } from '../db/schema';
import { HqError, type HqContext, type TerminalPrincipal } from '../hq-context';
import { errorResponse } from '../server';
import { applyPushBatch } from './apply-push-batch';
import { registerIngestRoutes } from './ingest-routes';

vi.mock('../auth/terminal-auth', () => ({ requireTerminal: vi.fn() }));
vi.mock('./apply-push-batch', () => ({ applyPushBatch: vi.fn() }));

const principal: TerminalPrincipal = {
  terminalId: 'term-a1',
  storeId: 'store-a',
  code: 'CAJA1',
  schemaVersion: 9,
  appVersion: '0.1.0',
  clockSkewMs: null,
};

const batch: PushRequest = {
  batchId: 'batch-1',
  terminalId: 'term-a1',
  records: [
    {
      id: 'r1',
      seq: 1,
      topic: 'stock.movement.v1',
      entityId: 'm1',
      createdAt: '2026-11-23T15:00:00-05:00',
      payload: {},
    },
  ],
};

describe('POST /v1/push', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    // Never connected: the route's work is mocked, the context only has to exist.
    const db = new Kysely<HqDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
    const ctx: HqContext = {
      db,
      engine: 'postgres',
      now: () => new Date('2026-11-23T20:00:00Z'),
      adminToken: 'a',
    };
    app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      const { status, body } = errorResponse(error);
      return reply.code(status).send(body);
    });
    registerIngestRoutes(app, ctx);
    await app.ready();
    vi.mocked(requireTerminal).mockResolvedValue(principal);
  });

  afterEach(async () => {
    await app.close();
    vi.mocked(applyPushBatch).mockReset();
    vi.mocked(requireTerminal).mockReset();
  });

  it('applies the batch as the authenticated terminal and answers its acks', async () => {
    const answer: PushResponse = {
      batchId: 'batch-1',
      acks: [{ id: 'r1', status: 'applied' }],
      clockSkewMs: null,
      serverTime: '2026-11-23T20:00:00.000Z',
    };
    vi.mocked(applyPushBatch).mockResolvedValue(answer);
    const response = await app.inject({ method: 'POST', url: '/v1/push', payload: batch });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(answer);
    expect(vi.mocked(applyPushBatch).mock.calls[0]?.[1]).toBe(principal);
    expect(vi.mocked(applyPushBatch).mock.calls[0]?.[2]).toEqual(batch);
  });

  it('refuses a terminal that is not authenticated before reading the batch', async () => {
    vi.mocked(requireTerminal).mockRejectedValue(
      new HqError(401, 'UNAUTHENTICATED', 'Terminal no identificado.'),
    );
    const response = await app.inject({ method: 'POST', url: '/v1/push', payload: batch });
    expect(response.statusCode).toBe(401);
    expect(vi.mocked(applyPushBatch)).not.toHaveBeenCalled();
  });

  it('answers 400 to a body that is not a push batch', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/push',
      payload: { ...batch, records: [] },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<SyncErrorBody>();
    expect(body.error).toBe('BAD_REQUEST');
    expect(body.message).toMatch(/^Datos inválidos: records: /);
    expect(vi.mocked(applyPushBatch)).not.toHaveBeenCalled();
  });

  it('answers 403 to a batch that names another terminal', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/push',
      payload: { ...batch, terminalId: 'term-a2' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<SyncErrorBody>()).toEqual({
      error: 'FORBIDDEN',
      message: 'El lote pertenece a otra caja.',
    });
    expect(vi.mocked(applyPushBatch)).not.toHaveBeenCalled();
  });

  it('answers 503 when the database fails, so the terminal retries the whole batch', async () => {
    vi.mocked(applyPushBatch).mockRejectedValue(
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    );
    const response = await app.inject({ method: 'POST', url: '/v1/push', payload: batch });
    expect(response.statusCode).toBe(503);
    expect(response.json<SyncErrorBody>()).toEqual({
      error: 'UNAVAILABLE',
      message: 'La central no pudo guardar el lote ahora; la caja lo reintentará.',
    });
  });
});
