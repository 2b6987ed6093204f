import { sql, type Kysely } from 'kysely';

/** Runs DDL one statement at a time (SQLite's prepare takes a single statement). */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

/** Triggers that make a table append-only: history is corrected by new rows, never edited. */
export function appendOnly(table: string): string[] {
  return ['UPDATE', 'DELETE'].map(
    (op) =>
      `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
      `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  );
}
