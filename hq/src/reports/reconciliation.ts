import { sql } from 'kysely';
import { formatQuantity } from '../../../src-main/shared/money';
import { HqError, type HqContext } from '../hq-context';

/**
 * Oversells found in a store's stock ledger wait here for a supervisor. Resolving one only
 * records who settled it and how: the ledger itself is never rewritten (a correction is a new
 * stock movement, entered like any other).
 */

export type ReconciliationStatus = 'open' | 'resolved';

export interface ReconciliationItem {
  id: string;
  storeId: string;
  storeName: string;
  productId: string;
  /** From headquarters' catalogue; null for a product it does not know. */
  sku: string | null;
  productName: string | null;
  unit: 'NIU' | 'KGM';
  /** The level when the oversell was found. */
  levelMilli: number;
  levelLabel: string;
  /** The level now (the ledger may have moved since). */
  currentLevelMilli: number;
  currentLevelLabel: string;
  detectedAt: string;
  status: ReconciliationStatus;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface ReconciliationFilter {
  status?: ReconciliationStatus | undefined;
  storeId?: string | null | undefined;
}

export interface ReconciliationList {
  status: ReconciliationStatus;
  storeId: string | null;
  rows: ReconciliationItem[];
}

export interface ResolveReconciliationInput {
  resolvedBy: string;
  resolution: string;
}

/** The page shows at most this many; open items rarely pile up that far. */
const LIST_LIMIT = 500;

function baseQuery(ctx: HqContext) {
  return ctx.db
    .selectFrom('stock_reconciliation_items as r')
    .innerJoin('stores as st', 'st.id', 'r.store_id')
    .leftJoin('products as p', 'p.id', 'r.product_id')
    .select([
      'r.id',
      'r.store_id',
      'st.trade_name',
      'r.product_id',
      'p.sku',
      'p.name',
      'p.unit',
      'r.level_milli',
      'r.detected_at',
      'r.status',
      'r.resolved_at',
      'r.resolved_by',
      'r.resolution',
    ])
    .select(
      sql<number>`(select coalesce(sum(m.quantity_milli), 0)::int8 from stock_movements m
        where m.store_id = r.store_id and m.product_id = r.product_id)`.as('current_level_milli'),
    );
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toItem(row: ItemRow): ReconciliationItem {
  const unit = row.unit === 'KGM' ? 'KGM' : 'NIU';
  const levelMilli = Number(row.level_milli);
  const currentLevelMilli = Number(row.current_level_milli);
  return {
    id: row.id,
    storeId: row.store_id,
    storeName: row.trade_name,
    productId: row.product_id,
    sku: row.sku,
    productName: row.name,
    unit,
    levelMilli,
    levelLabel: formatQuantity(levelMilli, unit),
    currentLevelMilli,
    currentLevelLabel: formatQuantity(currentLevelMilli, unit),
    detectedAt: new Date(row.detected_at).toISOString(),
    status: row.status,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    resolvedBy: row.resolved_by,
    resolution: row.resolution,
  };
}

/** Open items oldest first (a queue); resolved ones latest first (a history). */
export async function listReconciliationItems(
  ctx: HqContext,
  filter: ReconciliationFilter = {},
): Promise<ReconciliationList> {
  const status = filter.status ?? 'open';
  const storeId = filter.storeId ?? null;
  let query = baseQuery(ctx)
    .where('r.status', '=', status)
    .$if(storeId !== null, (qb) => qb.where('r.store_id', '=', storeId as string));
  query =
    status === 'open'
      ? query.orderBy('r.detected_at', 'asc').orderBy('r.id')
      : query.orderBy('r.resolved_at', 'desc').orderBy('r.id');
  const rows = await query.limit(LIST_LIMIT).execute();
  return { status, storeId, rows: rows.map(toItem) };
}

export async function getReconciliationItem(ctx: HqContext, id: string): Promise<ReconciliationItem | null> {
  const row = await baseQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/**
 * Settles an open item. The `status = 'open'` condition makes the update itself the check,
 * so two supervisors resolving at once cannot both succeed: the second gets 409.
 */
export async function resolveReconciliation(
  ctx: HqContext,
  id: string,
  input: ResolveReconciliationInput,
): Promise<ReconciliationItem> {
  const resolvedBy = input.resolvedBy.trim();
  const resolution = input.resolution.trim();
  if (!resolvedBy || !resolution) {
    throw new HqError(400, 'BAD_REQUEST', 'Indique quién resuelve y cómo se resolvió.');
  }
  const updated = await ctx.db
    .updateTable('stock_reconciliation_items')
    .set({ status: 'resolved', resolved_at: ctx.now(), resolved_by: resolvedBy, resolution })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  const item = await getReconciliationItem(ctx, id);
  if (!item) throw new HqError(404, 'NOT_FOUND', 'No existe esa diferencia de stock.');
  if (!updated) {
    throw new HqError(409, 'CONFLICT', 'Esta diferencia de stock ya fue resuelta.');
  }
  return item;
}
