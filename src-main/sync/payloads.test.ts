import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_COUNT } from '../cash/denominations';
import type { Core } from '../core/core';
import { selfSignedPfx } from '../fiscal/credentials/self-signed-pfx';
import { returnsModule } from '../returns/returns-module';
import { isAppError } from '../shared/errors';
import { BOLSA_CHICA, INCA_KOLA_15, sellBoleta, sellFactura } from '../testing/sales';
import { startSunatEmulator, type SunatEmulator } from '../testing/sunat-emulator/server';
import { loginAs, useTempCores } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';
import { checkOutbox, recordsOf, type OutboxRecord } from './payloads-test-kit';
import type { SalePayload } from './protocol';

const AZUCAR_RUBIA = '7756610335003'; // S/ 3.70
const DAY_MS = 86_400_000;

function outbox(core: Core): OutboxRecord[] {
  return checkOutbox(core.ctx, core.ctx.terminal);
}

function outboxCount(core: Core): number {
  return core.ctx.sql.raw<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]?.n ?? 0;
}

function after(records: OutboxRecord[], seq: number): OutboxRecord[] {
  return records.filter((r) => r.seq > seq);
}

function supervisorOf(core: Core): Promise<Actor> {
  return loginAs(core, 'supervisor').then((s) => s.actor);
}

describe('the outbox carries every synced change in the payloads HQ parses', () => {
  const { setup, beforeCoresClose } = useTempCores();

  it('a sale: its record first, then one per stock movement, then its fiscal and audit entries', async () => {
    const { core, actor } = await setup();
    const before = outbox(core).at(-1)?.seq ?? 0;
    core.carts.scan(actor, INCA_KOLA_15);
    core.carts.scan(actor, INCA_KOLA_15);
    core.carts.scan(actor, AZUCAR_RUBIA);
    core.carts.scan(actor, BOLSA_CHICA);
    const sale = core.checkout.complete(actor, {
      expectedTotalCents: 1_730,
      payments: [
        { method: 'card', amountCents: 730, brand: 'Visa' },
        { method: 'cash', tenderedCents: 2_000 },
      ],
    });

    const records = after(outbox(core), before);
    expect(records.map((r) => r.topic)).toEqual([
      'sale.completed.v2',
      'stock.movement.v1',
      'stock.movement.v1',
      'stock.movement.v1',
      'audit.entry.v1', // fiscal.document.queued
      'audit.entry.v1', // sale.completed
    ]);
    const [record] = records;
    expect(record?.entityId).toBe(sale.id);
    const payload = record?.payload as SalePayload;
    expect(payload).toMatchObject({
      id: sale.id,
      storeId: core.ctx.terminal.storeId,
      terminalId: core.ctx.terminal.terminalId,
      userId: actor.userId,
      cashSessionId: core.cash.openId(),
      docType: '03',
      serie: 'B001',
      correlativo: 1,
      issuedAt: sale.issuedAt,
      totalCents: 1_730,
      paidCents: 2_730,
      changeCents: 1_000,
      icbperCents: 50,
    });
    expect(payload.lines.map((l) => [l.lineNo, l.sku, l.quantityMilli, l.amountCents])).toEqual(
      sale.lines.map((l) => [l.lineNo, l.sku, l.quantityMilli, l.amountCents]),
    );
    expect(payload.payments.map((p) => [p.seq, p.method, p.amountCents, p.cardBrand])).toEqual([
      [1, 'card', 730, 'Visa'],
      [2, 'cash', 1_000, null],
    ]);
    const stock = recordsOf(records, 'stock.movement.v1').map((r) => r.payload);
    expect(stock).toEqual(
      payload.lines.map((line) =>
        expect.objectContaining({
          productId: line.productId,
          quantityMilli: -line.quantityMilli,
          reason: 'sale',
          saleId: sale.id,
          userId: actor.userId,
        }),
      ),
    );
    expect(records.at(-1)?.payload).toMatchObject({ action: 'sale.completed', entityId: sale.id });
  });

  it('a sale that fails leaves no outbox row, whether refused up front or after its rows were written', async () => {
    const { core, actor, dir } = await setup();
    core.carts.scan(actor, INCA_KOLA_15);
    const count = outboxCount(core);
    const refused = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return isAppError(error) ? error.code : String(error);
      }
      return 'completed';
    };
    const pay = (tenderedCents: number) => () =>
      core.checkout.complete(actor, {
        expectedTotalCents: 650,
        payments: [{ method: 'cash', tenderedCents }],
      });
    expect(refused(pay(600))).toBe('PAYMENT_INSUFFICIENT');
    expect(outboxCount(core)).toBe(count);

    // The last write of the sale (its audit entry) fails: its outbox rows, already written, go too.
    const saboteur = new BetterSqlite3(`${dir}/terminal.sqlite`);
    beforeCoresClose(() => saboteur.close());
    saboteur.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON audit_log WHEN NEW.action = 'sale.completed' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    expect(refused(pay(650))).toMatch(/disk on fire/);
    expect(outboxCount(core)).toBe(count);
    saboteur.exec('DROP TRIGGER sabotage');
    pay(650)();
    expect(outboxCount(core)).toBeGreaterThan(count);
    outbox(core);
  });

  it('a return: the note, then its restock movements', async () => {
    const { core, actor } = await setup();
    const supervisor = await supervisorOf(core);
    core.carts.scan(actor, AZUCAR_RUBIA);
    core.carts.scan(actor, AZUCAR_RUBIA);
    const sale = core.checkout.complete(actor, {
      expectedTotalCents: 740,
      payments: [{ method: 'cash', tenderedCents: 740 }],
    });
    const before = outbox(core).at(-1)?.seq ?? 0;
    const note = returnsModule(core).returns.createReturn(actor, supervisor, {
      saleId: sale.id,
      lines: [{ lineNo: 1, quantityMilli: 1_000 }],
      reasonText: 'Bolsa rota',
      refundMethod: 'cash',
      restock: true,
    });

    const records = after(outbox(core), before);
    expect(records.map((r) => r.topic)).toEqual([
      'note.issued.v2',
      'audit.entry.v1', // fiscal.document.queued
      'audit.entry.v1', // note.credit.issued
      'stock.movement.v1',
    ]);
    expect(records[0]).toMatchObject({
      entityId: note.id,
      payload: {
        id: note.id,
        storeId: core.ctx.terminal.storeId,
        terminalId: core.ctx.terminal.terminalId,
        saleId: sale.id,
        docType: '07',
        serie: 'BC01',
        correlativo: note.correlativo,
        userId: actor.userId,
        approverId: supervisor.userId,
        totalCents: 370,
        refundMethod: 'cash',
        refundCents: 370,
        restock: true,
        cashSessionId: core.cash.openId(),
        lines: [
          expect.objectContaining({ lineNo: 1, sku: 'ABA-0018', quantityMilli: 1_000, amountCents: 370 }),
        ],
      },
    });
    expect(records[3]?.payload).toMatchObject({ reason: 'return', quantityMilli: 1_000, saleId: sale.id });
  });

  it('a void: the void, then the stock back', async () => {
    const { core, actor } = await setup();
    const supervisor = await supervisorOf(core);
    const sale = sellBoleta(core, actor);
    const before = outbox(core).at(-1)?.seq ?? 0;
    returnsModule(core).voids.voidSale(actor, supervisor, { saleId: sale.id, reason: 'Cliente desistió' });

    const records = after(outbox(core), before);
    expect(records.map((r) => r.topic)).toEqual(['sale.voided.v2', 'stock.movement.v1', 'audit.entry.v1']);
    expect(records[0]).toMatchObject({
      entityId: sale.id,
      payload: {
        saleId: sale.id,
        terminalId: core.ctx.terminal.terminalId,
        reason: 'Cliente desistió',
        userId: actor.userId,
        approverId: supervisor.userId,
        cashSessionId: core.cash.openId(),
      },
    });
    expect(records[1]?.payload).toMatchObject({ reason: 'return', quantityMilli: 1_000, saleId: sale.id });
  });

  it('a cash session: opened, moved and closed, each as its schema says', async () => {
    const { core, actor } = await setup();
    const supervisor = await supervisorOf(core);
    const close = () =>
      core.cash.close(supervisor, null, { count: EMPTY_COUNT, cardCents: null, walletCents: null }, null);
    close(); // the temp core's empty drawer
    const before = outbox(core).at(-1)?.seq ?? 0;
    const opened = core.cash.open(supervisor, null, { pen: { '1000': 5 }, usd: {} });
    const moved = core.cash.move(actor, null, { kind: 'out', amountCents: 2_000, reason: 'Pago de pan' });
    const { report } = core.cash.close(
      supervisor,
      null,
      { count: { pen: { '1000': 3 }, usd: {} }, cardCents: null, walletCents: null },
      null,
    );

    const records = after(outbox(core), before).filter((r) => r.topic !== 'audit.entry.v1');
    expect(records.map((r) => [r.topic, r.entityId])).toEqual([
      ['cash_session.opened.v1', opened.id],
      ['cash_movement.recorded.v1', moved.movements[0]?.id],
      ['cash_session.closed.v1', opened.id],
    ]);
    expect(records[0]?.payload).toMatchObject({
      id: opened.id,
      terminalId: core.ctx.terminal.terminalId,
      number: opened.number,
      openedBy: supervisor.userId,
      floatCents: 5_000,
      floatCount: { pen: { '1000': 5 }, usd: {} },
    });
    expect(records[1]?.payload).toMatchObject({
      session_id: opened.id,
      kind: 'out',
      amount_cents: 2_000,
      user_id: actor.userId,
    });
    expect(records[2]?.payload).toMatchObject({ id: opened.id, report });
    expect(report).toMatchObject({ kind: 'Z', expectedCashCents: 3_000, countedCashCents: 3_000 });
  });

  it('a document queued unsigned says so, and says so again once it is signed', async () => {
    const { core, actor, clock } = await setup();
    core.ctx.settings.set(
      'fiscal.endpoint',
      { kind: 'ose', billServiceUrl: 'http://127.0.0.1:9/billService', consultServiceUrl: null },
      null,
    );
    clock.advance(3 * 365 * DAY_MS); // past the demo certificate
    const sale = sellBoleta(core, actor);
    const document = core.fiscal.queue.bySale(sale.id);
    const status = () =>
      recordsOf(outbox(core), 'fiscal.status.v1')
        .filter((r) => r.entityId === document?.id)
        .map((r) => r.payload);
    const saleSeq = recordsOf(outbox(core), 'sale.completed.v2').at(-1)?.seq ?? Infinity;
    expect(recordsOf(outbox(core), 'fiscal.status.v1').at(-1)?.seq).toBeGreaterThan(saleSeq);
    expect(status()).toEqual([
      expect.objectContaining({
        documentId: document?.id,
        saleId: sale.id,
        status: 'unsigned',
        voided: false,
      }),
    ]);

    const now = clock.now().getTime();
    const pfx = selfSignedPfx({
      ruc: '20601234565',
      legalName: 'MINIMARKET LA ESQUINA S.A.C.',
      password: 'nueva',
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 365 * DAY_MS),
    });
    core.fiscal.credentials.installCertificate(pfx, 'nueva', null);
    await core.fiscal.sender.runOnce();
    expect(status().map((p) => (p as { status: string }).status)).toEqual(['unsigned', 'pending']);
  });
});

describe('fiscal status changes reach the outbox with the change itself', () => {
  let emulator: SunatEmulator;
  beforeAll(async () => {
    emulator = await startSunatEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  afterEach(() => emulator.reset());
  const { setup } = useTempCores({ fiscal: { retry: { baseMs: 1, maxMs: 2 }, pollDelayMs: 0 } }, (core) => {
    core.ctx.settings.set(
      'fiscal.endpoint',
      { kind: 'ose', billServiceUrl: emulator.url, consultServiceUrl: emulator.consultUrl },
      null,
    );
    core.ctx.settings.set('fiscal.timeoutSeconds', 5, null);
  });

  it('a factura sent, accepted, then voided by its Comunicación de Baja', async () => {
    const { core, actor } = await setup();
    const supervisor = await supervisorOf(core);
    const sale = sellFactura(core, actor);
    const factura = core.fiscal.queue.bySale(sale.id);
    const statesOf = (documentId: string | undefined) =>
      recordsOf(outbox(core), 'fiscal.status.v1')
        .filter((r) => r.entityId === documentId)
        .map((r) => {
          const p = r.payload as { status: string; voided: boolean };
          return `${p.status}${p.voided ? ' voided' : ''}`;
        });
    expect(statesOf(factura?.id)).toEqual([]); // created pending: HQ assumes it

    await core.fiscal.sender.runOnce();
    expect(statesOf(factura?.id)).toEqual(['sent', 'accepted']);
    expect(recordsOf(outbox(core), 'fiscal.status.v1').at(-1)?.payload).toMatchObject({
      documentId: factura?.id,
      terminalId: core.ctx.terminal.terminalId,
      docType: '01',
      serie: 'F001',
      correlativo: 1,
      saleId: sale.id,
      noteId: null,
      sunatCode: '0',
    });

    const { communicationId } = returnsModule(core).voids.voidSale(actor, supervisor, {
      saleId: sale.id,
      reason: 'Error en el pedido',
    });
    // The RA is queued pending and the factura only gets a pointer to it: nothing to report yet.
    expect(statesOf(factura?.id)).toEqual(['sent', 'accepted']);
    for (let pass = 0; pass < 4 && statesOf(factura?.id).length < 3; pass++)
      await core.fiscal.sender.runOnce();
    expect(statesOf(factura?.id)).toEqual(['sent', 'accepted', 'accepted voided']);
    expect(statesOf(communicationId ?? undefined).at(-1)).toBe('accepted');
  });
});
