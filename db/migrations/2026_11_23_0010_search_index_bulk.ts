import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Loading many products at once (a fresh terminal's first pull, the demo seed) indexed each row
 * through the insert trigger at ~90 µs a row; one INSERT … SELECT into the index after the load
 * costs a tenth of that. A flag row lets such a load turn the per-row trigger off inside its own
 * transaction (see catalog/search-index.ts): a crash mid-load rolls the flag back with the rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE search_index_state (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1))
    )`,
    `INSERT INTO search_index_state (singleton, deferred) VALUES (1, 0)`,
    `DROP TRIGGER products_search_insert`,
    `CREATE TRIGGER products_search_insert AFTER INSERT ON products
      WHEN (SELECT deferred FROM search_index_state) = 0 BEGIN
      INSERT INTO product_search(rowid, name, brand, sku) VALUES (new.seq, new.name, new.brand, new.sku);
    END`,
  ]);
}
