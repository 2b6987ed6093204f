import type { FastifyRequest } from 'fastify';
import type { Updateable } from 'kysely';
import { CLOCK_SKEW_LIMIT_MS, MIN_TERMINAL_SCHEMA, SYNC_HEADERS } from '../../../src-main/sync/protocol';
import type { TerminalsTable } from '../db/schema';
import { HqError, type HqContext, type TerminalPrincipal } from '../hq-context';
import { bearerToken } from './admin-auth';
import { hashToken, tokenMatchesHash } from './tokens';

/** What the terminal reported about itself in the SYNC_HEADERS (null: not sent). */
export interface TerminalReport {
  schemaVersion: number | null;
  appVersion: string | null;
  clock: Date | null;
  pendingCount: number | null;
}

const MAX_INT4 = 2_147_483_647;
// Compared against when the terminal is unknown, so an unknown id costs what a wrong token costs.
const UNKNOWN_TERMINAL_HASH = hashToken('unknown terminal');

/**
 * Checks the terminal's credential (`Authorization: Bearer <terminalId>.<token>`) and its
 * version headers, records what it reported, and answers who it is. Throws HqError.
 */
export async function requireTerminal(ctx: HqContext, request: FastifyRequest): Promise<TerminalPrincipal> {
  const credential = parseTerminalCredential(bearerToken(request));
  const row = await ctx.db
    .selectFrom('terminals')
    .select(['id', 'store_id', 'code', 'token_hash', 'revoked_at', 'clock_flagged_at'])
    .where('id', '=', credential.terminalId)
    .executeTakeFirst();
  const tokenOk = tokenMatchesHash(credential.token, row?.token_hash ?? UNKNOWN_TERMINAL_HASH);
  if (!row || !tokenOk) {
    throw new HqError(401, 'UNAUTHENTICATED', 'La central no reconoce las credenciales de esta caja.');
  }
  if (row.revoked_at !== null) {
    throw new HqError(
      403,
      'TERMINAL_REVOKED',
      `La central revocó el acceso de la caja ${row.code}. Pida a la central un nuevo código de enrolamiento.`,
    );
  }

  const report = readTerminalReport(request);
  const now = ctx.now();
  const skew = report.clock === null ? null : now.getTime() - report.clock.getTime();
  const flagged = skew !== null && Math.abs(skew) > CLOCK_SKEW_LIMIT_MS;
  const update: Updateable<TerminalsTable> = { last_seen_at: now };
  if (report.appVersion !== null) update.app_version = report.appVersion;
  if (report.schemaVersion !== null) update.schema_version = report.schemaVersion;
  if (report.pendingCount !== null) update.pending_count = report.pendingCount;
  if (skew !== null) {
    update.clock_skew_ms = flagged ? skew : null;
    // Keeps the first time it was seen off, so HQ can tell since when.
    update.clock_flagged_at = flagged ? (row.clock_flagged_at ?? now) : null;
  }
  // Recorded even when the version is refused below: HQ's page shows who must upgrade.
  await ctx.db.updateTable('terminals').set(update).where('id', '=', row.id).execute();

  if (report.schemaVersion !== null && report.schemaVersion < MIN_TERMINAL_SCHEMA) {
    throw new HqError(
      426,
      'SCHEMA_UNSUPPORTED',
      `Esta caja tiene una versión de Mostrador demasiado antigua (esquema ${report.schemaVersion}); ` +
        `la central acepta desde el esquema ${MIN_TERMINAL_SCHEMA}. Actualice Mostrador en esta caja.`,
    );
  }
  return {
    terminalId: row.id,
    storeId: row.store_id,
    code: row.code,
    schemaVersion: report.schemaVersion,
    appVersion: report.appVersion,
    clockSkewMs: flagged ? skew : null,
  };
}

/** `<terminalId>.<token>`: the token is base64url, so the last dot separates them. */
export function parseTerminalCredential(bearer: string | null): { terminalId: string; token: string } {
  const dot = bearer?.lastIndexOf('.') ?? -1;
  if (bearer === null || dot <= 0 || dot === bearer.length - 1) {
    throw new HqError(
      401,
      'UNAUTHENTICATED',
      'Falta la credencial de la caja: enrole esta caja con la central.',
    );
  }
  return { terminalId: bearer.slice(0, dot), token: bearer.slice(dot + 1) };
}

function headerValue(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

function badHeader(name: string, value: string): HqError {
  return new HqError(400, 'BAD_REQUEST', `La cabecera ${name} no es válida: «${value.slice(0, 60)}».`);
}

/** Reads the SYNC_HEADERS; a header that is sent but malformed is refused, a missing one is null. */
export function readTerminalReport(request: FastifyRequest): TerminalReport {
  const schema = headerValue(request, SYNC_HEADERS.schemaVersion);
  const app = headerValue(request, SYNC_HEADERS.appVersion);
  const clock = headerValue(request, SYNC_HEADERS.clock);
  const pending = headerValue(request, SYNC_HEADERS.pending);

  if (schema !== null && !/^\d{1,6}$/.test(schema)) throw badHeader(SYNC_HEADERS.schemaVersion, schema);
  if (pending !== null && !/^\d{1,10}$/.test(pending)) throw badHeader(SYNC_HEADERS.pending, pending);
  if (app !== null && app.length > 40) throw badHeader(SYNC_HEADERS.appVersion, app);
  const clockMs = clock === null ? null : Date.parse(clock);
  if (clock !== null && (clockMs === null || Number.isNaN(clockMs)))
    throw badHeader(SYNC_HEADERS.clock, clock);

  return {
    schemaVersion: schema === null ? null : Number(schema),
    appVersion: app,
    clock: clockMs === null ? null : new Date(clockMs),
    pendingCount: pending === null ? null : Math.min(Number(pending), MAX_INT4),
  };
}
