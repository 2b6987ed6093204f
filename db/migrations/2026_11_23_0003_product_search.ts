import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Accent- and case-insensitive name search as you type: FTS5 folds "Azúcar" to "azucar"
 * (remove_diacritics 2) and keeps 2- and 3-letter prefix indexes so the first keystrokes
 * stay fast on big catalogues. External content: the index stores no second copy of names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE VIRTUAL TABLE product_search USING fts5(
      name, brand, sku,
      content = 'products', content_rowid = 'seq',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )`,
    `CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
      INSERT INTO product_search(rowid, name, brand, sku) VALUES (new.seq, new.name, new.brand, new.sku);
    END`,
    `CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
      INSERT INTO product_search(product_search, rowid, name, brand, sku)
        VALUES ('delete', old.seq, old.name, old.brand, old.sku);
    END`,
    `CREATE TRIGGER products_search_update AFTER UPDATE OF name, brand, sku ON products BEGIN
      INSERT INTO product_search(product_search, rowid, name, brand, sku)
        VALUES ('delete', old.seq, old.name, old.brand, old.sku);
      INSERT INTO product_search(rowid, name, brand, sku) VALUES (new.seq, new.name, new.brand, new.sku);
    END`,
    // Products that existed before this migration.
    `INSERT INTO product_search(product_search) VALUES ('rebuild')`,
  ]);
}
