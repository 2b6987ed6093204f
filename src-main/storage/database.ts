import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../db/schema';

export type SqliteDatabase = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  file: string;
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron and Node need
   * different builds of the same addon; the Electron launcher passes its own copy here.
   */
  nativeBinding?: string | undefined;
}

export interface DatabaseHandle {
  file: string;
  sqlite: SqliteDatabase;
  /** Query builder and migrator. Domain code runs its queries through `Sql` (synchronous). */
  kysely: Kysely<Database>;
  close(): void;
}

/**
 * Opens the terminal's SQLite file the way a till needs it: WAL so readers never block
 * the sale, synchronous=FULL so a sale shown as done survives a power cut, foreign keys
 * enforced, and a busy timeout instead of instant failures if another process peeks.
 */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const sqlite = new BetterSqlite3(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    file: options.file,
    sqlite,
    kysely,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
