import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_ingest_indexes';
import * as m0003 from './migrations/0003_ingest_without_row_checks';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_ingest_indexes': m0002,
  '0003_ingest_without_row_checks': m0003,
};

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

export class HqMigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`headquarters migration ${migration} failed: ${String(cause)}`, { cause });
    this.name = 'HqMigrationError';
  }
}

/** Brings the schema up to date; each migration runs in its own transaction (Kysely's migrator on PostgreSQL). */
export async function migrateHq(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new HqMigrationError(failed?.migrationName ?? '?', error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const HQ_SCHEMA_VERSION = Object.keys(MIGRATIONS).length;
