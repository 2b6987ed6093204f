import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { HqDatabase } from '../db/schema';

type TableName = keyof HqDatabase & string;

/**
 * Inserts many rows with one statement and ONE parameter: the rows as a JSON array, spread
 * into the table's columns by `json_populate_recordset`. A batch's 1,500 sale lines would
 * otherwise be 24,000 bind parameters for node-pg to serialise and PostgreSQL to parse.
 * Columns not in the rows keep their defaults. Not for jsonb columns (a JSON text would be
 * stored as a JSON string): those tables use ordinary inserts.
 */
export function insertJsonRowsQuery<T extends TableName>(
  table: T,
  rows: Array<Insertable<HqDatabase[T]>>,
): RawBuilder<unknown> | null {
  const first = rows[0];
  if (first === undefined) return null;
  const columns = sql.join(Object.keys(first).map((column) => sql.ref(column)));
  return sql`INSERT INTO ${sql.table(table)} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`;
}

export async function insertJsonRows<T extends TableName>(
  db: Kysely<HqDatabase>,
  table: T,
  rows: Array<Insertable<HqDatabase[T]>>,
): Promise<void> {
  const query = insertJsonRowsQuery(table, rows);
  if (query) await query.execute(db);
}

/** `= ANY(array)`: one parameter however many ids (an IN list is one parameter per id). */
export function anyText(values: Iterable<string>): RawBuilder<string> {
  return sql<string>`ANY(${[...values]}::text[])`;
}

/** The array's element type must be the column's, or PostgreSQL cannot use the column's index. */
export function anyInt(values: Iterable<number>, type: 'integer' | 'bigint'): RawBuilder<number> {
  const array = [...values];
  return type === 'integer' ? sql<number>`ANY(${array}::integer[])` : sql<number>`ANY(${array}::bigint[])`;
}
