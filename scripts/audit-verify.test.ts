import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src-main/audit/audit-chain';
import { sellBoleta } from '../src-main/testing/sales';
import { loginAs, openTempCore } from '../src-main/testing/temp-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command as a person runs it, in its own process. */
function auditVerify(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'scripts/audit-verify.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function terminalWithHistory() {
  const temp = await openTempCore();
  cleanups.push(temp.cleanup);
  const { actor } = await loginAs(temp.core, 'cajero');
  sellBoleta(temp.core, actor);
  await loginAs(temp.core, 'supervisor');
  return temp;
}

describe('npm run audit:verify', () => {
  it('reports an intact chain with its size and last hash, exit 0, without writing', async () => {
    const { core, dir } = await terminalWithHistory();
    const expected = verifyAuditChain(core.ctx.sql, core.ctx.qb);
    if (!expected.ok) throw new Error('a fresh terminal should have an intact chain');

    // The terminal is still open, as when the store checks during the day.
    const run = await auditVerify('--data-dir', dir);
    expect(run.stdout.trim()).toBe(
      `Cadena de auditoría íntegra: ${expected.entries} entradas, último hash ${expected.lastHash}`,
    );
    expect(run.code).toBe(0);
    expect(verifyAuditChain(core.ctx.sql, core.ctx.qb)).toEqual(expected);
  });

  it('names the first broken link in Spanish and exits 1 when an entry was edited', async () => {
    const { core, dir } = await terminalWithHistory();
    const sale = core.ctx.sql.raw<{ seq: number; id: string; data: string }>(
      "SELECT seq, id, data FROM audit_log WHERE action = 'sale.completed'",
    )[0];
    if (!sale) throw new Error('the sale should be in the log');
    core.close();

    const db = new Database(join(dir, 'terminal.sqlite'));
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare('UPDATE audit_log SET data = ? WHERE seq = ?').run(
        JSON.stringify({ ...JSON.parse(sale.data), totalCents: 50 }),
        sale.seq,
      );
    } finally {
      db.close();
    }

    const run = await auditVerify('--data-dir', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Cadena de auditoría ROTA');
    expect(run.stdout).toMatch(new RegExp(`N\\.º: +${sale.seq}\\n`));
    expect(run.stdout).toMatch(/Fecha: +23\/11\/2026 10:00:00 \(hora de Lima\)/);
    expect(run.stdout).toMatch(/Acción: +sale\.completed/);
    expect(run.stdout).toContain(`ID:          ${sale.id}`);
    expect(run.stdout).toContain('el contenido de la entrada no coincide con su hash: fue modificada');
  });

  it('exits 2 when there is no terminal database to check', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mostrador-noaudit-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const run = await auditVerify('--data-dir', empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No se encontró la base de datos de la caja');
  });
});
