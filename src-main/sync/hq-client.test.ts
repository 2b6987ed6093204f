import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HqClient, SyncError, normalizeHqUrl, type TerminalReport } from './hq-client';
import { SYNC_HEADERS } from './protocol';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => handler(request, body, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A port that was free a moment ago: nobody listens there. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const report: TerminalReport = {
  schemaVersion: 8,
  appVersion: '1.2.3',
  clock: new Date('2026-11-23T15:00:00.000Z'),
  pendingCount: 42,
};

function client(baseUrl: string, extra: Partial<ConstructorParameters<typeof HqClient>[0]> = {}): HqClient {
  return new HqClient({ baseUrl, bearer: 'term-1.secret', timeoutMs: 2_000, report: () => report, ...extra });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

const PULL_OK = { changes: [], cursor: 0, hasMore: false, serverTime: '2026-11-23T15:00:00.000Z' };

describe('HqClient', () => {
  it('sends the version, clock and pending headers and the bearer on every request', async () => {
    const seen: IncomingMessage[] = [];
    const url = await serve((request, _body, response) => {
      seen.push(request);
      json(response, 200, PULL_OK);
    });
    await client(url).changes(12, 100);
    const [request] = seen;
    expect(request?.url).toBe('/v1/changes?after=12&limit=100');
    expect(request?.headers[SYNC_HEADERS.schemaVersion]).toBe('8');
    expect(request?.headers[SYNC_HEADERS.appVersion]).toBe('1.2.3');
    expect(request?.headers[SYNC_HEADERS.clock]).toBe('2026-11-23T15:00:00.000Z');
    expect(request?.headers[SYNC_HEADERS.pending]).toBe('42');
    expect(request?.headers.authorization).toBe('Bearer term-1.secret');
  });

  it('posts JSON and checks the answer', async () => {
    let received: unknown = null;
    const url = await serve((request, body, response) => {
      received = {
        method: request.method,
        type: request.headers['content-type'],
        body: JSON.parse(body) as unknown,
      };
      json(response, 200, {
        batchId: 'b1',
        acks: [{ id: 'r1', status: 'applied' }],
        clockSkewMs: null,
        serverTime: 'x',
      });
    });
    const answer = await client(url).push({
      batchId: 'b1',
      terminalId: 't1',
      records: [
        {
          id: 'r1',
          seq: 1,
          topic: 'x.v1',
          entityId: 'e',
          createdAt: '2026-11-23T10:00:00-05:00',
          payload: {},
        },
      ],
    });
    expect(answer.acks).toEqual([{ id: 'r1', status: 'applied' }]);
    expect(received).toMatchObject({ method: 'POST', type: 'application/json', body: { batchId: 'b1' } });
  });

  it("HQ's refusal keeps its code and Spanish message; credential and schema refusals need a person", async () => {
    const url = await serve((request, _body, response) => {
      if (request.url?.startsWith('/v1/changes'))
        json(response, 401, {
          error: 'TERMINAL_REVOKED',
          message: 'Esta caja fue dada de baja en la central.',
        });
      else json(response, 426, { error: 'SCHEMA_UNSUPPORTED', message: 'Actualice Mostrador.' });
    });
    const revoked = await failure(client(url).changes(0, 10));
    expect(revoked).toMatchObject({ code: 'TERMINAL_REVOKED', kind: 'refused', status: 401 });
    expect(revoked.message).toBe('Esta caja fue dada de baja en la central.');
    expect(revoked.needsPerson).toBe(true);
    const schema = await failure(client(url).push({ batchId: 'b', terminalId: 't', records: [] }));
    expect(schema).toMatchObject({ code: 'SCHEMA_UNSUPPORTED', needsPerson: true });
  });

  it('a 5xx is HQ out of reach; a 401 without a body still asks to enrol again', async () => {
    let status = 503;
    const url = await serve((_request, _body, response) => {
      response.writeHead(status);
      response.end('<html>Bad gateway</html>');
    });
    expect(await failure(client(url).changes(0, 10))).toMatchObject({
      code: 'HTTP_503',
      kind: 'unavailable',
      unreachable: true,
    });
    status = 401;
    const refused = await failure(client(url).changes(0, 10));
    expect(refused.message).toBe('La central rechazó la credencial de esta caja: vuelva a inscribirla.');
    status = 404;
    expect(await failure(client(url).changes(0, 10))).toMatchObject({ code: 'HTTP_404', kind: 'malformed' });
  });

  it('an answer that is not what HQ sends is malformed, never data', async () => {
    let body = 'not json';
    const url = await serve((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    expect(await failure(client(url).changes(0, 10))).toMatchObject({ code: 'MALFORMED', kind: 'malformed' });
    body = JSON.stringify({ changes: 'none', cursor: 1 });
    const error = await failure(client(url).changes(0, 10));
    expect(error.code).toBe('MALFORMED');
    expect(error.message).toMatch(/^La central envió una respuesta no válida/);
  });

  it('nobody listening is a network failure, in Spanish', async () => {
    const error = await failure(client(await deadUrl()).changes(0, 10));
    expect(error).toMatchObject({ code: 'NETWORK', kind: 'network', unreachable: true });
    expect(error.message).toBe(
      'Sin conexión con la central (la central no acepta conexiones). Se reintentará automáticamente.',
    );
  });

  it('a connection cut in the middle of the answer is a network failure', async () => {
    const url = await serve((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"changes":[');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    expect(await failure(client(url).changes(0, 10))).toMatchObject({ kind: 'network' });
  });

  it('gives up after the timeout', async () => {
    const url = await serve(() => {
      // Never answers.
    });
    const error = await failure(client(url, { timeoutMs: 150 }).changes(0, 10));
    expect(error).toMatchObject({ code: 'TIMEOUT', kind: 'timeout' });
    expect(error.message).toMatch(/^Sin conexión con la central \(no respondió en 0.2 s\)/);
  });

  it('stops at once when the engine aborts', async () => {
    const url = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = client(url, { timeoutMs: 10_000, signal: controller.signal }).changes(0, 10);
    setTimeout(() => controller.abort(), 20);
    expect(await failure(pending)).toMatchObject({ code: 'ABORTED', kind: 'aborted' });
  });

  it('treats a URL with or without a trailing slash alike', () => {
    expect(normalizeHqUrl(' https://hq.example.pe/ ')).toBe('https://hq.example.pe');
    expect(normalizeHqUrl('https://hq.example.pe/mostrador//')).toBe('https://hq.example.pe/mostrador');
  });
});
