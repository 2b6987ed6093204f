import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { returnsModule } from '../returns/returns-module';
import { loginAs, useTempCores } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import { EMPTY_COUNT, type CashCount } from './denominations';

const cores = useTempCores();
const INCA_KOLA = '7752242641970'; // S/ 6.50
const AZUCAR = '7756610335003'; // S/ 3.70

async function people(core: Core) {
  return {
    cajero: (await loginAs(core, 'cajero')).actor,
    supervisor: (await loginAs(core, 'supervisor')).actor,
    admin: (await loginAs(core, 'admin')).actor,
  };
}

/** The temp core starts with an empty drawer open; these tests open their own with a float. */
function reopenWithFloat(core: Core, supervisor: Actor, float: CashCount) {
  core.cash.close(supervisor, null, { count: EMPTY_COUNT, cardCents: null, walletCents: null }, null);
  return core.cash.open(supervisor, null, float);
}

function sell(
  core: Core,
  actor: Actor,
  codes: string[],
  payments: Parameters<Core['checkout']['complete']>[1]['payments'],
) {
  for (const code of codes) core.carts.scan(actor, code);
  return core.checkout.complete(actor, {
    expectedTotalCents: core.carts.current().totals.totalCents,
    payments,
  });
}

const FLOAT: CashCount = { pen: { '5000': 2, '1000': 8, '100': 15, '50': 10 }, usd: {} }; // 100 + 80 + 15 + 5 = S/ 200

describe('a day at the drawer', () => {
  it('gives the exact expected amount per method after mixed sales, change, cash in/out, dollars, a return and a void', async () => {
    const { core } = await cores.setup();
    const { cajero, supervisor } = await people(core);
    core.ctx.exchangeRates.setToday(37_000, supervisor.userId); // US$ 1 = S/ 3.70
    const opened = reopenWithFloat(core, supervisor, FLOAT);
    expect(opened.floatCents).toBe(20_000);

    sell(core, cajero, [INCA_KOLA], [{ method: 'cash', tenderedCents: 1_000 }]); // +6.50 (3.50 change)
    sell(
      core,
      cajero,
      [INCA_KOLA, AZUCAR],
      [{ method: 'wallet', wallet: 'yape', amountCents: 1_020, operationNumber: '123456' }],
    );
    sell(core, cajero, [AZUCAR], [{ method: 'card', amountCents: 370 }]);
    // US$ 5 for S/ 6.50: S/ 18.50 tendered, S/ 12.00 change out of the soles drawer.
    sell(core, cajero, [INCA_KOLA], [{ method: 'usd', usdCents: 500 }]);
    const returned = sell(core, cajero, [AZUCAR, AZUCAR], [{ method: 'cash', tenderedCents: 740 }]); // +7.40
    const voided = sell(core, cajero, [INCA_KOLA], [{ method: 'cash', tenderedCents: 650 }]); // +6.50, then voided
    core.cash.move(cajero, null, { kind: 'in', amountCents: 5_000, reason: 'Sencillo del banco' });
    core.cash.move(cajero, supervisor.userId, { kind: 'out', amountCents: 3_000, reason: 'Pago de pan' });
    returnsModule(core).returns.createReturn(cajero, supervisor, {
      saleId: returned.id,
      lines: [{ lineNo: 1, quantityMilli: 1_000 }],
      reasonText: 'Bolsa rota',
      refundMethod: 'cash',
      restock: false,
    });
    returnsModule(core).voids.voidSale(cajero, supervisor, { saleId: voided.id, reason: 'Cliente desistió' });

    const totals = core.cash.current(supervisor)?.totals;
    // 200 + 6.50 - 12.00 + 7.40 + 6.50 + 50 - 30 - 3.70 (return) - 6.50 (void)
    expect(totals?.expected).toEqual({ penCents: 21_820, usdCents: 500, cardCents: 370, walletCents: 1_020 });
    expect(totals?.salesCount).toBe(6);

    // Counted S/ 0.50 short in soles, dollars and the rest right.
    const count: CashCount = {
      pen: { '10000': 2, '1000': 1, '500': 1, '200': 1, '50': 1, '20': 1 },
      usd: { '500': 1 },
    };
    const { report, session } = core.cash.close(
      supervisor,
      null,
      { count, cardCents: 370, walletCents: 1_020 },
      null,
    );
    expect(session.status).toBe('closed');
    expect(report.expectedCashCents).toBe(21_820);
    expect(report.countedCashCents).toBe(21_770);
    expect(report.countedCashCents! - report.expectedCashCents).toBe(-50);
    expect(report.methods.map((m) => [m.label, m.expectedCents, m.countedCents])).toEqual([
      ['Efectivo S/', 21_820, 21_770],
      ['Dólares US$', 500, 500],
      ['Tarjeta', 370, 370],
      ['Yape/Plin', 1_020, 1_020],
    ]);
    expect(report.movements).toEqual([
      { kind: 'in', reason: 'Sencillo del banco', amountCents: 5_000 },
      { kind: 'out', reason: 'Pago de pan', amountCents: 3_000 },
    ]);
    // The Z stays as it was: a reprint is the same report, marked as a copy.
    expect(core.cash.report(session.id, supervisor)).toEqual({ ...report, copy: true });
  });

  it('refuses to sell, refund cash or open twice without the right session, and to take out more than is there', async () => {
    const { core } = await cores.setup();
    const { cajero, supervisor } = await people(core);
    expect(() => core.cash.open(supervisor, null, EMPTY_COUNT)).toThrow(/ya tiene una sesión abierta/);
    expect(() =>
      core.cash.move(cajero, supervisor.userId, { kind: 'out', amountCents: 1, reason: 'x' }),
    ).toThrow(/No se puede retirar más efectivo/);
    core.cash.close(supervisor, null, { count: EMPTY_COUNT, cardCents: null, walletCents: null }, null);
    expect(() => sell(core, cajero, [INCA_KOLA], [{ method: 'cash', tenderedCents: 650 }])).toThrow(
      /La caja está cerrada/,
    );
    expect(core.ctx.sql.raw('SELECT id FROM sales')).toEqual([]);
  });

  it('puts a sale in exactly one session, even one made right at the close', async () => {
    const { core } = await cores.setup();
    const { cajero, supervisor } = await people(core);
    const first = core.cash.openId();
    const sale = sell(core, cajero, [INCA_KOLA], [{ method: 'cash', tenderedCents: 650 }]);
    const { report } = core.cash.close(
      supervisor,
      null,
      { count: { pen: { '500': 1, '100': 1, '50': 1 }, usd: {} }, cardCents: null, walletCents: null },
      null,
    );
    expect(report.salesCount).toBe(1);
    const second = core.cash.open(supervisor, null, EMPTY_COUNT);
    sell(core, cajero, [AZUCAR], [{ method: 'cash', tenderedCents: 370 }]);
    const rows = core.ctx.sql.raw<{ id: string; cash_session_id: string }>(
      'SELECT id, cash_session_id FROM sales ORDER BY issued_at, id',
    );
    expect(rows.map((r) => r.cash_session_id)).toEqual([first, second.id]);
    expect(rows[0]?.id).toBe(sale.id);
    expect(core.cash.current(supervisor)?.totals?.salesCount).toBe(1);
  });

  it('a difference over the limit needs an administrador and a written reason', async () => {
    const { core } = await cores.setup();
    const { cajero, supervisor, admin } = await people(core);
    sell(core, cajero, [INCA_KOLA], [{ method: 'cash', tenderedCents: 650 }]);
    const short = { count: EMPTY_COUNT, cardCents: null, walletCents: null };
    core.ctx.sql.transaction(() =>
      core.ctx.settings.set('cash.closeDifferenceLimitCents', 500, admin.userId),
    );
    expect(() => core.cash.close(supervisor, null, short, null)).toThrow(/debe autorizarla un administrador/);
    expect(() => core.cash.close(supervisor, null, short, admin)).toThrow(/escriba el motivo/);
    const { report } = core.cash.close(
      supervisor,
      null,
      { ...short, reason: 'Billete falso retenido' },
      admin,
    );
    expect(report.countedCashCents! - report.expectedCashCents).toBe(-650);
    const [entry] = core.ctx.sql.raw<{ approver_id: string; data: string }>(
      "SELECT approver_id, data FROM audit_log WHERE action = 'cash.session_closed'",
    );
    expect(entry?.approver_id).toBe(admin.userId);
    expect(JSON.parse(entry!.data)).toMatchObject({
      differenceCents: -650,
      reason: 'Billete falso retenido',
    });
  });

  it('hides the expected amounts from a cashier when the close is blind', async () => {
    const { core } = await cores.setup();
    const { cajero, supervisor, admin } = await people(core);
    core.ctx.sql.transaction(() => core.ctx.settings.set('cash.blindClose', true, admin.userId));
    expect(core.cash.current(cajero)).toMatchObject({ blindClose: true, totals: null });
    expect(core.cash.current(supervisor)?.totals?.expected.penCents).toBe(0);
  });

  it('keeps a closed session frozen, even against a direct write to the file', async () => {
    const { core } = await cores.setup();
    const { supervisor } = await people(core);
    core.cash.move(supervisor, null, { kind: 'in', amountCents: 1_000, reason: 'Sencillo' });
    const count = { pen: { '1000': 1 }, usd: {} };
    const { session } = core.cash.close(
      supervisor,
      null,
      { count, cardCents: null, walletCents: null },
      null,
    );
    const file = new Database(core.databaseFile);
    try {
      expect(() =>
        file.prepare('UPDATE cash_sessions SET difference_cents = 0 WHERE id = ?').run(session.id),
      ).toThrow(/frozen/);
      expect(() => file.prepare('DELETE FROM cash_movements').run()).toThrow(/append-only/);
    } finally {
      file.close();
    }
  });
});
