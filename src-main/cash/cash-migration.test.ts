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

describe('migration 0006 (cash sessions)', () => {
  it('upgrades a database of the devices release: old rows keep no session, one open session per terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'terminal.sqlite');
    const before = openDatabase({ file });
    await migrateDatabase(before, { upTo: '2026_11_23_0005_devices' });
    const at = '2026-11-23T10:00:00-05:00';
    before.sqlite.exec(`
      INSERT INTO store VALUES ('s1', '20601234565', 'TIENDA S.A.C.', 'Tienda', 'Av. Lima 1', NULL, '${at}');
      INSERT INTO terminal (id, store_id, code, name, created_at) VALUES ('t1', 's1', 'CAJA-01', 'Caja 1', '${at}');
      INSERT INTO users (id, username, full_name, role, pin_hash, active, created_at, updated_at)
        VALUES ('u1', 'sup', 'Sup', 'supervisor', 'x', 1, '${at}', '${at}');
    `);
    before.close();

    const handle = openDatabase({ file });
    expect((await migrateDatabase(handle)).applied[0]).toBe('2026_11_23_0006_cash_sessions');
    const insert = handle.sqlite.prepare(
      `INSERT INTO cash_sessions (id, terminal_id, number, status, opened_at, opened_by, float_cents, float_count)
       VALUES (?, 't1', ?, 'open', '${at}', 'u1', 0, '{}')`,
    );
    insert.run('c1', 1);
    expect(() => insert.run('c2', 2)).toThrow(/UNIQUE/);
    expect(handle.sqlite.prepare('SELECT cash_session_id FROM sales').all()).toEqual([]);
    handle.close();
  });
});
