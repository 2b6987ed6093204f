import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// The cart lives in the database so a crash or a power cut mid-sale loses nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE carts (
      id TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL REFERENCES terminal(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      status TEXT NOT NULL CHECK (status IN ('open', 'held')),
      doc_type TEXT NOT NULL DEFAULT '03' CHECK (doc_type IN ('01', '03')),
      customer_id TEXT REFERENCES customers(id),
      discount_kind TEXT CHECK (discount_kind IN ('amount', 'percent')),
      discount_value INTEGER NOT NULL DEFAULT 0 CHECK (discount_value >= 0),
      discount_approved_bps INTEGER NOT NULL DEFAULT 0,
      discount_approved_by TEXT REFERENCES users(id),
      label TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      held_at TEXT
    )`,
    // One sale in progress per terminal; any number on hold.
    `CREATE UNIQUE INDEX carts_one_open ON carts(terminal_id) WHERE status = 'open'`,
    `CREATE TABLE cart_lines (
      id TEXT PRIMARY KEY,
      cart_id TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      product_id TEXT NOT NULL REFERENCES products(id),
      quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
      unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
      fixed_amount_cents INTEGER CHECK (fixed_amount_cents >= 0),
      discount_kind TEXT CHECK (discount_kind IN ('amount', 'percent')),
      discount_value INTEGER NOT NULL DEFAULT 0 CHECK (discount_value >= 0),
      discount_approved_bps INTEGER NOT NULL DEFAULT 0,
      discount_approved_by TEXT REFERENCES users(id),
      scanned_code TEXT,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX cart_lines_cart ON cart_lines(cart_id, position)`,
  ]);
}
