import { sql, type Kysely } from 'kysely';
import { newId } from '../../../src-main/shared/ids';
import type { HqDatabase } from '../db/schema';
import { anyText } from './bulk-sql';

/** Advisory-lock class for "a store's stock levels"; the store id hashes into the second key. */
const STOCK_LEVEL_LOCK = 0x53544f4b; // "STOK"

/**
 * Two tills of one store pushing at once would each sum the ledger without the other's
 * uncommitted sales (both see 0 left, together they are at -2) and neither would flag the
 * oversell. Held until commit, this lock makes the second push sum after the first committed;
 * under READ COMMITTED its next statement sees those rows.
 */
async function lockStoreStock(db: Kysely<HqDatabase>, storeId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(STOCK_LEVEL_LOCK)}, hashtext(${storeId}))`.execute(db);
}

/**
 * Stock is a ledger: a store's level of a product is the sum of all its movements (every
 * terminal's and the ones entered at headquarters). No counter is kept or overwritten.
 * A level below zero is an oversell between terminals that were offline; it becomes one
 * open reconciliation item for a supervisor, and the sales stand.
 *
 * Returns how many new items were opened.
 */
export async function flagOversells(
  db: Kysely<HqDatabase>,
  storeId: string,
  productIds: string[],
  now: Date,
): Promise<number> {
  if (productIds.length === 0) return 0;
  await lockStoreStock(db, storeId);
  // A product already waiting for a supervisor needs no new item: its movements are not even
  // summed (the partial unique index answers this), which keeps a long oversell cheap.
  const waiting = await db
    .selectFrom('stock_reconciliation_items')
    .select('product_id')
    .where('store_id', '=', storeId)
    .where('status', '=', 'open')
    .where('product_id', '=', anyText(productIds))
    .execute();
  const open = new Set(waiting.map((row) => row.product_id));
  const toSum = productIds.filter((id) => !open.has(id));
  if (toSum.length === 0) return 0;
  // One index probe per product (LATERAL), a plan that holds while a bulk load leaves the
  // statistics stale. ::bigint: sum(bigint) is numeric, which would come back as text.
  const levels = await sql<{ product_id: string; level_milli: number }>`
    SELECT k.product_id, l.level_milli FROM unnest(${toSum}::text[]) AS k(product_id)
    CROSS JOIN LATERAL (
      SELECT sum(quantity_milli)::bigint AS level_milli FROM stock_movements
      WHERE store_id = ${storeId} AND product_id = k.product_id
    ) AS l
    WHERE l.level_milli < 0`.execute(db);
  const negative = levels.rows;
  if (negative.length === 0) return 0;
  // The partial unique index keeps a single open item per product, even with concurrent
  // pushes; inserting in product order keeps two such pushes from deadlocking.
  negative.sort((a, b) => (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0));
  const inserted = await db
    .insertInto('stock_reconciliation_items')
    .values(
      negative.map((row) => ({
        id: newId(),
        store_id: storeId,
        product_id: row.product_id,
        level_milli: row.level_milli,
        detected_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['store_id', 'product_id']).where('status', '=', 'open').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
