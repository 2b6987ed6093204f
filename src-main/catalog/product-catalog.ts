import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Sql } from '../storage/sql';
import { canonicalPlu, productFromRow, type Product } from './product';

const PRODUCT_COLUMNS = [
  'products.id',
  'products.sku',
  'products.name',
  'products.brand',
  'products.category',
  'products.unit',
  'products.price_cents',
  'products.igv_affectation',
  'products.icbper',
  'products.plu',
  'products.active',
] as const;

export interface ProductSearchHit extends Product {
  barcode: string | null;
}

/** Matches ranked per keystroke; beyond this the cashier is still typing and order hardly matters. */
const RANKED_MATCHES = 2000;

/** Read side of the catalogue: the lookups the counter makes on every scan and keystroke. */
export class ProductCatalog {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
  ) {}

  byId(id: string): Product | undefined {
    const row = this.sql.first(this.qb.selectFrom('products').select(PRODUCT_COLUMNS).where('id', '=', id));
    return row && productFromRow(row);
  }

  byBarcode(barcode: string): Product | undefined {
    const row = this.sql.first(
      this.qb
        .selectFrom('product_barcodes')
        .innerJoin('products', 'products.id', 'product_barcodes.product_id')
        .select(PRODUCT_COLUMNS)
        .where('product_barcodes.barcode', '=', barcode),
    );
    return row && productFromRow(row);
  }

  bySku(sku: string): Product | undefined {
    const row = this.sql.first(this.qb.selectFrom('products').select(PRODUCT_COLUMNS).where('sku', '=', sku));
    return row && productFromRow(row);
  }

  byPlu(plu: string): Product | undefined {
    const row = this.sql.first(
      this.qb.selectFrom('products').select(PRODUCT_COLUMNS).where('plu', '=', canonicalPlu(plu)),
    );
    return row && productFromRow(row);
  }

  /**
   * As-you-type search over name, brand and SKU, ignoring accents and case. Every word
   * typed must match the start of a word ("azu rub" finds "Azúcar Rubia"); best matches first.
   */
  search(text: string, limit = 30): ProductSearchHit[] {
    const query = toFtsQuery(text);
    if (query === null) return [];
    // Ranking costs ~1 µs per match; a 3-letter prefix matches ~15k of 200k products. So
    // only the first RANKED_MATCHES candidates are ranked, and barcodes are read for the
    // rows shown, not for every match.
    const rows = this.sql.raw<Parameters<typeof productFromRow>[0] & { barcode: string | null }>(
      `SELECT p.id, p.sku, p.name, p.brand, p.category, p.unit, p.price_cents, p.igv_affectation,
              p.icbper, p.plu, p.active,
              (SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id LIMIT 1) AS barcode
         FROM (SELECT m.rowid AS seq, m.rank AS rank
                 FROM (SELECT rowid, rank FROM product_search WHERE product_search MATCH ? LIMIT ${RANKED_MATCHES}) m
                 JOIN products a ON a.seq = m.rowid AND a.active = 1
                ORDER BY m.rank
                LIMIT ?) top
         JOIN products p ON p.seq = top.seq
        ORDER BY top.rank`,
      [query, limit],
    );
    return rows.map((row) => ({ ...productFromRow(row), barcode: row.barcode }));
  }
}

/** `azu rub` → `"azu"* "rub"*`; quotes are doubled so user text can never become FTS syntax. */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}
