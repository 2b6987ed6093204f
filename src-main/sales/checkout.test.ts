import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { buildVariableMeasureLabel, DEFAULT_VARIABLE_MEASURE_RULES } from '../catalog/variable-measure';
import { isAppError } from '../shared/errors';
import { useTempCores } from '../testing/temp-core';
import { createCore } from '../core/core';

const INCA_KOLA_15 = '7752242641970'; // S/ 6.50, gravado
const AZUCAR_RUBIA = '7756610335003'; // S/ 3.70, gravado
const BOLSA_CHICA = '7758135527840'; // S/ 0.10 + ICBPER
const weightRule = DEFAULT_VARIABLE_MEASURE_RULES[0]!;
const BISTEC_750G = buildVariableMeasureLabel(weightRule, '13001', 750); // S/ 34.90 per kg

const { setup, beforeCoresClose } = useTempCores();

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected an error');
}

describe('checkout on a real SQLite file', () => {
  it('writes sale, lines, payments, stock, correlativo, outbox and audit in one go', async () => {
    const { core, actor, dir } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    core.carts.scan(actor, INCA_KOLA_15); // same product: quantity 2, one line
    core.carts.scan(actor, AZUCAR_RUBIA);
    core.carts.scan(actor, BISTEC_750G);
    const cart = core.carts.scan(actor, BOLSA_CHICA);
    expect(cart.lines.map((l) => l.quantityMilli)).toEqual([2000, 1000, 750, 1000]);
    // Worked by hand: 13.00 + 3.70 + round(34.90 × 0.75 = 26.175) 26.18 + 0.10 + ICBPER 0.50
    // bases: 1102 + 314 + 2219 + 8 = 3643; IGV 198 + 56 + 399 + 2 = 655.
    expect(cart.totals).toEqual({
      gravadasCents: 3643,
      exoneradasCents: 0,
      inafectasCents: 0,
      igvCents: 655,
      icbperCents: 50,
      discountCents: 0,
      totalCents: 4348,
    });

    const sale = core.checkout.complete(actor, {
      expectedTotalCents: 4348,
      payments: [{ method: 'cash', tenderedCents: 5000 }],
    });
    expect(sale.number).toBe('B001-00000001');
    expect(sale.changeCents).toBe(652);
    expect(core.carts.current().lines).toEqual([]);

    const db = new BetterSqlite3(`${dir}/terminal.sqlite`, { readonly: true });
    beforeCoresClose(() => db.close());
    const row = db
      .prepare('SELECT serie, correlativo, total_cents, paid_cents, change_cents FROM sales')
      .all();
    expect(row).toEqual([
      { serie: 'B001', correlativo: 1, total_cents: 4348, paid_cents: 5000, change_cents: 652 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM sale_lines').get()).toEqual({ n: 4 });
    expect(db.prepare("SELECT last_correlativo FROM series WHERE serie = 'B001'").get()).toEqual({
      last_correlativo: 1,
    });
    expect(
      db.prepare("SELECT sum(quantity_milli) AS q FROM stock_movements WHERE reason = 'sale'").get(),
    ).toEqual({ q: -4750 });
    expect(db.prepare("SELECT topic, entity_id FROM outbox WHERE topic LIKE 'sale.%'").all()).toEqual([
      { topic: 'sale.completed.v2', entity_id: sale.id },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sale.completed'").get()).toEqual({
      n: 1,
    });
    expect(db.prepare('SELECT count(*) AS n FROM carts').get()).toEqual({ n: 0 });

    core.carts.scan(actor, AZUCAR_RUBIA);
    const second = core.checkout.complete(actor, {
      expectedTotalCents: 370,
      payments: [{ method: 'card', amountCents: 370, brand: 'Visa' }],
    });
    expect(second.number).toBe('B001-00000002');
  });

  it('leaves nothing behind when a write fails midway, and keeps the cart', async () => {
    const { core, actor, dir } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    // Sabotage the last write of the transaction (the audit entry) from outside the app.
    const saboteur = new BetterSqlite3(`${dir}/terminal.sqlite`);
    saboteur.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON audit_log WHEN NEW.action = 'sale.completed' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    saboteur.close();
    expect(() =>
      core.checkout.complete(actor, {
        expectedTotalCents: 650,
        payments: [{ method: 'cash', tenderedCents: 1000 }],
      }),
    ).toThrow(/disk on fire/);
    const db = new BetterSqlite3(`${dir}/terminal.sqlite`, { readonly: true });
    beforeCoresClose(() => db.close());
    for (const table of ['sales', 'sale_lines', 'payments', 'fiscal_documents']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    // Only the drawer's opening (before the sale) is waiting for headquarters.
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE topic LIKE 'sale.%'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM stock_movements WHERE reason = 'sale'").get()).toEqual({
      n: 0,
    });
    expect(db.prepare('SELECT max(last_correlativo) AS n FROM series').get()).toEqual({ n: 0 });
    expect(core.carts.current().lines).toHaveLength(1);
  });

  it('refuses to charge when the total changed, a factura without RUC, or a short payment', async () => {
    const { core, actor } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    const pay = (expectedTotalCents: number, tenderedCents: number) => () =>
      core.checkout.complete(actor, { expectedTotalCents, payments: [{ method: 'cash', tenderedCents }] });
    expect(errorCode(pay(600, 1000))).toBe('TOTAL_CHANGED');
    expect(errorCode(pay(650, 600))).toBe('PAYMENT_INSUFFICIENT');
    core.carts.setDocType(actor, '01');
    expect(errorCode(pay(650, 1000))).toBe('CUSTOMER_REQUIRED_FACTURA');
    expect(core.carts.current().documentProblem).toMatch(/RUC/);
  });

  it('asks a supervisor for a discount over the limit and records who approved', async () => {
    const { core, actor } = await setup();
    const cart = core.carts.scan(actor, INCA_KOLA_15);
    const lineId = cart.lines[0]!.id;
    await core.carts.setLineDiscount(actor, lineId, { kind: 'percent', value: 500 });
    await expect(
      core.carts.setLineDiscount(actor, lineId, { kind: 'percent', value: 2000 }),
    ).rejects.toMatchObject({
      code: 'APPROVAL_REQUIRED',
    });
    await expect(
      core.carts.setLineDiscount(
        actor,
        lineId,
        { kind: 'percent', value: 2000 },
        { username: 'cajero', pin: '1234' },
      ),
    ).rejects.toMatchObject({ code: 'APPROVAL_INVALID' });
    const approved = await core.carts.setLineDiscount(
      actor,
      lineId,
      { kind: 'percent', value: 2000 },
      { username: 'supervisor', pin: '5678' },
    );
    expect(approved.lines[0]!.amountCents).toBe(520);
    // Raising the quantity keeps the same share: still covered by the approval.
    core.carts.setQuantity(actor, lineId, 3000);
    const sale = core.checkout.complete(actor, {
      expectedTotalCents: 1560,
      payments: [{ method: 'wallet', wallet: 'yape', amountCents: 1560, operationNumber: '123456' }],
    });
    expect(sale.totals.discountCents).toBe(390);
  });

  it('holds a sale, serves another customer, and resumes it', async () => {
    const { core, actor } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    expect(core.carts.hold(actor, 'Señora del polo rojo').lines).toEqual([]);
    core.carts.scan(actor, AZUCAR_RUBIA);
    const [held] = core.carts.held();
    expect(held).toMatchObject({ label: 'Señora del polo rojo', lineCount: 1, totalCents: 650 });
    const resumed = core.carts.resume(actor, held!.id);
    expect(resumed.lines.map((l) => l.sku)).toEqual(['BEB-0026']);
    // The sale that was in progress was parked, not lost.
    expect(core.carts.held().map((h) => h.totalCents)).toEqual([370]);
  });

  it('keeps the cart of a till killed mid-sale (SIGKILL) and shows it after restart', async () => {
    const { core, dir } = await setup();
    core.close();
    const script = `
      import { createCore } from './src-main/core/core.ts';
      const core = await createCore({ dataDir: ${JSON.stringify(dir)} });
      const { actor } = await core.ctx.auth.login('cajero', '1234');
      core.carts.scan(actor, '${INCA_KOLA_15}');
      core.carts.scan(actor, '${AZUCAR_RUBIA}');
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const reopened = await createCore({ dataDir: dir });
    beforeCoresClose(() => reopened.close());
    expect(reopened.carts.current().lines.map((l) => l.sku)).toEqual(['BEB-0026', 'ABA-0018']);
    expect(reopened.carts.current().totals.totalCents).toBe(1020);
  });
});
