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

describe('migration 0007 (people)', () => {
  it('upgrades a database of the cash-sessions release: users keep their rows, unlocked and never logged in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'terminal.sqlite');
    const before = openDatabase({ file });
    await migrateDatabase(before, { upTo: '2026_11_23_0006_cash_sessions' });
    before.sqlite.exec(
      `INSERT INTO users (id, username, full_name, role, pin_hash, active, created_at, updated_at)
       VALUES ('u1', 'rosa', 'Rosa Quispe', 'cajero', 'scrypt$x', 1, '${AT}', '${AT}')`,
    );
    expect(() => before.sqlite.prepare('SELECT locked_until FROM users').all()).toThrow(/no such column/);
    before.close();

    const handle = openDatabase({ file });
    expect((await migrateDatabase(handle)).applied[0]).toBe('2026_11_23_0007_people');
    const { sqlite } = handle;
    expect(
      sqlite.prepare('SELECT username, failed_pin_attempts, locked_until, last_login_at FROM users').all(),
    ).toEqual([{ username: 'rosa', failed_pin_attempts: 0, locked_until: null, last_login_at: null }]);
    const lock = sqlite.prepare('UPDATE users SET failed_pin_attempts = ?, locked_until = ? WHERE id = ?');
    lock.run(5, '2026-11-23T10:15:00-05:00', 'u1');
    expect(() => lock.run(-1, null, 'u1')).toThrow(/CHECK/);
    expect(() => lock.run(null, null, 'u1')).toThrow(/NOT NULL/);
    handle.close();
  });
});
