import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAULT_KINDS,
  seededRandomPlan,
  startFaultProxy,
  type FaultKind,
  type FaultProxy,
} from './fault-proxy';

interface Seen {
  method: string;
  url: string;
  body: string;
}

// A server that counts and records what reaches it; its answer says which request it was.
let server: Server;
let serverPort = 0;
let seen: Seen[] = [];
let proxy: FaultProxy;

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code;
    current = current.cause;
  }
  return undefined;
}

async function post(body: unknown, signal?: AbortSignal): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${proxy.url}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? AbortSignal.timeout(10_000),
  });
  // Reading the body is part of the exchange: a cut body must fail here, not pass silently.
  const json: unknown = await response.json();
  return { status: response.status, json };
}

/** A node:http request with a chunked body (no Content-Length) and a chunked answer. */
function postChunked(parts: string[], agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${proxy.url}/chunked`,
      { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, agent },
      (res: IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      if (req.url === '/chunked') {
        // No Content-Length: Node answers chunked.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('got:');
        res.end(body);
        return;
      }
      if (req.url === '/empty') {
        res.writeHead(204).end();
        return;
      }
      const payload = JSON.stringify({
        requestNo: seen.length,
        echo: body.length > 0 ? JSON.parse(body) : null,
      });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverPort = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  seen = [];
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: serverPort }, seed: 42 });
});

afterEach(async () => {
  await proxy.close();
});

describe('fault proxy', () => {
  it('forwards requests untouched with no fault, one connection per request', async () => {
    const first = await post({ sale: 1 });
    const second = await post({ sale: 2, note: 'ñandú' });
    expect(first).toEqual({ status: 200, json: { requestNo: 1, echo: { sale: 1 } } });
    expect(second).toEqual({ status: 200, json: { requestNo: 2, echo: { sale: 2, note: 'ñandú' } } });
    expect(seen).toHaveLength(2);
    // Keep-alive is turned off by the proxy, so a plan decides per request.
    expect(proxy.stats()).toMatchObject({ connections: 2, none: 2 });
  });

  it('carries a large body both ways', async () => {
    const big = { rows: Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `producto ${i}` })) };
    const result = await post(big);
    expect(result.json).toEqual({ requestNo: 1, echo: big });
  });

  it('handles chunked request and response bodies, also for a keep-alive agent', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const first = await postChunked(['uno,', 'dos,', 'tres'], agent);
      const second = await postChunked(['cuatro'], agent);
      expect(first).toEqual({ status: 200, body: 'got:uno,dos,tres' });
      expect(second).toEqual({ status: 200, body: 'got:cuatro' });
      expect(proxy.stats().connections).toBe(2);
    } finally {
      agent.destroy();
    }
  });

  it('drop: the client gets an error and the server sees nothing', async () => {
    proxy.setPlan('drop');
    await expect(post({ sale: 1 })).rejects.toThrow();
    expect(seen).toHaveLength(0);
    expect(proxy.stats()).toMatchObject({ connections: 1, drop: 1 });
  });

  it('delay: the answer still arrives', async () => {
    proxy.setPlan('delay');
    proxy.setDelayMs(50);
    await expect(post({ sale: 1 })).resolves.toEqual({
      status: 200,
      json: { requestNo: 1, echo: { sale: 1 } },
    });
    expect(seen).toHaveLength(1);
    expect(proxy.stats().delay).toBe(1);
  });

  it('cut_response: the server applies the request but the client gets an error', async () => {
    proxy.setPlan('cut_response');
    // Several connections: the seeded cut lands sometimes in the head, sometimes in the body.
    for (let i = 1; i <= 12; i++) {
      await expect(post({ sale: i })).rejects.toThrow();
      expect(seen).toHaveLength(i);
    }
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual(
      Array.from({ length: 12 }, (_, i) => ({ sale: i + 1 })),
    );
    expect(proxy.stats()).toMatchObject({ connections: 12, cut_response: 12 });
  });

  it('cut_response also cuts a response without a body (204)', async () => {
    proxy.setPlan('cut_response');
    await expect(fetch(`${proxy.url}/empty`, { method: 'POST', body: 'x' })).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });

  it('duplicate_request: the server sees the request twice and the client gets one good answer', async () => {
    proxy.setPlan('duplicate_request');
    const result = await post({ sale: 7 });
    expect(result).toEqual({ status: 200, json: { requestNo: 1, echo: { sale: 7 } } });
    // By the time the client has its answer, the replay has been answered too.
    expect(seen).toEqual([
      { method: 'POST', url: '/push', body: '{"sale":7}' },
      { method: 'POST', url: '/push', body: '{"sale":7}' },
    ]);
    expect(proxy.stats()).toMatchObject({ connections: 1, duplicate_request: 1 });
  });

  it('duplicate_request replays chunked bodies byte for byte', async () => {
    proxy.setPlan('duplicate_request');
    const result = await postChunked(['a', 'b', 'c']);
    expect(result).toEqual({ status: 200, body: 'got:abc' });
    expect(seen.map((s) => s.body)).toEqual(['abc', 'abc']);
  });

  it('blackhole: the client times out through its own signal', async () => {
    proxy.setPlan('blackhole');
    await expect(post({ sale: 1 }, AbortSignal.timeout(200))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(0);
    expect(proxy.stats().blackhole).toBe(1);
  });

  it('close() ends connections held in a blackhole', async () => {
    proxy.setPlan('blackhole');
    const pending = post({ sale: 1 }, AbortSignal.timeout(20_000));
    const settled = expect(pending).rejects.toThrow();
    // Wait until the proxy holds the connection, then close it under the client.
    while (proxy.stats().connections === 0) await new Promise((resolve) => setImmediate(resolve));
    await proxy.close();
    await settled;
  });

  it('offline: connections are refused, and online() serves again on the same address', async () => {
    await proxy.offline();
    const refused = await post({ sale: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(errorCode(refused)).toBe('ECONNREFUSED');
    expect(seen).toHaveLength(0);
    await proxy.online();
    await expect(post({ sale: 2 })).resolves.toMatchObject({ status: 200 });
    expect(seen).toHaveLength(1);
    expect(proxy.stats().connections).toBe(1);
  });

  it('a plan function decides per connection, numbered from 1', async () => {
    const asked: number[] = [];
    proxy.setPlan((n) => {
      asked.push(n);
      return n === 2 ? 'drop' : 'none';
    });
    await expect(post({ sale: 1 })).resolves.toMatchObject({ status: 200 });
    await expect(post({ sale: 2 })).rejects.toThrow();
    await expect(post({ sale: 3 })).resolves.toMatchObject({ status: 200 });
    expect(asked).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.body)).toEqual(['{"sale":1}', '{"sale":3}']);
  });

  it('reads responses delimited by the server closing, and skips 1xx interim answers', async () => {
    // A raw server: an Early Hints interim answer, then a body with no length that ends at close.
    const raw = createNetServer((socket) => {
      socket.once('data', () => {
        socket.end(
          'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n' +
            'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nhasta el cierre',
        );
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const rawProxy = await startFaultProxy({
      target: { host: '127.0.0.1', port: (raw.address() as AddressInfo).port },
    });
    try {
      const response = await fetch(`${rawProxy.url}/x`, { signal: AbortSignal.timeout(10_000) });
      expect(await response.text()).toBe('hasta el cierre');
    } finally {
      await rawProxy.close();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it('a connection to a server that is down dies instead of hanging', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const orphan = await startFaultProxy({ target: { host: '127.0.0.1', port: deadPort } });
    try {
      await expect(fetch(`${orphan.url}/x`, { signal: AbortSignal.timeout(10_000) })).rejects.toThrow(
        /fetch failed/,
      );
    } finally {
      await orphan.close();
    }
  });
});

describe('seededRandomPlan', () => {
  const weights: Partial<Record<FaultKind, number>> = {
    none: 5,
    drop: 1,
    delay: 1,
    cut_response: 2,
    duplicate_request: 2,
  };

  it('is reproducible from its seed, whatever order it is asked in', () => {
    const a = seededRandomPlan(7, weights);
    const b = seededRandomPlan(7, weights);
    const forward = Array.from({ length: 500 }, (_, i) => a(i + 1));
    const backward = Array.from({ length: 500 }, (_, i) => b(500 - i)).reverse();
    expect(backward).toEqual(forward);
    const other = seededRandomPlan(8, weights);
    expect(Array.from({ length: 500 }, (_, i) => other(i + 1))).not.toEqual(forward);
  });

  it('uses only kinds with a positive weight, each of them', () => {
    const plan = seededRandomPlan(1, weights);
    const kinds = new Set(Array.from({ length: 2_000 }, (_, i) => plan(i + 1)));
    expect([...kinds].sort()).toEqual(['cut_response', 'delay', 'drop', 'duplicate_request', 'none']);
    expect(FAULT_KINDS.filter((kind) => !kinds.has(kind))).toEqual(['blackhole']);
    expect(seededRandomPlan(1, { drop: 3 })(99)).toBe('drop');
    expect(seededRandomPlan(1, {})(1)).toBe('none');
  });

  it('drives the proxy: the same seed gives the same faults and the same outcomes', async () => {
    const run = async (): Promise<{ stats: ReturnType<FaultProxy['stats']>; outcomes: string[] }> => {
      seen = [];
      const p = await startFaultProxy({ target: { host: '127.0.0.1', port: serverPort }, seed: 3 });
      p.setPlan(seededRandomPlan(11, weights));
      p.setDelayMs(5);
      const outcomes: string[] = [];
      try {
        for (let i = 0; i < 30; i++) {
          const response = await fetch(`${p.url}/push`, { method: 'POST', body: JSON.stringify({ i }) })
            .then((r) => r.json())
            .then(
              () => 'ok',
              () => 'error',
            );
          outcomes.push(response);
        }
        return { stats: p.stats(), outcomes: [...outcomes, `server saw ${seen.length}`] };
      } finally {
        await p.close();
      }
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first.stats.connections).toBe(30);
  });
});
