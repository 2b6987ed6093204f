import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../../db/schema';
import type { Core } from '../core/core';
import { sellBoleta } from '../testing/sales';
import { loginAs, useTempCores } from '../testing/temp-core';
import { verifyAuditChain, verifyAuditChainAsync, type ChainVerdict } from './audit-chain';
import { GENESIS_HASH, hashAuditEntry } from './audit-log';

type StoredRow = Omit<AuditLogTable, 'seq'> & { seq: number };

const cores = useTempCores();

/** A demo terminal after a normal morning: logins, a sale, a logout. */
async function auditedCore(): Promise<Core> {
  const { core, actor } = await cores.setup();
  sellBoleta(core, actor);
  const supervisor = await loginAs(core, 'supervisor');
  core.ctx.auth.logout(supervisor.token);
  return core;
}

function verify(core: Core, batchSize?: number): ChainVerdict {
  return verifyAuditChain(core.ctx.sql, core.ctx.qb, batchSize ? { batchSize } : {});
}

/**
 * What someone with a DB browser does: a second connection straight to the file, the
 * append-only triggers dropped first, then whatever edit they came for.
 */
function tamper(core: Core, edit: (db: Database.Database) => void): void {
  const db = new Database(core.databaseFile);
  try {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec('DROP TRIGGER audit_log_no_delete');
    edit(db);
  } finally {
    db.close();
  }
}

function rows(core: Core): StoredRow[] {
  return core.ctx.sql.raw<StoredRow>('SELECT * FROM audit_log ORDER BY seq');
}

function rowWith(core: Core, action: string): StoredRow {
  const row = rows(core).find((r) => r.action === action);
  if (!row) throw new Error(`no ${action} entry`);
  return row;
}

/** The same verdict whatever the batch size (breaks on and around batch edges), paused or not. */
async function verifyInBatches(core: Core): Promise<ChainVerdict> {
  const verdict = verify(core);
  for (const batchSize of [1, 2, 3, 7]) {
    expect(verify(core, batchSize)).toEqual(verdict);
    expect(await verifyAuditChainAsync(core.ctx.sql, core.ctx.qb, { batchSize })).toEqual(verdict);
  }
  return verdict;
}

describe('verifyAuditChain', () => {
  it('accepts the chain a working terminal wrote', async () => {
    const core = await auditedCore();
    const all = rows(core);
    expect(all.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.login', 'sale.completed', 'auth.logout']),
    );
    expect(all[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(await verifyInBatches(core)).toEqual({
      ok: true,
      entries: all.length,
      lastHash: all.at(-1)?.hash,
    });
  });

  it('accepts an empty log', async () => {
    const { core } = await cores.setup();
    // Nothing logged yet is still a valid chain: wipe through the attacker's door, then reset SQLite's counter too.
    tamper(core, (db) =>
      db.exec("DELETE FROM audit_log; DELETE FROM sqlite_sequence WHERE name = 'audit_log'"),
    );
    expect(verify(core)).toEqual({ ok: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('the triggers refuse edits while they stand', async () => {
    const core = await auditedCore();
    const db = new Database(core.databaseFile);
    try {
      expect(() => db.exec("UPDATE audit_log SET data = '{}' WHERE seq = 1")).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(verify(core).ok).toBe(true);
  });

  it('(a) finds an entry whose data was edited: hash mismatch at that entry', async () => {
    const core = await auditedCore();
    const sale = rowWith(core, 'sale.completed');
    const forged = JSON.stringify({ ...JSON.parse(sale.data), totalCents: 50 });
    tamper(core, (db) => db.prepare('UPDATE audit_log SET data = ? WHERE seq = ?').run(forged, sale.seq));

    const verdict = await verifyInBatches(core);
    expect(verdict).toEqual({
      ok: false,
      entries: rows(core).length,
      firstBroken: {
        seq: sale.seq,
        id: sale.id,
        at: sale.at,
        action: 'sale.completed',
        reason: 'hash-mismatch',
        expected: hashAuditEntry({ ...sale, data: forged }),
        found: sale.hash,
      },
    });
  });

  it('(b) finds a deleted entry: the next one no longer links (and its seq jumps)', async () => {
    const core = await auditedCore();
    const all = rows(core);
    const index = all.findIndex((r) => r.action === 'sale.completed');
    const [before, deleted, after] = [all[index - 1], all[index], all[index + 1]];
    if (!before || !deleted || !after) throw new Error('the sale entry should sit between two others');
    tamper(core, (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(deleted.seq));

    const verdict = await verifyInBatches(core);
    expect(verdict).toEqual({
      ok: false,
      entries: all.length - 1,
      firstBroken: {
        seq: after.seq,
        id: after.id,
        at: after.at,
        action: after.action,
        reason: 'link-mismatch',
        expected: before.hash,
        found: deleted.hash,
      },
    });
    expect(after.seq).toBe(deleted.seq + 1);
  });

  it('(c) finds an edited entry whose own hash was recomputed: the link after it breaks', async () => {
    const core = await auditedCore();
    const all = rows(core);
    const index = all.findIndex((r) => r.action === 'sale.completed');
    const [edited, next] = [all[index], all[index + 1]];
    if (!edited || !next) throw new Error('the sale entry should have one after it');
    const forged = { ...edited, data: JSON.stringify({ ...JSON.parse(edited.data), totalCents: 50 }) };
    const forgedHash = hashAuditEntry(forged);
    tamper(core, (db) =>
      db
        .prepare('UPDATE audit_log SET data = ?, hash = ? WHERE seq = ?')
        .run(forged.data, forgedHash, edited.seq),
    );

    const verdict = await verifyInBatches(core);
    expect(verdict).toEqual({
      ok: false,
      entries: all.length,
      firstBroken: {
        seq: next.seq,
        id: next.id,
        at: next.at,
        action: next.action,
        reason: 'link-mismatch',
        expected: forgedHash,
        found: edited.hash,
      },
    });
  });

  it('finds the first entry deleted: the new first one does not start at the genesis hash', async () => {
    const core = await auditedCore();
    const [first, second] = rows(core);
    if (!first || !second) throw new Error('two entries expected');
    tamper(core, (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(first.seq));
    expect(verify(core)).toMatchObject({
      ok: false,
      firstBroken: { seq: second.seq, reason: 'link-mismatch', expected: GENESIS_HASH, found: first.hash },
    });
  });

  it('finds a deletion even when every later entry was re-chained: the seq gap gives it away', async () => {
    const core = await auditedCore();
    const all = rows(core);
    const index = all.findIndex((r) => r.action === 'sale.completed');
    const deleted = all[index];
    const previous = all[index - 1];
    if (!deleted || !previous) throw new Error('the sale entry should have one before it');
    tamper(core, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(deleted.seq);
      // Rebuild every link after the hole, as a careful attacker would.
      let prevHash = previous.hash;
      const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
      for (const row of all.slice(index + 1)) {
        const hash = hashAuditEntry({ ...row, prev_hash: prevHash });
        update.run(prevHash, hash, row.seq);
        prevHash = hash;
      }
    });
    const next = all[index + 1];
    expect(await verifyInBatches(core)).toMatchObject({
      ok: false,
      entries: all.length - 1,
      firstBroken: {
        seq: next?.seq,
        id: next?.id,
        reason: 'seq-gap',
        expected: String(deleted.seq),
        found: String(next?.seq),
      },
    });
  });

  it('finds entries cut from the end of the log', async () => {
    const core = await auditedCore();
    const all = rows(core);
    const last = all.at(-1);
    const kept = all.at(-2);
    if (!last || !kept) throw new Error('two entries expected');
    tamper(core, (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(last.seq));
    expect(verify(core)).toEqual({
      ok: false,
      entries: all.length - 1,
      firstBroken: {
        seq: last.seq,
        id: '',
        at: '',
        action: '',
        reason: 'seq-gap',
        expected: String(last.seq),
        found: String(kept.seq),
      },
    });
  });

  it('the pausing walk lets the till keep working, and what it appends meanwhile is no break', async () => {
    const { core } = await cores.setup();
    const { sql, audit } = core.ctx;
    const tick = (i: number) =>
      sql.transaction(() =>
        audit.append({ action: 'test.tick', entityType: 'test', userId: null, data: { i } }),
      );
    for (let i = 0; i < 200; i++) tick(i);
    const before = rows(core).length;
    const verifying = verifyAuditChainAsync(sql, core.ctx.qb, { batchSize: 10 });
    let appended = 0;
    // Requests served while the check pauses between batches.
    const busy = (async () => {
      while (appended < 20) {
        await new Promise<void>((resume) => setImmediate(resume));
        tick(1_000 + appended++);
      }
    })();
    const verdict = await verifying;
    await busy;
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThan(before);
    expect(verdict.entries).toBeLessThanOrEqual(before + appended);
    expect(verify(core)).toMatchObject({ ok: true, entries: before + 20 });
  });

  it('walks a long log in batches and still points at the exact entry', async () => {
    const { core } = await cores.setup();
    const { sql, audit } = core.ctx;
    sql.transaction(() => {
      for (let i = 0; i < 5_000; i++)
        audit.append({ action: 'test.tick', entityType: 'test', userId: null, data: { i } });
    });
    const total = rows(core).length;
    expect(verify(core, 97)).toMatchObject({ ok: true, entries: total });

    const target = rows(core).find((r) => r.data === JSON.stringify({ i: 4_321 }));
    if (!target) throw new Error('entry 4321 expected');
    tamper(core, (db) => db.prepare(`UPDATE audit_log SET data = '{"i":1}' WHERE seq = ?`).run(target.seq));
    expect(verify(core, 97)).toMatchObject({
      ok: false,
      firstBroken: { seq: target.seq, reason: 'hash-mismatch' },
    });
  });
});
