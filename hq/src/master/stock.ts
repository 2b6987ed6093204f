import type { Transaction } from 'kysely';
import { z } from 'zod';
import { newId } from '../../../src-main/shared/ids';
import type { HqDatabase } from '../db/schema';
import { HqError, type HqContext } from '../hq-context';
import { requireStore } from '../enrolment/stores';
import { flagOversells } from '../ingest/stock-reconciliation';
import { chunked } from './change-numbers';

/** Stock entered at headquarters: opening stock, a receipt of goods, a count adjustment. */
export const hqStockInputSchema = z
  .object({
    productId: z.string().trim().min(1).max(64),
    /** Thousandths (units × 1000, or grams for KGM); positive in, negative out. */
    quantityMilli: z
      .number()
      .int()
      .refine((n) => n !== 0, 'la cantidad no puede ser cero')
      .refine((n) => Math.abs(n) <= 1_000_000_000_000, 'la cantidad es demasiado grande'),
    reason: z.enum(['initial', 'receipt', 'adjustment']),
    note: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type HqStockInput = z.output<typeof hqStockInputSchema>;

export interface HqStockMovementView {
  id: string;
  storeId: string;
  productId: string;
  quantityMilli: number;
  reason: HqStockInput['reason'];
  note: string | null;
  createdAt: string;
}

/** One movement in the store's ledger (terminal_id null: entered at HQ). Never overwrites a level. */
export async function recordHqStockMovement(
  ctx: HqContext,
  storeId: string,
  input: HqStockInput,
): Promise<HqStockMovementView> {
  await requireStore(ctx, storeId);
  const product = await ctx.db
    .selectFrom('products')
    .select(['id', 'deleted'])
    .where('id', '=', input.productId)
    .executeTakeFirst();
  if (!product || product.deleted) {
    throw new HqError(404, 'NOT_FOUND', `No existe el producto ${input.productId} en la central.`);
  }
  const now = ctx.now();
  const [view] = await ctx.db.transaction().execute(async (trx) => {
    const views = await recordHqStockMovementsIn(trx, storeId, [input], now);
    // A count that leaves the level below zero is settled like a till's oversell.
    await flagOversells(trx, storeId, [input.productId], now);
    return views;
  });
  return view as HqStockMovementView;
}

/** Bulk form for the demo seed and benchmarks, inside the caller's transaction. */
export async function recordHqStockMovementsIn(
  trx: Transaction<HqDatabase>,
  storeId: string,
  inputs: readonly HqStockInput[],
  now: Date,
): Promise<HqStockMovementView[]> {
  const views = inputs.map((input) => ({
    id: newId(),
    storeId,
    productId: input.productId,
    quantityMilli: input.quantityMilli,
    reason: input.reason,
    note: input.note ?? null,
    createdAt: now.toISOString(),
  }));
  for (const chunk of chunked(views, 4_000)) {
    await trx
      .insertInto('stock_movements')
      .values(
        chunk.map((v) => ({
          id: v.id,
          store_id: storeId,
          terminal_id: null,
          product_id: v.productId,
          quantity_milli: v.quantityMilli,
          reason: v.reason,
          sale_id: null,
          note: v.note,
          user_id: null,
          created_at: now,
          received_at: now,
        })),
      )
      .execute();
  }
  return views;
}
