import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SyncErrorCode } from '../../src-main/sync/protocol';
import type { HqDatabase } from './db/schema';

/** What every part of headquarters is built from. */
export interface HqContext {
  db: Kysely<HqDatabase>;
  engine: 'pglite' | 'postgres';
  /** HQ's clock (tests move it); the terminals' clocks are only compared against it. */
  now(): Date;
  /** Bearer token of HQ's administrators (admin API and the dashboard's data). */
  adminToken: string;
}

/** The terminal a request comes from, after its credential was checked. */
export interface TerminalPrincipal {
  terminalId: string;
  storeId: string;
  code: string;
  schemaVersion: number | null;
  appVersion: string | null;
  /** HQ's clock minus the terminal's, when it is off by more than CLOCK_SKEW_LIMIT_MS; else null. */
  clockSkewMs: number | null;
}

/** Every refusal headquarters makes on purpose: an HTTP status, a protocol code, Spanish words. */
export class HqError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HqError';
  }
}

/** Each area of HQ adds its routes through one of these (server.ts calls them all). */
export type RouteRegistrar = (app: FastifyInstance, ctx: HqContext) => void;
