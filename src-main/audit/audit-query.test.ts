import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { Core } from '../core/core';
import { AppError, type ApiError } from '../shared/errors';
import { sellBoleta } from '../testing/sales';
import { loginAs, useTempCores } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import {
  auditActions,
  auditCsv,
  csvField,
  listAudit,
  type AuditEntryView,
  type AuditFilter,
} from './audit-query';

const cores = useTempCores();

interface Setup {
  core: Core;
  clock: { set(iso: string): void };
  cajero: Actor;
  supervisor: Actor;
}

async function setup(): Promise<Setup> {
  const { core, clock, actor } = await cores.setup();
  const { actor: supervisor } = await loginAs(core, 'supervisor');
  return { core, clock, cajero: actor, supervisor };
}

function append(core: Core, entry: Parameters<Core['ctx']['audit']['append']>[0]): void {
  core.ctx.sql.transaction(() => core.ctx.audit.append(entry));
}

function list(core: Core, filter: Partial<AuditFilter> = {}): AuditEntryView[] {
  return listAudit(core.ctx.sql, core.ctx.qb, { limit: 500, ...filter }).entries;
}

/** Reads RFC 4180 back (quoted fields with commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('listAudit', () => {
  it('lists newest first with the names of who did it and who authorized it, data parsed', async () => {
    const { core, cajero, supervisor } = await setup();
    sellBoleta(core, cajero);
    append(core, {
      action: 'drawer.opened',
      entityType: 'drawer',
      userId: cajero.userId,
      approverId: supervisor.userId,
      data: { reason: 'Cambio de sencillo' },
    });
    const entries = list(core);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(entries[0]).toMatchObject({
      action: 'drawer.opened',
      terminalCode: 'CAJA-01',
      userId: cajero.userId,
      userName: 'Rosa Quispe Mamani',
      approverId: supervisor.userId,
      approverName: 'Jorge Ramírez Huamán',
      data: { reason: 'Cambio de sencillo' },
    });
    const sale = entries.find((e) => e.action === 'sale.completed');
    expect(sale).toMatchObject({ userName: 'Rosa Quispe Mamani', approverName: null, entityType: 'sale' });
    expect(sale?.data).toMatchObject({ totalCents: 650 });
    expect(entries.find((e) => e.action === 'auth.login' && e.userId === cajero.userId)).toMatchObject({
      userName: 'Rosa Quispe Mamani',
      approverName: null,
      entityType: 'user',
    });
  });

  it('filters by action prefix, exactly (an underscore is not a wildcard)', async () => {
    const { core, cajero } = await setup();
    append(core, { action: 'cart.line_removed', entityType: 'cart', userId: cajero.userId });
    append(core, { action: 'cart.lineXremoved', entityType: 'cart', userId: cajero.userId });
    append(core, { action: 'cash.opened', entityType: 'cash_session', userId: cajero.userId });
    expect(list(core, { action: 'auth.' }).map((e) => e.action)).toEqual(['auth.login', 'auth.login']);
    expect(list(core, { action: 'cart.line_' }).map((e) => e.action)).toEqual(['cart.line_removed']);
    expect(list(core, { action: 'cash.opened' }).map((e) => e.action)).toEqual(['cash.opened']);
    expect(list(core, { action: 'nada.' })).toEqual([]);
    append(core, { action: 'auth.login_failed', entityType: 'user', userId: null });
    expect(list(core, { action: 'auth.login' }).map((e) => e.action)).toContain('auth.login_failed');
    expect(list(core, { action: 'auth.login', actionExact: true }).map((e) => e.action)).toEqual([
      'auth.login',
      'auth.login',
    ]);
  });

  it('filters by user: what they did and what they authorized', async () => {
    const { core, cajero, supervisor } = await setup();
    append(core, {
      action: 'drawer.opened',
      entityType: 'drawer',
      userId: cajero.userId,
      approverId: supervisor.userId,
    });
    const involving = (userId: string) =>
      list(core)
        .filter((e) => e.userId === userId || e.approverId === userId)
        .map((e) => e.seq);
    const mine = list(core, { userId: supervisor.userId });
    expect(mine.map((e) => e.seq)).toEqual(involving(supervisor.userId));
    expect(mine.slice(0, 2).map((e) => [e.action, e.userName])).toEqual([
      ['drawer.opened', 'Rosa Quispe Mamani'],
      ['auth.login', 'Jorge Ramírez Huamán'],
    ]);
    const theirs = list(core, { userId: cajero.userId });
    expect(theirs.map((e) => e.seq)).toEqual(involving(cajero.userId));
    expect(theirs.map((e) => e.action)).toContain('drawer.opened');
    expect(theirs.filter((e) => e.action === 'auth.login').map((e) => e.userName)).toEqual([
      'Rosa Quispe Mamani',
    ]);
  });

  it('compares dates by the Lima calendar day, both ends inclusive', async () => {
    const { core, clock, cajero } = await setup();
    const at = (iso: string, note: string) => {
      clock.set(iso);
      append(core, { action: 'test.at', entityType: 'test', userId: cajero.userId, data: { note } });
    };
    at('2026-11-22T23:30:00Z', '22 a las 18:30');
    at('2026-11-24T04:30:00Z', '23 a las 23:30'); // already the 24th in UTC, still the 23rd in Lima
    at('2026-11-24T05:00:00Z', '24 a las 00:00');
    at('2026-11-25T04:59:59Z', '24 a las 23:59:59');
    at('2026-11-25T05:00:00Z', '25 a las 00:00');
    const notes = (filter: Partial<AuditFilter>) =>
      list(core, { action: 'test.', ...filter }).map((e) => (e.data as { note: string }).note);

    expect(notes({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['23 a las 23:30']);
    expect(notes({ from: '2026-11-24', to: '2026-11-24' })).toEqual(['24 a las 23:59:59', '24 a las 00:00']);
    expect(notes({ from: '2026-11-24' })).toEqual(['25 a las 00:00', '24 a las 23:59:59', '24 a las 00:00']);
    expect(notes({ to: '2026-11-22' })).toEqual(['22 a las 18:30']);
    // Everything the setup logged (logins at 10:00 Lima) is on the 23rd too.
    const onThe23rd = list(core, { from: '2026-11-23', to: '2026-11-23' });
    expect(onThe23rd.map((e) => e.seq)).toEqual(
      list(core)
        .filter((e) => e.at.startsWith('2026-11-23'))
        .map((e) => e.seq),
    );
    expect(onThe23rd.filter((e) => e.action === 'auth.login')).toHaveLength(2);
  });

  it('pages with nextBeforeSeq until there is nothing older', async () => {
    const { core, cajero } = await setup();
    for (let i = 0; i < 6; i++)
      append(core, { action: 'test.page', entityType: 'test', userId: cajero.userId, data: { i } });
    const all = list(core, { action: 'test.' });
    const seen: AuditEntryView[] = [];
    let beforeSeq: number | undefined;
    let pages = 0;
    for (;;) {
      const page = listAudit(core.ctx.sql, core.ctx.qb, { action: 'test.', limit: 4, beforeSeq });
      seen.push(...page.entries);
      pages++;
      if (page.nextBeforeSeq === null) break;
      expect(page.nextBeforeSeq).toBe(page.entries.at(-1)?.seq);
      beforeSeq = page.nextBeforeSeq;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(all);
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual([5, 4, 3, 2, 1, 0]);
    // Exactly a page's worth: no empty page after it.
    expect(listAudit(core.ctx.sql, core.ctx.qb, { action: 'test.', limit: 6 }).nextBeforeSeq).toBeNull();
  });

  it('refuses dates that do not exist and a range that ends before it starts', async () => {
    const { core } = await setup();
    const failure = (filter: Partial<AuditFilter>) => {
      try {
        list(core, filter);
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    expect(failure({ from: '2026-02-30' })).toMatchObject({
      code: 'AUDIT_FILTER_INVALID',
      message: 'Filtro de auditoría no válido: la fecha «desde» (2026-02-30) no existe.',
    });
    expect(failure({ to: '23/11/2026' })).toBeInstanceOf(AppError);
    expect(failure({ from: '2026-11-24', to: '2026-11-23' })).toMatchObject({
      code: 'AUDIT_FILTER_INVALID',
      message: 'Filtro de auditoría no válido: la fecha «desde» es posterior a «hasta».',
    });
  });

  it('names the actions the log holds, once each, in order', async () => {
    const { core, cajero } = await setup();
    sellBoleta(core, cajero);
    const actions = auditActions(core.ctx.sql, core.ctx.qb);
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'sale.completed']));
  });
});

describe('auditCsv', () => {
  it('exports every matching entry: BOM, Spanish header, RFC 4180 quoting, accents intact', async () => {
    const { core, cajero, supervisor } = await setup();
    append(core, {
      action: 'customer.updated',
      entityType: 'customer',
      entityId: 'c-1',
      userId: cajero.userId,
      approverId: supervisor.userId,
      data: { before: { name: 'Perú, "Lima"' }, after: { name: 'Línea 1\nLínea 2' } },
    });
    append(core, { action: 'test.formula', entityType: 'test', entityId: '=1+2', userId: null });
    const csv = auditCsv(core.ctx.sql, core.ctx.qb, {});
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...body] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      'N.º',
      'Fecha y hora',
      'Caja',
      'Usuario',
      'Autorizó',
      'Acción',
      'Entidad',
      'ID de entidad',
      'Detalle',
    ]);
    expect(body).toHaveLength(list(core).length);
    const [formula, customer] = body;
    expect(formula?.[7]).toBe("'=1+2");
    expect(customer).toEqual([
      expect.stringMatching(/^\d+$/),
      '2026-11-23 10:00:00',
      'CAJA-01',
      'Rosa Quispe Mamani',
      'Jorge Ramírez Huamán',
      'customer.updated',
      'customer',
      'c-1',
      JSON.stringify({ before: { name: 'Perú, "Lima"' }, after: { name: 'Línea 1\nLínea 2' } }),
    ]);
    expect(csv).toContain('"{""before"":{""name"":""Perú, \\""Lima\\""""}');
  });

  it('follows the filter and reads past its internal batches', async () => {
    const { core, cajero } = await setup();
    core.ctx.sql.transaction(() => {
      for (let i = 0; i < 4_100; i++)
        core.ctx.audit.append({
          action: 'test.bulk',
          entityType: 'test',
          userId: cajero.userId,
          data: { i },
        });
    });
    const rows = parseCsv(auditCsv(core.ctx.sql, core.ctx.qb, { action: 'test.bulk' }).slice(1)).slice(1);
    expect(rows).toHaveLength(4_100);
    expect(rows[0]?.[8]).toBe('{"i":4099}');
    expect(rows.at(-1)?.[8]).toBe('{"i":0}');
    expect(new Set(rows.map((r) => r[0])).size).toBe(4_100);
  });

  it('quotes only what needs it', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('dice "hola"')).toBe('"dice ""hola"""');
    expect(csvField('dos\r\nlíneas')).toBe('"dos\r\nlíneas"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5,1')).toBe(`"'-5,1"`);
  });
});

describe('the audit API', () => {
  async function api(core: Core) {
    const dispatcher = createDispatcher(core, () => {});
    const supervisor = await loginAs(core, 'supervisor');
    const cajero = await loginAs(core, 'cajero');
    async function call<M extends ApiMethod>(
      method: M,
      input: ApiInput<M>,
      session = supervisor.token,
    ): Promise<{ ok: true; value: ApiOutput<M> } | { ok: false; error: ApiError }> {
      const response = await dispatcher.dispatch({ method, input, session });
      return response.ok ? { ok: true, value: response.value as ApiOutput<M> } : response;
    }
    async function value<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const response = await call(method, input);
      if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
      return response.value;
    }
    return { call, value, supervisor: supervisor.actor, cajeroToken: cajero.token };
  }

  it('is for supervisors and administradores only', async () => {
    const { core } = await setup();
    const { call, cajeroToken } = await api(core);
    for (const method of [
      'audit.list',
      'audit.verify',
      'audit.export',
      'audit.actions',
      'audit.users',
    ] as const) {
      expect(await call(method, {}, cajeroToken)).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Su usuario no tiene permiso para ver la auditoría.',
          details: expect.anything(),
        },
      });
    }
  });

  it('lists, filters and pages', async () => {
    const { core } = await setup();
    const { value, call } = await api(core);
    const first = await value('audit.list', { limit: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0]).toMatchObject({ action: 'auth.login', userName: 'Rosa Quispe Mamani' });
    expect(first.nextBeforeSeq).toBe(first.entries[1]?.seq);
    const rest = await value('audit.list', { limit: 200, beforeSeq: first.nextBeforeSeq ?? 0 });
    expect(rest.nextBeforeSeq).toBeNull();
    expect(rest.entries.every((e) => e.seq < (first.nextBeforeSeq ?? 0))).toBe(true);
    expect((await value('audit.list', { action: 'auth.login', from: '2026-11-23' })).entries).toHaveLength(4);
    expect(await call('audit.list', { from: '2026-13-01' })).toMatchObject({
      ok: false,
      error: { code: 'AUDIT_FILTER_INVALID' },
    });
    expect(await call('audit.list', { action: "auth.'; DROP" })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('verifies, and records the verification with its verdict after it', async () => {
    const { core } = await setup();
    const { value, supervisor } = await api(core);
    const before = list(core).length;
    const verdict = await value('audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, entries: before });
    const [recorded] = list(core);
    expect(recorded).toMatchObject({ action: 'audit.verified', userId: supervisor.userId, data: verdict });
    expect(await value('audit.verify', {})).toMatchObject({ ok: true, entries: before + 1 });

    const tampered = list(core).find((e) => e.action === 'auth.login');
    const db = new Database(core.databaseFile);
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET data = '{"x":1}' WHERE seq = ?`).run(tampered?.seq);
    } finally {
      db.close();
    }
    const broken = await value('audit.verify', {});
    expect(broken).toMatchObject({ ok: false, firstBroken: { seq: tampered?.seq, reason: 'hash-mismatch' } });
    expect(list(core)[0]).toMatchObject({ action: 'audit.verified', data: broken });
  });

  it('exports a CSV file named after the terminal and the day, and records the export', async () => {
    const { core } = await setup();
    const { value } = await api(core);
    const file = await value('audit.export', { action: 'auth.' });
    expect(file.fileName).toBe('auditoria-CAJA-01-2026-11-23.csv');
    expect(parseCsv(file.csv.slice(1))).toHaveLength(1 + 4);
    const entries = list(core).length;
    expect((await value('audit.export', { from: '2026-11-01', to: '2026-11-23' })).fileName).toBe(
      'auditoria-CAJA-01-2026-11-01-a-2026-11-23-2026-11-23.csv',
    );
    expect(list(core)[0]).toMatchObject({
      action: 'audit.exported',
      data: { filter: { from: '2026-11-01', to: '2026-11-23' }, entries },
    });
  });

  it('offers the actions and the users for the filters', async () => {
    const { core } = await setup();
    const { value } = await api(core);
    await value('audit.verify', {});
    const actions = await value('audit.actions', {});
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toEqual(expect.arrayContaining(['audit.verified', 'auth.login']));
    const users = await value('audit.users', {});
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'cajero', 'supervisor']);
    expect(users[0]).toMatchObject({ fullName: 'Jorge Ramírez Huamán', role: 'supervisor', active: true });
  });
});
