import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { migrateDatabase } from '../storage/migrate';
import { Sql } from '../storage/sql';
import { withBulkSearchIndex } from './search-index';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

const at = '2026-11-23T10:00:00-05:00';

function insertProduct(handle: DatabaseHandle, id: string, name: string): void {
  handle.sqlite
    .prepare(
      `INSERT INTO products (id, sku, name, brand, category, unit, price_cents, igv_affectation, icbper, plu, active, created_at, updated_at)
       VALUES (?, ?, ?, NULL, NULL, 'NIU', 100, '10', 0, NULL, 1, ?, ?)`,
    )
    .run(id, `SKU-${id}`, name, at, at);
}

function found(handle: DatabaseHandle, word: string): string[] {
  return (
    handle.sqlite
      .prepare(
        `SELECT p.id FROM product_search JOIN products p ON p.seq = product_search.rowid
         WHERE product_search MATCH ? ORDER BY p.id`,
      )
      .all(word) as Array<{ id: string }>
  ).map((r) => r.id);
}

describe('migration 0010 and bulk search indexing', () => {
  it('upgrades a database of migration 0009: old products stay found, new ones are indexed row by row or in bulk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'terminal.sqlite');
    const before = openDatabase({ file });
    await migrateDatabase(before, { upTo: '2026_11_23_0009_outbox_v2' });
    insertProduct(before, 'p1', 'Azúcar Rubia Cartavio 1 kg');
    before.close();

    const handle = openDatabase({ file });
    expect((await migrateDatabase(handle)).applied[0]).toBe('2026_11_23_0010_search_index_bulk');
    expect(found(handle, 'azucar')).toEqual(['p1']);
    insertProduct(handle, 'p2', 'Azúcar Blanca Paramonga 1 kg');
    expect(found(handle, 'azucar')).toEqual(['p1', 'p2']);

    const sql = new Sql(handle.sqlite);
    sql.transaction(() =>
      withBulkSearchIndex(sql, () => {
        insertProduct(handle, 'p3', 'Azúcar Impalpable Negrita 200 g');
        insertProduct(handle, 'p4', 'Leche Gloria Azul 400 g');
      }),
    );
    expect(found(handle, 'azucar')).toEqual(['p1', 'p2', 'p3']);
    expect(found(handle, 'gloria')).toEqual(['p4']);
    expect(handle.sqlite.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    // The FTS index agrees with its content table.
    handle.sqlite
      .prepare("INSERT INTO product_search(product_search, rank) VALUES ('integrity-check', 1)")
      .run();
    handle.close();
  });

  it('a load that fails leaves no rows, no index entries and the trigger on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const handle = openDatabase({ file: join(dir, 'terminal.sqlite') });
    await migrateDatabase(handle);
    const sql = new Sql(handle.sqlite);
    expect(() =>
      sql.transaction(() =>
        withBulkSearchIndex(sql, () => {
          insertProduct(handle, 'p1', 'Fideos Don Vittorio');
          throw new Error('the page was bad');
        }),
      ),
    ).toThrow('the page was bad');
    expect(handle.sqlite.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 0 });
    expect(handle.sqlite.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    insertProduct(handle, 'p2', 'Fideos Molitalia');
    expect(found(handle, 'fideos')).toEqual(['p2']);
    expect(() => withBulkSearchIndex(sql, () => undefined)).toThrow(/inside its transaction/);
    handle.close();
  });
});
