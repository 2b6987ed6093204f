import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { formatQuantity, formatSoles } from '../../../src-main/shared/money';
import type { HqContext } from '../hq-context';
import type { PaymentsTable } from '../db/schema';
import {
  DEFAULT_STALE_MINUTES,
  DEFAULT_STOCK_LIMIT,
  DEFAULT_TOP_LIMIT,
  type DateRange,
} from './report-params';

/**
 * Headquarters' read side: what every store sold and holds, from the rows ingest wrote.
 * Money is integer céntimos with a `…Label` already formatted (`S/ 1,234.50`) so the page
 * never does arithmetic on money; quantities are thousandths with a `…Label`.
 * Sales figures count a sale on its `issue_date` (the Lima business day printed on it) and
 * leave voided sales out.
 */

export type PaymentMethod = PaymentsTable['method'];
export type QuantityUnit = 'NIU' | 'KGM';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'wallet', 'usd'];

export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Efectivo',
  card: 'Tarjeta',
  wallet: 'Yape / Plin',
  usd: 'Dólares',
};

export interface SalesByDayRow {
  storeId: string;
  storeName: string;
  /** Lima business day, `YYYY-MM-DD`. */
  date: string;
  salesCount: number;
  totalCents: number;
  totalLabel: string;
  igvCents: number;
  igvLabel: string;
}

export interface SalesTotals {
  salesCount: number;
  totalCents: number;
  totalLabel: string;
  igvCents: number;
  igvLabel: string;
}

export interface SalesByDayReport extends DateRange {
  storeId: string | null;
  /** By day, then store name. */
  rows: SalesByDayRow[];
  totals: SalesTotals;
}

export interface PaymentMethodRow {
  method: PaymentMethod;
  methodLabel: string;
  paymentsCount: number;
  /** Net of change: what stayed in the drawer or the account (`payments.amount_cents`). */
  amountCents: number;
  amountLabel: string;
}

export interface PaymentsReport extends DateRange {
  storeId: string | null;
  /** Always the four methods in a fixed order, zero when unused. */
  rows: PaymentMethodRow[];
  totalCents: number;
  totalLabel: string;
}

export interface TopProductRow {
  productId: string;
  sku: string;
  /** As printed on the receipts. */
  description: string;
  unit: QuantityUnit;
  quantityMilli: number;
  quantityLabel: string;
  amountCents: number;
  amountLabel: string;
  /** Sales that included the product. */
  salesCount: number;
}

export interface TopProductsReport extends DateRange {
  storeId: string | null;
  limit: number;
  rows: TopProductRow[];
}

export interface StockRow {
  storeId: string;
  storeName: string;
  productId: string;
  /** From headquarters' catalogue; null for a product it does not know. */
  sku: string | null;
  productName: string | null;
  unit: QuantityUnit;
  levelMilli: number;
  levelLabel: string;
  negative: boolean;
  lastMovementAt: string;
}

export interface StockReport {
  storeId: string | null;
  /** Negative levels first (the lowest first), then by store and SKU. */
  rows: StockRow[];
  /** More rows exist than `limit`; negatives always come first, so none of them is cut before a positive one. */
  truncated: boolean;
}

export type BehindReason = 'pending' | 'stale' | 'never_synced';

export interface TerminalStatusRow {
  terminalId: string;
  storeId: string;
  storeName: string;
  code: string;
  name: string;
  enrolledAt: string;
  revoked: boolean;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  /** Outbox rows the terminal said it still had at its last request. */
  pendingCount: number;
  lastSeq: number;
  appVersion: string | null;
  schemaVersion: number | null;
  clockFlagged: boolean;
  /** Headquarters' clock minus the terminal's, when flagged. */
  clockSkewMs: number | null;
  behind: boolean;
  behindReasons: BehindReason[];
}

export interface TerminalsReport {
  /** HQ's clock when computed (ISO). */
  at: string;
  staleMinutes: number;
  rows: TerminalStatusRow[];
  behindCount: number;
}

// ---------------------------------------------------------------------------------------

/** `sum()` of int8 is numeric in PostgreSQL (read as text); cast back so it reads as a number. */
function sumInt(value: Expression<number>): RawBuilder<number> {
  return sql<number>`coalesce(sum(${value}), 0)::int8`;
}

/**
 * A sale counts unless voided. The void may also sit only in `sale_voids` (a void made on another
 * terminal of the store can arrive before the sale itself), so both are checked.
 */
const countedSale: RawBuilder<SqlBool> = sql<SqlBool>`(not s.voided and not exists (select 1 from sale_voids v where v.sale_id = s.id))`;

/** int8/numeric defensively to a JS number (the database handle already parses int8). */
function toNumber(value: number | string | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return n;
}

function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function asUnit(unit: string | null): QuantityUnit {
  return unit === 'KGM' ? 'KGM' : 'NIU';
}

function totalsOf(rows: readonly SalesByDayRow[]): SalesTotals {
  let salesCount = 0;
  let totalCents = 0;
  let igvCents = 0;
  for (const row of rows) {
    salesCount += row.salesCount;
    totalCents += row.totalCents;
    igvCents += row.igvCents;
  }
  return {
    salesCount,
    totalCents,
    totalLabel: formatSoles(totalCents),
    igvCents,
    igvLabel: formatSoles(igvCents),
  };
}

// ---------------------------------------------------------------------------------------

export interface RangeFilter extends DateRange {
  storeId?: string | null | undefined;
}

/** Sales per store per Lima day: count, total and IGV of the sales not voided. */
export async function salesByDay(ctx: HqContext, filter: RangeFilter): Promise<SalesByDayReport> {
  const storeId = filter.storeId ?? null;
  const rows = await ctx.db
    .selectFrom('sales as s')
    .innerJoin('stores as st', 'st.id', 's.store_id')
    .where('s.issue_date', '>=', filter.from)
    .where('s.issue_date', '<=', filter.to)
    .where(countedSale)
    .$if(storeId !== null, (qb) => qb.where('s.store_id', '=', storeId as string))
    .select(['s.store_id as storeId', 'st.trade_name as storeName', 's.issue_date as date'])
    .select((eb) => [
      eb.fn.countAll<number>().as('salesCount'),
      sumInt(eb.ref('s.total_cents')).as('totalCents'),
      sumInt(eb.ref('s.igv_cents')).as('igvCents'),
    ])
    .groupBy(['s.store_id', 'st.trade_name', 's.issue_date'])
    .orderBy('s.issue_date')
    .orderBy('st.trade_name')
    .orderBy('s.store_id')
    .execute();
  const mapped = rows.map((row): SalesByDayRow => {
    const totalCents = toNumber(row.totalCents);
    const igvCents = toNumber(row.igvCents);
    return {
      storeId: row.storeId,
      storeName: row.storeName,
      date: row.date,
      salesCount: toNumber(row.salesCount),
      totalCents,
      totalLabel: formatSoles(totalCents),
      igvCents,
      igvLabel: formatSoles(igvCents),
    };
  });
  return { from: filter.from, to: filter.to, storeId, rows: mapped, totals: totalsOf(mapped) };
}

/** Payments per method (net of change) of the sales not voided in the range. */
export async function paymentsByMethod(ctx: HqContext, filter: RangeFilter): Promise<PaymentsReport> {
  const storeId = filter.storeId ?? null;
  const rows = await ctx.db
    .selectFrom('payments as p')
    .innerJoin('sales as s', 's.id', 'p.sale_id')
    .where('s.issue_date', '>=', filter.from)
    .where('s.issue_date', '<=', filter.to)
    .where(countedSale)
    .$if(storeId !== null, (qb) => qb.where('s.store_id', '=', storeId as string))
    .select('p.method')
    .select((eb) => [
      eb.fn.countAll<number>().as('paymentsCount'),
      sumInt(eb.ref('p.amount_cents')).as('amountCents'),
    ])
    .groupBy('p.method')
    .execute();
  const byMethod = new Map(rows.map((row) => [row.method, row]));
  let totalCents = 0;
  const mapped = PAYMENT_METHODS.map((method): PaymentMethodRow => {
    const row = byMethod.get(method);
    const amountCents = toNumber(row?.amountCents);
    totalCents += amountCents;
    return {
      method,
      methodLabel: PAYMENT_METHOD_LABELS[method],
      paymentsCount: toNumber(row?.paymentsCount),
      amountCents,
      amountLabel: formatSoles(amountCents),
    };
  });
  return {
    from: filter.from,
    to: filter.to,
    storeId,
    rows: mapped,
    totalCents,
    totalLabel: formatSoles(totalCents),
  };
}

export interface TopProductsFilter extends RangeFilter {
  limit?: number | undefined;
}

/** The products that brought in the most (line amounts after discounts, IGV included). */
export async function topProducts(ctx: HqContext, filter: TopProductsFilter): Promise<TopProductsReport> {
  const storeId = filter.storeId ?? null;
  const limit = filter.limit ?? DEFAULT_TOP_LIMIT;
  const rows = await ctx.db
    .selectFrom('sale_lines as l')
    .innerJoin('sales as s', 's.id', 'l.sale_id')
    .where('s.issue_date', '>=', filter.from)
    .where('s.issue_date', '<=', filter.to)
    .where(countedSale)
    .$if(storeId !== null, (qb) => qb.where('s.store_id', '=', storeId as string))
    .select('l.product_id as productId')
    .select((eb) => [
      // A product renamed mid-range keeps one row: the greatest text stands for all of them.
      eb.fn.max('l.sku').as('sku'),
      eb.fn.max('l.description').as('description'),
      eb.fn.max('l.unit').as('unit'),
      sumInt(eb.ref('l.quantity_milli')).as('quantityMilli'),
      sumInt(eb.ref('l.amount_cents')).as('amountCents'),
      eb.fn.count<number>('s.id').distinct().as('salesCount'),
    ])
    .groupBy('l.product_id')
    .orderBy('amountCents', 'desc')
    .orderBy('quantityMilli', 'desc')
    .orderBy('productId')
    .limit(limit)
    .execute();
  return {
    from: filter.from,
    to: filter.to,
    storeId,
    limit,
    rows: rows.map((row): TopProductRow => {
      const unit = asUnit(row.unit);
      const quantityMilli = toNumber(row.quantityMilli);
      const amountCents = toNumber(row.amountCents);
      return {
        productId: row.productId,
        sku: row.sku,
        description: row.description,
        unit,
        quantityMilli,
        quantityLabel: formatQuantity(quantityMilli, unit),
        amountCents,
        amountLabel: formatSoles(amountCents),
        salesCount: toNumber(row.salesCount),
      };
    }),
  };
}

export interface StockFilter {
  storeId?: string | null | undefined;
  limit?: number | undefined;
}

/** Stock per store and product: the sum of the ledger, never a stored counter. */
export async function stockLevels(ctx: HqContext, filter: StockFilter = {}): Promise<StockReport> {
  const storeId = filter.storeId ?? null;
  const limit = filter.limit ?? DEFAULT_STOCK_LIMIT;
  const level = sql<number>`sum(m.quantity_milli)`;
  const rows = await ctx.db
    .selectFrom('stock_movements as m')
    .innerJoin('stores as st', 'st.id', 'm.store_id')
    .leftJoin('products as p', 'p.id', 'm.product_id')
    .$if(storeId !== null, (qb) => qb.where('m.store_id', '=', storeId as string))
    .select([
      'm.store_id as storeId',
      'st.trade_name as storeName',
      'm.product_id as productId',
      'p.sku as sku',
      'p.name as productName',
      'p.unit as unit',
    ])
    .select((eb) => [
      sumInt(eb.ref('m.quantity_milli')).as('levelMilli'),
      eb.fn.max('m.created_at').as('lastMovementAt'),
    ])
    .groupBy(['m.store_id', 'st.trade_name', 'm.product_id', 'p.sku', 'p.name', 'p.unit'])
    .orderBy(sql`case when ${level} < 0 then 0 else 1 end`)
    .orderBy(sql`case when ${level} < 0 then ${level} else 0 end`)
    .orderBy('st.trade_name')
    .orderBy('m.store_id')
    .orderBy('p.sku')
    .orderBy('m.product_id')
    // One more than asked tells whether the list was cut.
    .limit(limit + 1)
    .execute();
  const truncated = rows.length > limit;
  return {
    storeId,
    truncated,
    rows: rows.slice(0, limit).map((row): StockRow => {
      const unit = asUnit(row.unit);
      const levelMilli = toNumber(row.levelMilli);
      return {
        storeId: row.storeId,
        storeName: row.storeName,
        productId: row.productId,
        sku: row.sku,
        productName: row.productName,
        unit,
        levelMilli,
        levelLabel: formatQuantity(levelMilli, unit),
        negative: levelMilli < 0,
        lastMovementAt: toIso(row.lastMovementAt) ?? '',
      };
    }),
  };
}

export interface TerminalsFilter {
  /** Minutes without a request (or a push) after which a terminal counts as behind. */
  staleMinutes?: number | undefined;
}

/**
 * Every terminal with its last sync and what it still has to send. `behind`: it reported
 * pending records, or its latest request is older than `staleMinutes`, or it never synced.
 * A revoked terminal is never "behind": it is shown as revoked instead.
 */
export async function terminalStatuses(
  ctx: HqContext,
  filter: TerminalsFilter = {},
): Promise<TerminalsReport> {
  const staleMinutes = filter.staleMinutes ?? DEFAULT_STALE_MINUTES;
  const now = ctx.now();
  const staleBefore = now.getTime() - staleMinutes * 60_000;
  const rows = await ctx.db
    .selectFrom('terminals as t')
    .innerJoin('stores as st', 'st.id', 't.store_id')
    .select([
      't.id',
      't.store_id',
      'st.trade_name',
      't.code',
      't.name',
      't.enrolled_at',
      't.revoked_at',
      't.last_seen_at',
      't.last_push_at',
      't.last_pull_at',
      't.pending_count',
      't.last_seq',
      't.app_version',
      't.schema_version',
      't.clock_skew_ms',
      't.clock_flagged_at',
    ])
    .orderBy('st.trade_name')
    .orderBy('t.store_id')
    .orderBy('t.code')
    .execute();
  const mapped = rows.map((row): TerminalStatusRow => {
    const revoked = row.revoked_at !== null;
    const pendingCount = toNumber(row.pending_count);
    const lastContact = Math.max(
      ...[row.last_seen_at, row.last_push_at, row.last_pull_at].map((at) =>
        at ? new Date(at).getTime() : 0,
      ),
    );
    const reasons: BehindReason[] = [];
    if (!revoked) {
      if (pendingCount > 0) reasons.push('pending');
      if (lastContact === 0) reasons.push('never_synced');
      else if (lastContact < staleBefore) reasons.push('stale');
    }
    const clockFlagged = row.clock_flagged_at !== null;
    return {
      terminalId: row.id,
      storeId: row.store_id,
      storeName: row.trade_name,
      code: row.code,
      name: row.name,
      enrolledAt: toIso(row.enrolled_at) ?? '',
      revoked,
      revokedAt: toIso(row.revoked_at),
      lastSeenAt: toIso(row.last_seen_at),
      lastPushAt: toIso(row.last_push_at),
      lastPullAt: toIso(row.last_pull_at),
      pendingCount,
      lastSeq: toNumber(row.last_seq),
      appVersion: row.app_version,
      schemaVersion: row.schema_version,
      clockFlagged,
      clockSkewMs: clockFlagged && row.clock_skew_ms !== null ? toNumber(row.clock_skew_ms) : null,
      behind: reasons.length > 0,
      behindReasons: reasons,
    };
  });
  return {
    at: now.toISOString(),
    staleMinutes,
    rows: mapped,
    behindCount: mapped.filter((row) => row.behind).length,
  };
}
