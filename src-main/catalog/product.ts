import type { IgvAffectationCode, ProductTable, Unit } from '../../db/schema';

/** A product as the core works with it (camelCase, booleans), read from `products`. */
export interface Product {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  category: string | null;
  unit: Unit;
  /** Shelf price, IGV included; per kg for KGM. */
  priceCents: number;
  igvAffectation: IgvAffectationCode;
  icbper: boolean;
  plu: string | null;
  active: boolean;
}

export type ProductRow = Omit<ProductTable, 'created_at' | 'updated_at'> & { seq?: number };

export function productFromRow(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    category: row.category,
    unit: row.unit,
    priceCents: row.price_cents,
    igvAffectation: row.igv_affectation,
    icbper: row.icbper === 1,
    plu: row.plu,
    active: row.active === 1,
  };
}

/** Scale PLUs are compared without leading zeros: a 4-digit and a 5-digit layout name the same item. */
export function canonicalPlu(plu: string): string {
  const trimmed = plu.replace(/^0+/, '');
  return trimmed === '' ? '0' : trimmed;
}
