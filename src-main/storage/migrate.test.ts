import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql as rawSql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase } from './database';
import { migrateDatabase, MigrationError } from './migrate';
import { Sql } from './sql';
import { ProductCatalog } from '../catalog/product-catalog';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
  dirs.push(dir);
  return join(dir, 'terminal.sqlite');
}

const AT = '2026-11-23T10:00:00-05:00';

/** Rows a store would have written while running the first release. */
function writeFirstReleaseData(file: string): void {
  const handle = openDatabase({ file });
  handle.sqlite.exec(`
    INSERT INTO store VALUES ('s1', '20601234565', 'TIENDA S.A.C.', 'Tienda', 'Av. Lima 1', NULL, '${AT}');
    INSERT INTO terminal (id, store_id, code, name, created_at) VALUES ('t1', 's1', 'CAJA-01', 'Caja 1', '${AT}');
    INSERT INTO products (id, sku, name, brand, category, unit, price_cents, igv_affectation, icbper, plu, active, created_at, updated_at)
      VALUES ('p1', 'ABA-1', 'Azúcar Rubia Bells 1 kg', 'Bells', 'Abarrotes', 'NIU', 370, '10', 0, NULL, 1, '${AT}', '${AT}');
    INSERT INTO product_barcodes VALUES ('7756610335003', 'p1', '${AT}');
  `);
  handle.close();
}

describe('migrations', () => {
  it('upgrades a database of the first release without losing its rows, and backs it up first', async () => {
    const file = tempFile();
    const first = openDatabase({ file });
    expect((await migrateDatabase(first, { upTo: '2026_11_23_0001_core_schema' })).applied).toEqual([
      '2026_11_23_0001_core_schema',
    ]);
    first.close();
    writeFirstReleaseData(file);

    const handle = openDatabase({ file });
    const report = await migrateDatabase(handle);
    expect(report.applied).toEqual(Object.keys(MIGRATIONS).slice(1));
    expect(report.backupFile && existsSync(report.backupFile)).toBe(true);
    const sql = new Sql(handle.sqlite);
    expect(sql.raw('SELECT sku, price_cents FROM products')).toEqual([{ sku: 'ABA-1', price_cents: 370 }]);
    // The search index added later covers rows that existed before it.
    const catalog = new ProductCatalog(sql, handle.kysely);
    expect(catalog.search('azucar rub').map((p) => p.sku)).toEqual(['ABA-1']);
    expect(catalog.byBarcode('7756610335003')?.name).toBe('Azúcar Rubia Bells 1 kg');
    // Running again is a no-op.
    expect((await migrateDatabase(handle)).applied).toEqual([]);
    handle.close();
  });

  it('rolls back every step of an upgrade that fails, leaving the old schema and data', async () => {
    const file = tempFile();
    const first = openDatabase({ file });
    await migrateDatabase(first, { upTo: '2026_11_23_0001_core_schema' });
    first.close();
    writeFirstReleaseData(file);

    const broken = {
      ...MIGRATIONS,
      '2026_12_01_0001_broken': {
        up: async (db: Kysely<unknown>) => {
          await rawSql`CREATE TABLE half_done (x INTEGER)`.execute(db);
          await rawSql`INSERT INTO no_such_table VALUES (1)`.execute(db);
        },
      },
    };
    const handle = openDatabase({ file });
    const failure = await migrateDatabase(handle, { provider: { getMigrations: async () => broken } }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    const tables = handle.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('carts', 'half_done')")
      .all();
    expect(tables).toEqual([]);
    expect(handle.sqlite.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 1 });
    handle.close();
  });
});
