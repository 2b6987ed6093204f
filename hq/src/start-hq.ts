import { newSecretToken } from './auth/tokens';
import { openHqDatabase } from './db/open-database';
import type { HqContext } from './hq-context';
import { seedDemoHq } from './seed/demo-hq';
import { buildHqServer } from './server';

export interface StartHqOptions {
  /** PGlite's folder; absent (and no databaseUrl): PGlite in memory. */
  dataDir?: string;
  /** `postgres://…`: a PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: a fresh random token (read it from `ctx.adminToken`). */
  adminToken?: string;
  /** HQ's clock (tests move it). */
  now?: () => Date;
  /** Seed the demo store when HQ has no store yet. */
  demo?: boolean;
  /** Fastify's request log. */
  logRequests?: boolean;
}

export interface RunningHq {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8790`. */
  url: string;
  ctx: HqContext;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, optionally seeds the demo, and listens. */
export async function startHq(options: StartHqOptions = {}): Promise<RunningHq> {
  const handle = await openHqDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const ctx: HqContext = {
    db: handle.db,
    engine: handle.engine,
    now: options.now ?? (() => new Date()),
    adminToken: options.adminToken ?? newSecretToken(),
  };
  const app = buildHqServer(ctx, { logRequests: options.logRequests === true });
  try {
    if (options.demo === true) await seedDemoHq(ctx);
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${String(port)}`,
      ctx,
      close: () => {
        closing ??= app.close().then(() => handle.close());
        return closing;
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    await handle.close();
    throw error;
  }
}
