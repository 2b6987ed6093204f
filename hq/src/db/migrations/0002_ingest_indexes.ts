import { sql, type Kysely } from 'kysely';

/**
 * Ingest links a new sale to a fiscal status that arrived before it (a sale's SUNAT status can
 * be pushed ahead of the sale): without these, every batch with sales scans fiscal_documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX fiscal_documents_sale ON fiscal_documents (sale_id) WHERE sale_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX fiscal_documents_note ON fiscal_documents (note_id) WHERE note_id IS NOT NULL`.execute(
    db,
  );
  // Stock levels are sums per store and product: read from the index alone.
  await sql`CREATE INDEX stock_movements_level ON stock_movements (store_id, product_id) INCLUDE (quantity_milli)`.execute(
    db,
  );
  await sql`DROP INDEX stock_movements_store_product`.execute(db);
}
