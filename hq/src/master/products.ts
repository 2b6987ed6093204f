import { sql, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { ProductRecord } from '../../../src-main/sync/protocol';
import type { HqDatabase, ProductsTable } from '../db/schema';
import { HqError, type HqContext } from '../hq-context';
import { chunked, firstDuplicate, nextChangeNo, withMasterWrite, type UpsertSummary } from './change-numbers';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

/** A product as an administrator sends it (the ProductRecord of the protocol, with defaults). */
export const productInputSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    sku: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(200),
    brand: optionalText(80),
    category: optionalText(80),
    unit: z.enum(['NIU', 'KGM']),
    /** Shelf price, IGV included (per kg for KGM), integer céntimos. */
    priceCents: z.number().int().min(0).max(100_000_000),
    igvAffectation: z.enum(['10', '20', '30']),
    icbper: z.boolean().default(false),
    plu: z
      .string()
      .regex(/^\d{1,6}$/, 'el PLU de balanza son de 1 a 6 dígitos')
      .nullable()
      .default(null),
    active: z.boolean().default(true),
    barcodes: z
      .array(z.string().regex(/^[0-9A-Za-z._-]{1,48}$/, 'código de barras con caracteres no válidos'))
      .max(20)
      .default([]),
  })
  .strict();
export type ProductInput = z.input<typeof productInputSchema>;

export const productListSchema = z.array(productInputSchema).min(1).max(50_000);

/** A product as HQ answers an administrator: the record plus its state in the change log. */
export type ProductView = ProductRecord & { deleted: boolean; changeNo: number };

// 14 bound values per row; PostgreSQL takes at most 65,535 per statement.
const ROWS_PER_INSERT = 2_000;

export function productRecordFromRow(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    category: row.category,
    unit: row.unit,
    priceCents: row.price_cents,
    igvAffectation: row.igv_affectation,
    icbper: row.icbper,
    plu: row.plu,
    active: row.active,
    barcodes: row.barcodes,
  };
}

function productView(row: Selectable<ProductsTable>): ProductView {
  return { ...productRecordFromRow(row), deleted: row.deleted, changeNo: row.change_no };
}

/** Creates or replaces products by id, each changed one with its own change number. */
export function upsertProducts(ctx: HqContext, products: readonly ProductRecord[]): Promise<UpsertSummary> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, (trx) => upsertProductsIn(trx, products, now));
}

/**
 * The same inside a master-data transaction. A product sent again unchanged keeps its change
 * number (re-sending a whole catalogue does not make every terminal download it again); a
 * tombstoned one comes back to life.
 */
export async function upsertProductsIn(
  trx: Transaction<HqDatabase>,
  products: readonly ProductRecord[],
  now: Date,
): Promise<UpsertSummary> {
  checkBatch(products);
  await checkConflicts(trx, products);
  let changed = 0;
  let lastChangeNo: number | null = null;
  for (const chunk of chunked(products, ROWS_PER_INSERT)) {
    const rows = await trx
      .insertInto('products')
      .values(
        chunk.map((p) => ({
          id: p.id,
          sku: p.sku,
          name: p.name,
          brand: p.brand,
          category: p.category,
          unit: p.unit,
          price_cents: p.priceCents,
          igv_affectation: p.igvAffectation,
          icbper: p.icbper,
          plu: p.plu,
          active: p.active,
          barcodes: p.barcodes,
          deleted: false,
          change_no: nextChangeNo,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            sku: eb.ref('excluded.sku'),
            name: eb.ref('excluded.name'),
            brand: eb.ref('excluded.brand'),
            category: eb.ref('excluded.category'),
            unit: eb.ref('excluded.unit'),
            price_cents: eb.ref('excluded.price_cents'),
            igv_affectation: eb.ref('excluded.igv_affectation'),
            icbper: eb.ref('excluded.icbper'),
            plu: eb.ref('excluded.plu'),
            active: eb.ref('excluded.active'),
            barcodes: eb.ref('excluded.barcodes'),
            deleted: false,
            change_no: eb.ref('excluded.change_no'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(
            sql<boolean>`(products.sku, products.name, products.brand, products.category, products.unit,
              products.price_cents, products.igv_affectation, products.icbper, products.plu, products.active,
              products.barcodes, products.deleted)
            IS DISTINCT FROM (excluded.sku, excluded.name, excluded.brand, excluded.category, excluded.unit,
              excluded.price_cents, excluded.igv_affectation, excluded.icbper, excluded.plu, excluded.active,
              excluded.barcodes, false)`,
          ),
      )
      .returning('change_no')
      .execute();
    changed += rows.length;
    for (const row of rows) lastChangeNo = Math.max(lastChangeNo ?? 0, row.change_no);
  }
  return { received: products.length, changed, lastChangeNo };
}

function checkBatch(products: readonly ProductRecord[]): void {
  const problems: Array<[string, string | null]> = [
    ['id', firstDuplicate(products.map((p) => p.id))],
    ['SKU', firstDuplicate(products.map((p) => p.sku))],
    ['PLU', firstDuplicate(products.flatMap((p) => (p.plu === null ? [] : [p.plu])))],
    ['código de barras', firstDuplicate(products.flatMap((p) => p.barcodes))],
  ];
  for (const [what, value] of problems) {
    if (value !== null)
      throw new HqError(400, 'BAD_REQUEST', `El ${what} ${value} aparece dos veces en el envío.`);
  }
}

/**
 * SKU and PLU are unique among all products (a terminal keeps tombstoned products for its old
 * sales, with their SKU and PLU); a barcode is unique among products that are not deleted.
 */
async function checkConflicts(
  trx: Transaction<HqDatabase>,
  products: readonly ProductRecord[],
): Promise<void> {
  const incomingBy = (key: (p: ProductRecord) => string | null) =>
    new Map(products.flatMap((p) => (key(p) === null ? [] : [[key(p) as string, p.id] as const])));
  const skus = incomingBy((p) => p.sku);
  const plus = incomingBy((p) => p.plu);
  const barcodes = new Map(products.flatMap((p) => p.barcodes.map((b) => [b, p.id] as const)));

  const skuRows = await sql<{ id: string; value: string }>`
    SELECT id, sku AS value FROM products WHERE sku = ANY(${[...skus.keys()]}::text[])`.execute(trx);
  const pluRows =
    plus.size === 0
      ? { rows: [] }
      : await sql<{ id: string; value: string }>`
    SELECT id, plu AS value FROM products WHERE plu = ANY(${[...plus.keys()]}::text[])`.execute(trx);
  const barcodeRows =
    barcodes.size === 0
      ? { rows: [] }
      : await sql<{ id: string; value: string }>`
    SELECT p.id, b.value FROM products p CROSS JOIN LATERAL unnest(p.barcodes) AS b(value)
    WHERE NOT p.deleted AND b.value IN (SELECT unnest(${[...barcodes.keys()]}::text[]))`.execute(trx);

  const clash = (rows: Array<{ id: string; value: string }>, incoming: Map<string, string>, what: string) => {
    const row = rows.find((r) => incoming.get(r.value) !== r.id);
    if (row) {
      throw new HqError(
        409,
        'BAD_REQUEST',
        `El ${what} ${row.value} ya pertenece a otro producto (${row.id}); no puede asignarse a ${incoming.get(row.value)}.`,
      );
    }
  };
  clash(skuRows.rows, skus, 'SKU');
  clash(pluRows.rows, plus, 'PLU');
  // A barcode still on a product of this same request that is giving it up is fine.
  const incomingIds = new Set(products.map((p) => p.id));
  clash(
    barcodeRows.rows.filter((r) => !incomingIds.has(r.id)),
    barcodes,
    'código de barras',
  );
}

/** A new shelf price: one change number; sales already made keep theirs. */
export function setProductPrice(ctx: HqContext, productId: string, priceCents: number): Promise<ProductView> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, async (trx) => {
    const row = await trx
      .updateTable('products')
      .set({ price_cents: priceCents, change_no: nextChangeNo, updated_at: now })
      .where('id', '=', productId)
      .where('deleted', '=', false)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw productNotFound(productId);
    return productView(row);
  });
}

/** Tombstone: the row stays (deleted, new change number) so terminals learn of the removal. */
export function deleteProduct(ctx: HqContext, productId: string): Promise<ProductView> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, async (trx) => {
    const row =
      (await trx
        .updateTable('products')
        .set({ deleted: true, change_no: nextChangeNo, updated_at: now })
        .where('id', '=', productId)
        .where('deleted', '=', false)
        .returningAll()
        .executeTakeFirst()) ??
      // Deleting twice changes nothing.
      (await trx.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirst());
    if (!row) throw productNotFound(productId);
    return productView(row);
  });
}

function productNotFound(productId: string): HqError {
  return new HqError(404, 'NOT_FOUND', `No existe el producto ${productId} en la central.`);
}
