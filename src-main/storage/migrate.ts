import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type MigrationProvider,
} from 'kysely';
import { LATEST_MIGRATION, migrationProvider } from '../../db/migrations';
import type { DatabaseHandle } from './database';

/** SQLite does roll back DDL; Kysely's adapter just doesn't claim it. We do, so a failed upgrade leaves nothing. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly backupFile: string | null,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
}

const KEEP_BACKUPS = 3;

/**
 * Brings the file up to the latest schema (or to `upTo`, or another provider's list, for tests) in one transaction,
 * after copying it aside: if anything fails, the file is untouched and the copy exists anyway.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  options: { upTo?: string; provider?: MigrationProvider } = {},
): Promise<MigrationReport> {
  const kysely = new Kysely<unknown>({
    dialect: new TransactionalDdlSqliteDialect({ database: handle.sqlite }),
  });
  const migrator = new Migrator({
    db: kysely,
    provider: options.provider ?? migrationProvider(options.upTo),
  });
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  if (pending.length === 0) return { applied: [], backupFile: null };

  const hasData = handle.sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`)
    .get() as {
    n: number;
  };
  const backupFile = hasData.n > 0 && handle.file !== ':memory:' ? backup(handle) : null;

  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'desconocida';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed: ${reason}`, backupFile);
  }
  return { applied: (results ?? []).map((r) => r.migrationName), backupFile };
}

export function latestMigrationName(): string {
  return LATEST_MIGRATION;
}

function backup(handle: DatabaseHandle): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const target = join(dirname(handle.file), `${basename(handle.file)}.${stamp}.bak`);
  if (existsSync(target)) rmSync(target);
  // VACUUM INTO writes a consistent snapshot even with a WAL in use.
  handle.sqlite.prepare('VACUUM INTO ?').run(target);
  pruneBackups(handle.file);
  return target;
}

function pruneBackups(file: string): void {
  const prefix = `${basename(file)}.`;
  const backups = readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - KEEP_BACKUPS))) {
    rmSync(join(dirname(file), old));
  }
}
