import { DEMO_PRODUCTS, type CatalogProduct } from '../../../db/seeds/demo-catalog';
import { DEMO_STORE, DEMO_STORE_ID, DEMO_USERS } from '../../../db/seeds/demo-store';
import { demoId } from '../../../src-main/shared/ids';
import type { ProductRecord, UserRecord } from '../../../src-main/sync/protocol';
import { hashPin } from '../../../src-main/users/pin-hash';
import type { HqContext } from '../hq-context';
import { lockMasterWrites } from '../master/change-numbers';
import { upsertProductsIn } from '../master/products';
import { recordHqStockMovementsIn } from '../master/stock';
import { upsertUsersIn } from '../master/users';

/**
 * Opening stock per product, as the terminal's demo seed (db/seeds/demo-store.ts) gives it:
 * 25 kg of weighed goods, 2,000 plastic bags, 48 of anything else.
 */
export function demoOpeningStockMilli(p: CatalogProduct): number {
  return p.unit === 'KGM' ? 25_000 : p.icbper ? 2_000_000 : 48_000;
}

/** A demo catalogue product as master data, under the id the terminal's seed gives it. */
export function demoProductRecord(p: CatalogProduct): ProductRecord {
  return {
    id: demoId('product', p.sku),
    sku: p.sku,
    name: p.name,
    brand: p.brand,
    category: p.category,
    unit: p.unit,
    priceCents: p.priceCents,
    igvAffectation: p.igvAffectation,
    icbper: p.icbper,
    plu: p.plu,
    active: true,
    barcodes: [...p.barcodes],
  };
}

/**
 * Fills an empty headquarters with the demo minimarket: the store (same id and RUC as the
 * terminal's demo), its three people, the catalogue through the master-data writers (so each
 * gets a change number) and opening stock as HQ ledger movements. One transaction; does
 * nothing (false) when HQ already has a store.
 */
export async function seedDemoHq(ctx: HqContext): Promise<boolean> {
  const anyStore = await ctx.db.selectFrom('stores').select('id').limit(1).executeTakeFirst();
  if (anyStore) return false;
  // scrypt is slow on purpose: hash before taking the master-data lock.
  const users: UserRecord[] = await Promise.all(
    DEMO_USERS.map(async (u) => ({
      id: demoId('user', u.username),
      username: u.username,
      fullName: u.fullName,
      role: u.role,
      pinHash: await hashPin(u.pin),
      active: true,
    })),
  );
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await lockMasterWrites(trx);
    const inserted = await trx
      .insertInto('stores')
      .values({
        id: DEMO_STORE_ID,
        ruc: DEMO_STORE.ruc,
        legal_name: DEMO_STORE.legalName,
        trade_name: DEMO_STORE.tradeName,
        address: DEMO_STORE.address,
        created_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await upsertUsersIn(trx, users, now);
    await upsertProductsIn(trx, DEMO_PRODUCTS.map(demoProductRecord), now);
    await recordHqStockMovementsIn(
      trx,
      DEMO_STORE_ID,
      DEMO_PRODUCTS.map((p) => ({
        productId: demoId('product', p.sku),
        quantityMilli: demoOpeningStockMilli(p),
        reason: 'initial' as const,
        note: 'inventario inicial',
      })),
      now,
    );
    return true;
  });
}
