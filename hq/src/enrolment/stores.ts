import { z } from 'zod';
import { isValidRuc } from '../../../src-main/customers/identity';
import { newId } from '../../../src-main/shared/ids';
import { HqError, type HqContext } from '../hq-context';

/** A store as an administrator creates it. Several stores (locales) may share one RUC. */
export const storeInputSchema = z
  .object({
    id: z.string().trim().min(1).max(64).optional(),
    ruc: z.string().refine(isValidRuc, 'el RUC no es válido (11 dígitos con dígito verificador)'),
    legalName: z.string().trim().min(1).max(200),
    tradeName: z.string().trim().min(1).max(200),
    address: z.string().trim().max(300).default(''),
  })
  .strict();
export type StoreInput = z.input<typeof storeInputSchema>;

export interface TerminalView {
  id: string;
  storeId: string;
  code: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  pendingCount: number;
  appVersion: string | null;
  schemaVersion: number | null;
  clockSkewMs: number | null;
  clockFlaggedAt: string | null;
}

export interface StoreView {
  id: string;
  ruc: string;
  legalName: string;
  tradeName: string;
  address: string;
  createdAt: string;
  terminals: TerminalView[];
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** Creates a store; its id is the caller's (stable ids for a store that already exists elsewhere) or a new one. */
export async function createStore(
  ctx: HqContext,
  input: z.output<typeof storeInputSchema>,
): Promise<StoreView> {
  const id = input.id ?? newId();
  const inserted = await ctx.db
    .insertInto('stores')
    .values({
      id,
      ruc: input.ruc,
      legal_name: input.legalName,
      trade_name: input.tradeName,
      address: input.address,
      created_at: ctx.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new HqError(409, 'CONFLICT', `Ya existe una tienda con el id ${id}.`);
  return (await findStore(ctx, id)) as StoreView;
}

/** Every store with its terminals, for the administrator. */
export async function listStores(ctx: HqContext): Promise<StoreView[]> {
  const stores = await ctx.db.selectFrom('stores').selectAll().orderBy('created_at').orderBy('id').execute();
  const terminals = await listTerminals(ctx);
  return stores.map((s) => ({
    id: s.id,
    ruc: s.ruc,
    legalName: s.legal_name,
    tradeName: s.trade_name,
    address: s.address,
    createdAt: s.created_at.toISOString(),
    terminals: terminals.filter((t) => t.storeId === s.id),
  }));
}

export async function findStore(ctx: HqContext, storeId: string): Promise<StoreView | null> {
  const stores = await listStores(ctx);
  return stores.find((s) => s.id === storeId) ?? null;
}

/** The store or a 404 naming it. */
export async function requireStore(
  ctx: HqContext,
  storeId: string,
): Promise<{ id: string; ruc: string; trade_name: string }> {
  const store = await ctx.db
    .selectFrom('stores')
    .select(['id', 'ruc', 'trade_name'])
    .where('id', '=', storeId)
    .executeTakeFirst();
  if (!store) throw new HqError(404, 'NOT_FOUND', `No existe la tienda ${storeId} en la central.`);
  return store;
}

export async function listTerminals(ctx: HqContext, terminalId?: string): Promise<TerminalView[]> {
  let query = ctx.db.selectFrom('terminals').selectAll().orderBy('store_id').orderBy('code');
  if (terminalId !== undefined) query = query.where('id', '=', terminalId);
  const rows = await query.execute();
  return rows.map((t) => ({
    id: t.id,
    storeId: t.store_id,
    code: t.code,
    name: t.name,
    enrolledAt: t.enrolled_at.toISOString(),
    revokedAt: iso(t.revoked_at),
    lastSeenAt: iso(t.last_seen_at),
    lastPushAt: iso(t.last_push_at),
    lastPullAt: iso(t.last_pull_at),
    pendingCount: t.pending_count,
    appVersion: t.app_version,
    schemaVersion: t.schema_version,
    clockSkewMs: t.clock_skew_ms,
    clockFlaggedAt: iso(t.clock_flagged_at),
  }));
}

/**
 * Refuses the terminal from its next request on (403 TERMINAL_REVOKED). Revoking twice keeps
 * the first date; a revoked terminal cannot enrol again with the same id.
 */
export async function revokeTerminal(ctx: HqContext, terminalId: string): Promise<TerminalView> {
  await ctx.db
    .updateTable('terminals')
    .set({ revoked_at: ctx.now() })
    .where('id', '=', terminalId)
    .where('revoked_at', 'is', null)
    .execute();
  const [terminal] = await listTerminals(ctx, terminalId);
  if (!terminal) throw new HqError(404, 'NOT_FOUND', `No existe la terminal ${terminalId} en la central.`);
  return terminal;
}
