import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database';
import { migrateDatabase } from '../storage/migrate';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

const AT = '2026-11-23T10:00:00-05:00';

describe('migration 0005 (devices)', () => {
  it('upgrades a database of the fiscal release and only accepts well-formed print jobs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'terminal.sqlite');
    const before = openDatabase({ file });
    await migrateDatabase(before, { upTo: '2026_11_23_0004_fiscal' });
    before.sqlite.exec(
      `INSERT INTO store VALUES ('s1', '20601234565', 'TIENDA S.A.C.', 'Tienda', 'Av. Lima 1', NULL, '${AT}')`,
    );
    before.close();

    const handle = openDatabase({ file });
    expect((await migrateDatabase(handle)).applied[0]).toBe('2026_11_23_0005_devices');
    const { sqlite } = handle;
    expect(sqlite.prepare('SELECT count(*) AS n FROM store').get()).toEqual({ n: 1 });
    const insert = sqlite.prepare(
      `INSERT INTO print_jobs (id, kind, sale_id, label, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', '${AT}', '${AT}')`,
    );
    insert.run('j1', 'test', null, 'Página de prueba');
    // A receipt must name its sale, and a test page must not.
    expect(() => insert.run('j2', 'sale', null, 'B001-1')).toThrow(/CHECK/);
    expect(() => insert.run('j3', 'printed-twice', null, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('j4', 'sale', 'no-such-sale', 'B001-1')).toThrow(/FOREIGN KEY/);
    handle.close();
  });
});
