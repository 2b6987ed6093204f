import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createDispatcher } from '../api/dispatcher';
import type { CoreEvent } from '../api/transport';
import type { FiscalModuleOptions } from '../fiscal/fiscal-module';
import { createCore, type Core } from '../core/core';
import type { DevicesModuleOptions } from '../devices/devices-module';
import { openEmptyDrawer } from '../cash/open-empty-drawer';
import type { DeviceSettings } from '../devices/device-settings-schema';
import type { Clock } from '../shared/clock';
import { readStatic } from './static-files';

export interface WebHostOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  demo?: boolean;
  /** The built renderer (electron-vite build output). */
  rendererDir?: string;
  clock?: Clock;
  log?: (message: string) => void;
  /** Sender pace, retry policy and extra TLS trust (the SUNAT emulator's certificate in tests). */
  fiscal?: FiscalModuleOptions;
  /** Point this terminal at another SUNAT-compatible endpoint (an OSE, or the emulator) at start. */
  sunatEndpoint?: { billServiceUrl: string; consultServiceUrl?: string | null };
  /** Minutes a boleta waits for its Resumen Diario (tests: 0, so it goes at once). */
  summaryBatchMinutes?: number;
  /** Print retry pace and serial reconnection (tests shorten them). */
  devices?: DevicesModuleOptions;
  /** Point this terminal's receipt printer here at start (`tcp://host:9100`; the capture printer in tests). */
  printer?: { url: string; paperWidthMm?: 80 | 58 };
  /** Open the drawer at start with no float (tests about other things; a store opens it by counting). */
  openCashSession?: boolean;
  /** Serial scanner and scale at start (tests: a socat pseudo-terminal). */
  serialDevices?: Pick<Partial<DeviceSettings>, 'serialScanner' | 'scale'>;
}

const SENDER_INTERVAL_MS = 15_000;

export interface WebHost {
  /** Open this in a browser: it carries the session token in the fragment, never sent to logs or servers. */
  url: string;
  origin: string;
  token: string;
  databaseFile: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const TOKEN_HEADER = 'x-mostrador-token';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function pointAtSunatEndpoint(
  core: Core,
  endpoint: { billServiceUrl: string; consultServiceUrl?: string | null },
): void {
  const { sql, settings, audit } = core.ctx;
  sql.transaction(() => {
    const before = settings.get('fiscal.endpoint');
    const after = settings.set(
      'fiscal.endpoint',
      {
        kind: 'ose',
        billServiceUrl: endpoint.billServiceUrl,
        consultServiceUrl: endpoint.consultServiceUrl ?? null,
      },
      null,
    );
    audit.append({
      action: 'settings.fiscal.updated',
      entityType: 'settings',
      userId: null,
      data: { before, after },
    });
  });
}

/**
 * The loopback twin of the Electron shell: the same core and dispatcher, the same built
 * renderer, served on 127.0.0.1 only. A random token (given once, in the URL fragment)
 * guards every API call, and the Host/Origin checks stop other web pages and DNS
 * rebinding from talking to the till.
 */
/** `tcp://host:port` → this terminal's printer setting, kept like any saved setting (and audited). */
function pointAtPrinter(core: Core, { url, paperWidthMm }: { url: string; paperWidthMm?: 80 | 58 }): void {
  const match = /^tcp:\/\/([^/:]+):(\d+)\/?$/.exec(url);
  if (!match) throw new Error(`printer URL must look like tcp://host:9100: ${url}`);
  const current = core.devices.settings.get();
  core.devices.settings.save(
    {
      ...current,
      printer: {
        ...current.printer,
        connection: { kind: 'network', host: match[1], port: Number(match[2]) },
        paperWidthMm: paperWidthMm ?? current.printer.paperWidthMm,
      },
    },
    null,
  );
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? (() => {});
  const core = await createCore({
    dataDir: options.dataDir,
    demo: options.demo ?? true,
    ...(options.clock ? { clock: options.clock } : {}),
    fiscal: { senderIntervalMs: SENDER_INTERVAL_MS, log, ...options.fiscal },
    devices: { log, ...options.devices },
  });
  if (options.printer) pointAtPrinter(core, options.printer);
  if (options.openCashSession) openEmptyDrawer(core);
  if (options.serialDevices)
    core.devices.settings.save({ ...core.devices.settings.get(), ...options.serialDevices }, null);
  if (options.sunatEndpoint) pointAtSunatEndpoint(core, options.sunatEndpoint);
  if (options.summaryBatchMinutes !== undefined) {
    core.ctx.settings.set('fiscal.summaryBatchMinutes', options.summaryBatchMinutes, null);
  }
  const dispatcher = createDispatcher(core, (message, error) => log(`${message}: ${String(error)}`));
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let allowedHosts: string[] = [];
  let origin = '';

  const unsubscribe = dispatcher.onEvent((event: CoreEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`web host: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? ''))
      return sendJson(res, 421, { error: 'host no permitido' });
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/api/rpc') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return sendJson(res, 403, { error: 'origen no permitido' });
      }
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return sendJson(res, 401, { error: 'token inválido' });
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'se espera JSON' });
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { error: 'solicitud demasiado grande' });
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { error: 'JSON inválido' });
      }
      if (
        typeof request !== 'object' ||
        request === null ||
        typeof (request as { method?: unknown }).method !== 'string'
      ) {
        return sendJson(res, 400, { error: 'falta method' });
      }
      const { method, input, session } = request as { method: string; input?: unknown; session?: unknown };
      const response = await dispatcher.dispatch({
        method,
        input,
        session: typeof session === 'string' ? session : null,
      });
      return sendJson(res, 200, response);
    }
    if (url.pathname === '/api/events') {
      if (!sameToken(url.searchParams.get('token'), token))
        return sendJson(res, 401, { error: 'token inválido' });
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': conectado\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'método no permitido' });
    const file = (await readStatic(rendererDir, url.pathname)) ?? (await readStatic(rendererDir, '/'));
    if (!file) {
      return send(
        res,
        503,
        'La interfaz no está construida. Ejecute "npm run build" y vuelva a abrir esta página.',
        'text/plain; charset=utf-8',
      );
    }
    return send(res, 200, file.body, file.contentType);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // Keep SSE connections alive through idle proxies and detect dead tabs.
  const heartbeat = setInterval(() => streams.forEach((s) => s.write(': ping\n\n')), 15_000);
  heartbeat.unref();

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    databaseFile: core.databaseFile,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      core.close();
    },
  };
}
