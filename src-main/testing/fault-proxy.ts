import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy for tests that sits between an HTTP client and a server on loopback and
 * injects network faults, one decision per client connection.
 *
 * Every connection carries exactly one HTTP exchange: the proxy buffers the first complete
 * request (headers + Content-Length or chunked body), forwards it on a fresh upstream
 * connection, buffers the complete response, rewrites it to `Connection: close` and closes
 * the connection afterwards. Keep-alive clients therefore open a new connection per request,
 * so a plan decides per request, not per pooled socket. Not supported: pipelined requests
 * (bytes after the first request are discarded), `Expect: 100-continue` (the client would
 * wait for a 100 the proxy never sends), upgrades/CONNECT and streaming responses (a
 * response reaches the client only once complete).
 *
 * Faults:
 * - `none`: forward the request, return the response.
 * - `drop`: destroy the client socket as soon as it connects; the server never sees the request.
 * - `delay`: forward the request at once (the server applies it), hold the response for delayMs.
 * - `cut_response`: forward the request and wait for the complete response (the server has
 *   applied it), then send the client only its first N bytes (N seeded per connection, between
 *   1 and length−1, so the cut lands in the head or the body) and close: "applied at HQ but
 *   the acknowledgement was lost".
 * - `duplicate_request`: forward the request, then replay the same bytes on a second upstream
 *   connection and discard that answer; the client gets the first answer only after the replay
 *   is answered too, so when the client has its answer the server has seen the request twice.
 * - `blackhole`: accept, read and never answer; the client gives up through its own timeout.
 */
export type FaultKind = 'none' | 'drop' | 'delay' | 'cut_response' | 'duplicate_request' | 'blackhole';

export const FAULT_KINDS: readonly FaultKind[] = [
  'none',
  'drop',
  'delay',
  'cut_response',
  'duplicate_request',
  'blackhole',
];

export interface FaultProxyOptions {
  target: { host: string; port: number };
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seeds where `cut_response` cuts; the same seed cuts the same connection at the same byte. */
  seed?: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /**
   * Fault for every next connection, or a function deciding per connection (seeded random
   * plans). Connections are numbered from 1 in the order they are accepted.
   */
  setPlan(plan: FaultKind | ((connectionNo: number) => FaultKind)): void;
  setDelayMs(ms: number): void;
  /**
   * Stops accepting: clients get ECONNREFUSED ("offline"). Connections in flight are
   * destroyed, as a lost link would. `online()` accepts again on the same port.
   */
  offline(): Promise<void>;
  online(): Promise<void>;
  /** Connections accepted, and how many got each fault. */
  stats(): Record<FaultKind, number> & { connections: number };
  close(): Promise<void>;
}

const DEFAULT_DELAY_MS = 100;
// A head bigger than this is not a request a test means to send.
const MAX_HEAD_BYTES = 64 * 1024;

/** A 32-bit hash of (seed, n): plans stay pure functions of the connection number. */
function hash32(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A value in [0, 1) fixed by (seed, n). */
function unitRandom(seed: number, n: number): number {
  return hash32(hash32(seed, n), 0x5bd1e995) / 2 ** 32;
}

/**
 * A plan that picks each connection's fault at random with the given relative weights,
 * reproducibly: the same seed and connection number always give the same fault, whatever
 * order connections are asked about. Kinds left out (or weighted 0) never happen; no
 * positive weight at all means `none`.
 */
export function seededRandomPlan(
  seed: number,
  weights: Partial<Record<FaultKind, number>>,
): (connectionNo: number) => FaultKind {
  const entries = FAULT_KINDS.map((kind) => [kind, Math.max(0, weights[kind] ?? 0)] as const).filter(
    ([, weight]) => weight > 0,
  );
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return (connectionNo) => {
    if (total === 0) return 'none';
    let pick = unitRandom(seed, connectionNo) * total;
    for (const [kind, weight] of entries) {
      if (pick < weight) return kind;
      pick -= weight;
    }
    return entries[entries.length - 1]![0];
  };
}

// ---------------------------------------------------------------------------------------
// HTTP/1.x framing: just enough to know where one message ends.

interface Head {
  /** Bytes up to and including the blank line. */
  length: number;
  startLine: string;
  headers: Map<string, string>;
}

function parseHead(buf: Buffer, offset: number): Head | null {
  const end = buf.indexOf('\r\n\r\n', offset, 'latin1');
  if (end < 0) {
    if (buf.length - offset > MAX_HEAD_BYTES) throw new Error('HTTP head too large');
    return null;
  }
  const lines = buf.toString('latin1', offset, end).split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // Repeated headers fold into one comma list, as HTTP allows for the ones read here.
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { length: end + 4 - offset, startLine: lines[0] ?? '', headers };
}

/** Where a message ends, or how many bytes in all to wait for before looking again. */
type Scan = { done: true; end: number } | { done: false; need: number };

const needMore = (buf: Buffer, atLeast = 0): Scan => ({
  done: false,
  need: Math.max(buf.length + 1, atLeast),
});

/** End of a chunked body starting at `pos`. */
function chunkedEnd(buf: Buffer, pos: number): Scan {
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos, 'latin1');
    if (lineEnd < 0) return needMore(buf);
    const size = Number.parseInt(buf.toString('latin1', pos, lineEnd).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new Error('bad chunk size');
    pos = lineEnd + 2;
    if (size === 0) {
      // Trailer fields, then a blank line.
      for (;;) {
        const trailerEnd = buf.indexOf('\r\n', pos, 'latin1');
        if (trailerEnd < 0) return needMore(buf);
        if (trailerEnd === pos) return { done: true, end: pos + 2 };
        pos = trailerEnd + 2;
      }
    }
    if (buf.length < pos + size + 2) return needMore(buf, pos + size + 2);
    pos += size + 2;
  }
}

function fixedEnd(buf: Buffer, end: number): Scan {
  return buf.length >= end ? { done: true, end } : needMore(buf, end);
}

function isChunked(head: Head): boolean {
  return /\bchunked\b/i.test(head.headers.get('transfer-encoding') ?? '');
}

function contentLength(head: Head): number {
  const raw = head.headers.get('content-length');
  if (raw === undefined) return 0;
  const value = Number(raw.split(',')[0]!.trim());
  if (!Number.isInteger(value) || value < 0) throw new Error(`bad Content-Length: ${raw}`);
  return value;
}

/** The first complete request in `buf` (with its method for reading the answer). */
function requestScan(buf: Buffer): { scan: Scan; method: string } {
  const head = parseHead(buf, 0);
  if (head === null) return { scan: needMore(buf), method: '' };
  const method = head.startLine.split(' ')[0] ?? '';
  const scan = isChunked(head)
    ? chunkedEnd(buf, head.length)
    : fixedEnd(buf, head.length + contentLength(head));
  return { scan, method };
}

interface ResponseFrame {
  /** Where the final (non-1xx) head starts. */
  finalHeadStart: number;
  finalHead: Head;
}

/**
 * The response in `buf`, 1xx interim heads included. `eof` means the body runs until the
 * server closes (no Content-Length, not chunked).
 */
function responseScan(buf: Buffer, method: string): { scan: Scan | 'eof'; frame: ResponseFrame | null } {
  let offset = 0;
  for (;;) {
    const head = parseHead(buf, offset);
    if (head === null) return { scan: needMore(buf), frame: null };
    const status = Number(head.startLine.split(' ')[1]);
    const bodyStart = offset + head.length;
    if (status >= 100 && status < 200) {
      offset = bodyStart;
      continue;
    }
    const frame = { finalHeadStart: offset, finalHead: head };
    if (method === 'HEAD' || status === 204 || status === 304)
      return { scan: fixedEnd(buf, bodyStart), frame };
    if (isChunked(head)) return { scan: chunkedEnd(buf, bodyStart), frame };
    if (head.headers.has('content-length')) {
      return { scan: fixedEnd(buf, bodyStart + contentLength(head)), frame };
    }
    return { scan: 'eof', frame };
  }
}

/**
 * Collects a stream's chunks and joins them only when a scan can succeed, so a large
 * body is copied once instead of once per chunk.
 */
class Collector {
  private chunks: Buffer[] = [];
  private total = 0;
  private need = 1;

  /** Adds a chunk; true when enough bytes arrived to be worth scanning again. */
  push(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.total += chunk.length;
    return this.total >= this.need;
  }

  bytes(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.total)];
    return this.chunks[0]!;
  }

  waitFor(need: number): void {
    this.need = need;
  }
}

/** The response with its final head saying `Connection: close`, so clients do not reuse the socket. */
function withConnectionClose(response: Buffer, frame: ResponseFrame): Buffer {
  const headStart = frame.finalHeadStart;
  const headEnd = headStart + frame.finalHead.length;
  const lines = response
    .toString('latin1', headStart, headEnd - 4)
    .split('\r\n')
    .filter((line, i) => i === 0 || !/^(connection|keep-alive|proxy-connection)\s*:/i.test(line));
  lines.push('Connection: close');
  return Buffer.concat([
    response.subarray(0, headStart),
    Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
    response.subarray(headEnd),
  ]);
}

// ---------------------------------------------------------------------------------------

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const seed = options.seed ?? 1;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const counts: Record<FaultKind, number> = {
    none: 0,
    drop: 0,
    delay: 0,
    cut_response: 0,
    duplicate_request: 0,
    blackhole: 0,
  };
  let connections = 0;
  let plan: FaultKind | ((connectionNo: number) => FaultKind) = 'none';
  let delayMs = DEFAULT_DELAY_MS;
  let listening = false;
  let closed = false;

  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    // Errors (resets, aborts) end the exchange; they must not crash the test process.
    socket.on('error', () => socket.destroy());
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };

  const destroyAll = (): void => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  /** Resolves after `ms`, or early when `client` goes away (so no timer outlives it). */
  const hold = (ms: number, client: Socket): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        timers.delete(timer);
        client.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timers.add(timer);
      client.once('close', done);
    });

  /** Reads the client's first complete request; null if it went away first. */
  const readRequest = (client: Socket): Promise<{ bytes: Buffer; method: string } | null> =>
    new Promise((resolve) => {
      const collector = new Collector();
      let settled = false;
      const settle = (value: { bytes: Buffer; method: string } | null): void => {
        if (settled) return;
        settled = true;
        client.off('data', onData);
        // Anything the client sends afterwards is discarded (one exchange per connection).
        client.on('data', () => undefined);
        resolve(value);
      };
      const onData = (chunk: Buffer): void => {
        if (!collector.push(chunk)) return;
        try {
          const buf = collector.bytes();
          const { scan, method } = requestScan(buf);
          if (scan.done) settle({ bytes: buf.subarray(0, scan.end), method });
          else collector.waitFor(scan.need);
        } catch {
          client.destroy();
          settle(null);
        }
      };
      client.on('data', onData);
      client.once('end', () => settle(null));
      client.once('close', () => settle(null));
    });

  /** Sends `request` on a fresh upstream connection and resolves with the complete response. */
  const exchange = (request: Buffer, method: string): Promise<{ bytes: Buffer; frame: ResponseFrame }> =>
    new Promise((resolve, reject) => {
      const upstream = track(connect({ host: options.target.host, port: options.target.port }));
      const collector = new Collector();
      let settled = false;
      const finish = (result: { bytes: Buffer; frame: ResponseFrame } | Error): void => {
        if (settled) return;
        settled = true;
        upstream.destroy();
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      upstream.once('connect', () => upstream.write(request));
      upstream.on('data', (chunk: Buffer) => {
        if (!collector.push(chunk)) return;
        try {
          const buf = collector.bytes();
          const { scan, frame } = responseScan(buf, method);
          // Read to the end; nothing to look at before the server closes.
          if (scan === 'eof') collector.waitFor(Number.POSITIVE_INFINITY);
          else if (scan.done && frame) finish({ bytes: buf.subarray(0, scan.end), frame });
          else if (!scan.done) collector.waitFor(scan.need);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      });
      upstream.once('close', () => {
        if (settled) return;
        // A body delimited by the end of the stream is complete only now.
        const buf = collector.bytes();
        const result = ((): ReturnType<typeof responseScan> | null => {
          try {
            return responseScan(buf, method);
          } catch {
            return null;
          }
        })();
        if (result?.scan === 'eof' && result.frame) finish({ bytes: buf, frame: result.frame });
        else finish(new Error('upstream closed before a complete response'));
      });
    });

  const send = (client: Socket, bytes: Buffer): void => {
    if (client.destroyed) return;
    // end(), not destroy(): the bytes must reach the client before the FIN.
    client.end(bytes);
  };

  const handle = async (client: Socket, connectionNo: number, kind: FaultKind): Promise<void> => {
    if (kind === 'drop') {
      client.destroy();
      return;
    }
    if (kind === 'blackhole') {
      client.on('data', () => undefined);
      return;
    }
    const request = await readRequest(client);
    if (request === null) return;
    try {
      const response = await exchange(request.bytes, request.method);
      if (kind === 'duplicate_request') await exchange(request.bytes, request.method);
      if (kind === 'delay') await hold(delayMs, client);
      if (kind === 'cut_response') {
        const total = response.bytes.length;
        const cut = 1 + Math.floor(unitRandom(seed, connectionNo) * Math.max(1, total - 1));
        send(client, response.bytes.subarray(0, Math.min(cut, total - 1)));
        return;
      }
      send(client, withConnectionClose(response.bytes, response.frame));
    } catch {
      // Server unreachable or answering garbage: the client sees its connection die.
      client.destroy();
    }
  };

  const server: Server = createServer((client) => {
    track(client);
    if (closed || !listening) {
      client.destroy();
      return;
    }
    connections += 1;
    const connectionNo = connections;
    const kind = typeof plan === 'function' ? plan(connectionNo) : plan;
    counts[kind] += 1;
    void handle(client, connectionNo, kind);
  });

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        listening = true;
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });

  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      if (!listening) {
        destroyAll();
        resolve();
        return;
      }
      listening = false;
      // close() stops accepting now but calls back only once every connection is gone.
      server.close(() => resolve());
      destroyAll();
    });

  const port = await listen(options.port ?? 0);

  return {
    url: `http://127.0.0.1:${port}`,
    setPlan(next) {
      plan = next;
    },
    setDelayMs(ms) {
      delayMs = ms;
    },
    offline: stopListening,
    async online() {
      if (closed) throw new Error('fault proxy is closed');
      if (!listening) await listen(port);
    },
    stats() {
      return { ...counts, connections };
    },
    async close() {
      closed = true;
      await stopListening();
    },
  };
}
