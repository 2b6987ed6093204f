import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { HqDatabase } from './schema';
import { migrateHq } from './migrate';

const INT8 = 20;
const DATE = 1082;

export interface HqDatabaseHandle {
  db: Kysely<HqDatabase>;
  /** Which engine: the embedded PGlite (default) or a PostgreSQL server (`DATABASE_URL`). */
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenHqDatabaseOptions {
  /** `postgres://…`: a real server. Otherwise PGlite in `dataDir` (in memory when absent). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

// int8 sums of céntimos stay far below 2^53; a date stays its YYYY-MM-DD text (no time zone shift).
const parseInt8 = (value: string): number => Number(value);
const keepText = (value: string): string => value;

/** Opens headquarters' database on PGlite or PostgreSQL, with the same parsing, and migrates it. */
export async function openHqDatabase(options: OpenHqDatabaseOptions): Promise<HqDatabaseHandle> {
  let handle: HqDatabaseHandle;
  if (options.databaseUrl) {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepText;
        return pg.types.getTypeParser(oid, format);
      },
    } as pg.CustomTypesConfig;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    const db = new Kysely<HqDatabase>({ dialect: new PostgresDialect({ pool }) });
    handle = { db, engine: 'postgres', close: () => db.destroy() };
  } else {
    const pglite = new PGlite(options.dataDir ?? 'memory://', {
      parsers: { [INT8]: parseInt8, [DATE]: keepText },
    });
    const db = new Kysely<HqDatabase>({ dialect: new PGliteDialect(pglite) });
    handle = {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  try {
    await migrateHq(handle.db as unknown as Kysely<unknown>);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
