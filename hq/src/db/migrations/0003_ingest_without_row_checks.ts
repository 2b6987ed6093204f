import { sql, type Kysely } from 'kysely';

/**
 * The high-volume rows of ingest (each pushed record, sale lines, payments, stock movements,
 * audit entries) are only ever written by the batch applier, which checks their owner and
 * parent before writing and writes a child in the same statement set as its parent. The
 * per-row foreign-key checks repeated that work and were the largest part of ingest time.
 * `received_records (terminal_id, seq)` was never read.
 */
const dropped: Array<[table: string, constraint: string]> = [
  ['received_records', 'received_records_terminal_id_fkey'],
  ['sale_lines', 'sale_lines_sale_id_fkey'],
  ['payments', 'payments_sale_id_fkey'],
  ['stock_movements', 'stock_movements_store_id_fkey'],
  ['stock_movements', 'stock_movements_terminal_id_fkey'],
  ['audit_entries', 'audit_entries_store_id_fkey'],
  ['audit_entries', 'audit_entries_terminal_id_fkey'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, constraint] of dropped)
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.ref(constraint)}`.execute(db);
  await sql`DROP INDEX received_records_terminal`.execute(db);
}
