import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PushAck } from '../../../src-main/sync/protocol';
import { POSTGRES_MISSING, postgresAvailable } from '../testing/temp-postgres';
import { applyPushBatch } from './apply-push-batch';
import {
  AuditChain,
  RecordFactory,
  cashMovement,
  countRows,
  fiscalStatus,
  notePayload,
  openIngestWorld,
  resetIngestWorld,
  salePayload,
  saleStockMovements,
  sessionClosed,
  sessionOpened,
  stockMovement,
  stopTestPostgres,
  voidPayload,
  type Engine,
  type IngestWorld,
} from './ingest-test-kit';

const engines: Engine[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];
if (!postgresAvailable()) console.warn(`Ingest tests run on PGlite only: ${POSTGRES_MISSING}`);

afterAll(async () => {
  await stopTestPostgres();
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds; fails naming `what` after 10 s instead of hanging the test. */
async function waitFor(done: () => Promise<boolean>, what: string): Promise<void> {
  for (const start = Date.now(); !(await done()); await delay(10)) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
  }
}
const statuses = (acks: PushAck[]) => acks.map((a) => a.status);

describe.each(engines)('applyPushBatch on %s', (engine) => {
  let world: IngestWorld;
  let caja1: RecordFactory;

  beforeAll(async () => {
    world = await openIngestWorld(engine);
  });

  beforeEach(async () => {
    await resetIngestWorld(world);
    caja1 = new RecordFactory(world.caja1);
  });

  afterAll(async () => {
    await world?.close();
  });

  /** A busy moment at the counter: sales with lines, payments, stock movements and audit entries. */
  function salesBatch(count: number, firstCorrelativo = 1) {
    const chain = new AuditChain(world.caja1);
    const sales = Array.from({ length: count }, (_, i) =>
      salePayload(world.caja1, {
        correlativo: firstCorrelativo + i,
        card: i % 3 === 0,
        lines: [
          { productId: 'p-arroz', quantityMilli: 2000, unitPriceCents: 459 },
          { productId: 'p-aceite', quantityMilli: 1000, unitPriceCents: 1290 + i },
          { productId: 'p-queso', quantityMilli: 350, unitPriceCents: 3390 },
        ],
      }),
    );
    const records = sales.flatMap((sale) => [
      ...saleStockMovements(world.caja1, sale).map((m) => caja1.record('stock.movement.v1', m.id, m)),
      caja1.record('sale.completed.v2', sale.id, sale),
      caja1.record(
        'audit.entry.v1',
        sale.id,
        chain.next('sale.completed', sale.id, { total: sale.totalCents }),
      ),
    ]);
    return { sales, records };
  }

  it('applies a batch once: sent again, every record is a duplicate and nothing changes', async () => {
    const { sales, records } = salesBatch(40);
    const request = caja1.batch(records);

    const first = await applyPushBatch(world.ctx, world.caja1, request);
    expect(first.batchId).toBe(request.batchId);
    expect(first.acks.map((a) => a.id)).toEqual(records.map((r) => r.id));
    expect(new Set(statuses(first.acks))).toEqual(new Set(['applied']));
    const after = await countRows(world.handle);
    expect(after).toMatchObject({
      received_records: 200,
      sales: 40,
      sale_lines: 120,
      payments: 40 + 14,
      stock_movements: 120,
      audit_entries: 40,
    });

    const second = await applyPushBatch(world.ctx, world.caja1, request);
    expect(new Set(statuses(second.acks))).toEqual(new Set(['duplicate']));
    // Only the log of pushes grows (checked below).
    expect(await countRows(world.handle)).toEqual({ ...after, push_batches: 2 });

    // Totals to the céntimo: what HQ sums is what the terminal sold.
    const expected = {
      total: sales.reduce((s, x) => s + x.totalCents, 0),
      igv: sales.reduce((s, x) => s + x.igvCents, 0),
      lines: sales.reduce((s, x) => s + x.lines.reduce((t, l) => t + l.amountCents, 0), 0),
      paid: sales.reduce((s, x) => s + x.payments.reduce((t, p) => t + p.amountCents, 0), 0),
      card: sales.reduce(
        (s, x) => s + x.payments.filter((p) => p.method === 'card').reduce((t, p) => t + p.amountCents, 0),
        0,
      ),
    };
    const { db } = world.handle;
    const totals = await db
      .selectFrom('sales')
      .select([
        sql<number>`sum(total_cents)::bigint`.as('total'),
        sql<number>`sum(igv_cents)::bigint`.as('igv'),
      ])
      .executeTakeFirstOrThrow();
    const lines = await db
      .selectFrom('sale_lines')
      .select(sql<number>`sum(amount_cents)::bigint`.as('lines'))
      .executeTakeFirstOrThrow();
    const paid = await db
      .selectFrom('payments')
      .select([
        sql<number>`sum(amount_cents)::bigint`.as('paid'),
        sql<number>`sum(amount_cents) FILTER (WHERE method = 'card')::bigint`.as('card'),
      ])
      .executeTakeFirstOrThrow();
    expect({ ...totals, ...lines, ...paid }).toEqual(expected);
    const one = await db
      .selectFrom('sales')
      .selectAll()
      .where('id', '=', sales[5]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      store_id: 'store-a',
      terminal_id: 'term-a1',
      serie: 'B001',
      correlativo: 6,
      issue_date: '2026-11-23',
      total_cents: sales[5]?.totalCents,
      voided: false,
      fiscal_status: 'pending',
    });
    expect(one.issued_at.toISOString()).toBe('2026-11-23T20:00:00.000Z');

    // Bookkeeping: the terminal's progress and one row per push.
    const terminal = await db
      .selectFrom('terminals')
      .selectAll()
      .where('id', '=', 'term-a1')
      .executeTakeFirstOrThrow();
    expect(terminal.last_seq).toBe(200);
    expect(terminal.last_push_at).not.toBeNull();
    const batches = await db.selectFrom('push_batches').selectAll().orderBy('received_at').execute();
    expect(batches.map((b) => [b.id, b.records, b.applied, b.duplicates, b.rejected])).toEqual([
      [request.batchId, 200, 200, 0, 0],
      [request.batchId, 200, 0, 200, 0],
    ]);
  });

  it('keeps last_seq at the greatest seq acknowledged, also when an older batch comes again', async () => {
    const one = caja1.batch(salesBatch(2).records);
    const two = caja1.batch(salesBatch(2, 3).records);
    await applyPushBatch(world.ctx, world.caja1, one);
    await applyPushBatch(world.ctx, world.caja1, two);
    await applyPushBatch(world.ctx, world.caja1, one);
    const terminal = await world.handle.db
      .selectFrom('terminals')
      .select(['last_seq'])
      .where('id', '=', 'term-a1')
      .executeTakeFirstOrThrow();
    expect(terminal.last_seq).toBe(20);
  });

  it('rejects what it cannot trust and applies the rest of the batch', async () => {
    const chain = new AuditChain(world.caja1);
    const good = salePayload(world.caja1, {
      correlativo: 1,
      lines: [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 500 }],
    });
    const otherStore = {
      ...salePayload(world.caja1, {
        correlativo: 2,
        lines: [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 500 }],
      }),
      storeId: 'store-b',
    };
    const forgedTerminal = { ...stockMovement(world.caja1, 'p1', -1000), terminalId: 'term-a2' };
    const genuine = chain.next('sale.completed', good.id, { n: 1 });
    const tampered = {
      ...chain.next('sale.completed', good.id, { totalCents: 500 }),
      data: '{"totalCents":5}',
    };
    const records = [
      caja1.raw('sale.completed.v3', good.id, good),
      caja1.raw('sale.completed.v2', 'x', { ...good, id: uuidv7(), lines: [] }),
      caja1.record('sale.completed.v2', otherStore.id, otherStore),
      caja1.record('stock.movement.v1', forgedTerminal.id, forgedTerminal),
      caja1.record('sale.completed.v2', good.id, good),
      caja1.record('audit.entry.v1', genuine.id, genuine),
      caja1.record('audit.entry.v1', tampered.id, tampered),
      caja1.raw('sale.completed.v2', 'y', {
        ...good,
        id: uuidv7(),
        correlativo: 9,
        issuedAt: '23/11/2026 15:00',
      }),
      caja1.raw('stock.movement.v1', 'z', { ...stockMovement(world.caja1, 'p1', -1), noteText: 'a\u0000b' }),
    ];
    const response = await applyPushBatch(world.ctx, world.caja1, caja1.batch(records));
    expect(statuses(response.acks)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
      'applied',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const reasons = response.acks.map((a) => a.reason ?? '');
    expect(reasons[0]).toBe(
      'La central no reconoce registros «sale.completed.v3»: actualice la central o la caja.',
    );
    expect(reasons[1]).toMatch(/^Registro «sale\.completed\.v2» con datos inválidos: lines: /);
    expect(reasons[2]).toBe('El registro pertenece a otra caja o tienda.');
    expect(reasons[3]).toBe('El registro pertenece a otra caja o tienda.');
    expect(reasons[6]).toMatch(/auditoría N° 2 fue alterada/);
    expect(reasons[7]).toMatch(/Fecha y hora inválida en issuedAt/);
    expect(reasons[8]).toMatch(/caracteres no válidos en payload\.noteText/);

    expect(await countRows(world.handle)).toMatchObject({
      received_records: 9,
      sales: 1,
      stock_movements: 0,
      audit_entries: 1,
    });
    const stored = await world.handle.db
      .selectFrom('received_records')
      .select(['id', 'status', 'reason'])
      .where('status', '=', 'rejected')
      .execute();
    expect(stored).toHaveLength(7);
    expect(stored.find((r) => r.id === records[0]?.id)?.reason).toBe(reasons[0]);

    // Sent again: the rejected ones are decided again and, nothing having changed, rejected with the same reason.
    const again = await applyPushBatch(world.ctx, world.caja1, caja1.batch(records));
    expect(again.acks.map((a) => [a.status, a.reason ?? null])).toEqual(
      response.acks.map((a) => [a.status === 'applied' ? 'duplicate' : a.status, a.reason ?? null]),
    );
  });

  it('rejects a repeated serie-correlativo without aborting the batch', async () => {
    const line = [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 250 }];
    const first = salePayload(world.caja1, { correlativo: 12, lines: line });
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('sale.completed.v2', first.id, first)]),
    );

    const sameNumberAsStored = salePayload(world.caja1, { correlativo: 12, lines: line });
    const fresh = salePayload(world.caja1, { correlativo: 13, lines: line });
    const sameNumberInBatch = salePayload(world.caja1, { correlativo: 13, lines: line });
    const otherSerie = salePayload(world.caja1, { serie: 'B002', correlativo: 12, lines: line });
    const response = await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch(
        [sameNumberAsStored, fresh, sameNumberInBatch, otherSerie].map((s) =>
          caja1.record('sale.completed.v2', s.id, s),
        ),
      ),
    );
    expect(response.acks.map((a) => [a.status, a.reason])).toEqual([
      ['rejected', 'Número B001-00000012 repetido en la tienda.'],
      ['applied', undefined],
      ['rejected', 'Número B001-00000013 repetido en la tienda.'],
      ['applied', undefined],
    ]);
    // Another store may use the same numbers.
    const elsewhere = salePayload(world.otraTienda, { correlativo: 12, lines: line });
    const other = new RecordFactory(world.otraTienda);
    const ok = await applyPushBatch(
      world.ctx,
      world.otraTienda,
      other.batch([other.record('sale.completed.v2', elsewhere.id, elsewhere)]),
    );
    expect(statuses(ok.acks)).toEqual(['applied']);
    expect((await countRows(world.handle)).sales).toBe(4);
  });

  it("settles the batch in the terminal's pending count (which included it)", async () => {
    await world.handle.db
      .updateTable('terminals')
      .set({ pending_count: 5 })
      .where('id', '=', world.caja1.terminalId)
      .execute();
    const line = [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 250 }];
    const sales = [31, 32].map((correlativo) => salePayload(world.caja1, { correlativo, lines: line }));
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch(sales.map((sale) => caja1.record('sale.completed.v2', sale.id, sale))),
    );
    const row = await world.handle.db
      .selectFrom('terminals')
      .select('pending_count')
      .where('id', '=', world.caja1.terminalId)
      .executeTakeFirstOrThrow();
    expect(row.pending_count).toBe(3);
  });

  it('decides a requeued dead letter again once what it needed arrived', async () => {
    const line = [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 250 }];
    const sale = salePayload(world.caja1, { correlativo: 21, lines: line });
    const voidRecord = caja1.record('sale.voided.v2', sale.id, voidPayload(world.caja1, sale.id));
    const first = await applyPushBatch(world.ctx, world.caja1, caja1.batch([voidRecord]));
    expect(first.acks[0]?.status).toBe('rejected');

    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('sale.completed.v2', sale.id, sale)]),
    );
    const again = await applyPushBatch(world.ctx, world.caja1, caja1.batch([voidRecord]));
    expect(again.acks).toEqual([{ id: voidRecord.id, status: 'applied' }]);
    const stored = await world.handle.db
      .selectFrom('received_records')
      .select(['status', 'reason'])
      .where('id', '=', voidRecord.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'applied', reason: null });
    const voided = await world.handle.db
      .selectFrom('sales')
      .select('voided')
      .where('id', '=', sale.id)
      .executeTakeFirstOrThrow();
    expect(voided.voided).toBe(true);
  });

  it('voids only sales it has, of the same store, once', async () => {
    const line = [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 250 }];
    const sale = salePayload(world.caja1, { correlativo: 1, lines: line });
    const other = new RecordFactory(world.otraTienda);
    const saleB = salePayload(world.otraTienda, { correlativo: 1, lines: line });
    await applyPushBatch(
      world.ctx,
      world.otraTienda,
      other.batch([other.record('sale.completed.v2', saleB.id, saleB)]),
    );

    const unknownSaleId = uuidv7();
    const records = [
      caja1.record('sale.voided.v2', unknownSaleId, voidPayload(world.caja1, unknownSaleId)),
      caja1.record('sale.completed.v2', sale.id, sale),
      caja1.record('sale.voided.v2', sale.id, voidPayload(world.caja1, sale.id)),
      caja1.record('sale.voided.v2', sale.id, voidPayload(world.caja1, sale.id)),
      caja1.record('sale.voided.v2', saleB.id, voidPayload(world.caja1, saleB.id)),
    ];
    const response = await applyPushBatch(world.ctx, world.caja1, caja1.batch(records));
    expect(response.acks.map((a) => [a.status, a.reason])).toEqual([
      ['rejected', `La venta ${unknownSaleId} (anulación) no está en la central.`],
      ['applied', undefined],
      ['applied', undefined],
      ['rejected', 'La venta B001-00000001 ya estaba anulada.'],
      ['rejected', `La venta ${saleB.id} es de otra tienda.`],
    ]);
    const rows = await world.handle.db
      .selectFrom('sales')
      .select(['id', 'voided'])
      .orderBy('store_id')
      .execute();
    expect(rows).toEqual([
      { id: sale.id, voided: true },
      { id: saleB.id, voided: false },
    ]);
    expect((await countRows(world.handle)).sale_voids).toBe(1);

    // A credit note needs its sale at HQ, in the same store.
    const note = notePayload(world.caja1, sale, 1);
    const orphan = { ...notePayload(world.caja1, sale, 2), saleId: unknownSaleId };
    const notes = await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([
        caja1.record('note.issued.v2', note.id, note),
        caja1.record('note.issued.v2', orphan.id, orphan),
      ]),
    );
    expect(notes.acks.map((a) => [a.status, a.reason])).toEqual([
      ['applied', undefined],
      ['rejected', `La venta ${unknownSaleId} (nota BC01-00000002) no está en la central.`],
    ]);
    expect(await countRows(world.handle)).toMatchObject({ notes: 1, note_lines: 1 });
  });

  /** Opening stock entered at headquarters (no terminal): 2 units of p-gaseosa in store-a. */
  async function openingStockOfGaseosa(): Promise<void> {
    await world.handle.db
      .insertInto('stock_movements')
      .values({
        id: 'hq-initial',
        store_id: 'store-a',
        terminal_id: null,
        product_id: 'p-gaseosa',
        quantity_milli: 2000,
        reason: 'initial',
        created_at: '2026-11-20T08:00:00-05:00',
      })
      .execute();
  }

  /** A terminal's sale of p-gaseosa with its stock movement, as pushed records. */
  function sell(terminal: RecordFactory, correlativo: number, quantityMilli: number) {
    const sale = salePayload(terminal.terminal, {
      serie: terminal.terminal.code === 'CAJA1' ? 'B001' : 'B002',
      correlativo,
      lines: [{ productId: 'p-gaseosa', quantityMilli, unitPriceCents: 350 }],
    });
    return [
      terminal.record('sale.completed.v2', sale.id, sale),
      ...saleStockMovements(terminal.terminal, sale).map((m) =>
        terminal.record('stock.movement.v1', m.id, m),
      ),
    ];
  }

  it('turns an oversell into one open reconciliation item, never a rejected sale', async () => {
    const { db } = world.handle;
    await openingStockOfGaseosa();
    const caja2 = new RecordFactory(world.caja2);
    // Both terminals sold offline: 1.5 + 1 > 2 in stock.
    const a = await applyPushBatch(world.ctx, world.caja1, caja1.batch(sell(caja1, 1, 1500)));
    expect(statuses(a.acks)).toEqual(['applied', 'applied']);
    expect((await countRows(world.handle)).stock_reconciliation_items).toBe(0);
    const b = await applyPushBatch(world.ctx, world.caja2, caja2.batch(sell(caja2, 1, 1000)));
    expect(statuses(b.acks)).toEqual(['applied', 'applied']);
    const items = await db.selectFrom('stock_reconciliation_items').selectAll().execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      store_id: 'store-a',
      product_id: 'p-gaseosa',
      level_milli: -500,
      status: 'open',
    });

    // Selling more of it keeps the one open item; another store's ledger is its own.
    await applyPushBatch(world.ctx, world.caja1, caja1.batch(sell(caja1, 2, 1000)));
    expect(await db.selectFrom('stock_reconciliation_items').select('id').execute()).toHaveLength(1);
    const level = await db
      .selectFrom('stock_movements')
      .select(sql<number>`sum(quantity_milli)::bigint`.as('level'))
      .where('store_id', '=', 'store-a')
      .where('product_id', '=', 'p-gaseosa')
      .executeTakeFirstOrThrow();
    expect(level.level).toBe(-1500);

    // Once resolved, a new oversell opens a new item.
    await db.updateTable('stock_reconciliation_items').set({ status: 'resolved' }).execute();
    await applyPushBatch(world.ctx, world.caja1, caja1.batch(sell(caja1, 3, 1000)));
    const open = await db
      .selectFrom('stock_reconciliation_items')
      .selectAll()
      .where('status', '=', 'open')
      .execute();
    expect(open.map((i) => i.level_milli)).toEqual([-2500]);
  });

  // PGlite has one connection, so pushes there cannot overlap.
  if (engine === 'postgres')
    it('flags the oversell when two tills push at the same moment', async () => {
      const { db } = world.handle;
      await openingStockOfGaseosa();
      const caja2 = new RecordFactory(world.caja2);
      // Hold CAJA1's terminal row: its push then stops at its last step, after it summed the
      // ledger (1.5 of 2 sold: no oversell yet) and before it commits.
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held = (): void => undefined;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const blocker = db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('terminals')
          .select('id')
          .where('id', '=', world.caja1.terminalId)
          .forNoKeyUpdate()
          .execute();
        held();
        await released;
      });
      await holding;
      const first = applyPushBatch(world.ctx, world.caja1, caja1.batch(sell(caja1, 1, 1500)));
      const blockedOn = async (lockType: string) => {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = ${lockType} AND NOT granted`.execute(db);
        return (rows[0]?.n ?? 0) > 0;
      };
      await waitFor(
        async () => (await blockedOn('transactionid')) || (await blockedOn('tuple')),
        "CAJA1's push waiting on its terminal row",
      );

      // CAJA2 pushes its own 1.5 now. It must not sum the ledger before CAJA1 committed.
      let secondDone = false;
      const second = applyPushBatch(world.ctx, world.caja2, caja2.batch(sell(caja2, 1, 1500))).finally(() => {
        secondDone = true;
      });
      await waitFor(async () => secondDone || (await blockedOn('advisory')), "CAJA2's push done or waiting");
      release();
      await blocker;
      expect(statuses((await first).acks)).toEqual(['applied', 'applied']);
      expect(statuses((await second).acks)).toEqual(['applied', 'applied']);
      const items = await db.selectFrom('stock_reconciliation_items').selectAll().execute();
      expect(items.map((i) => [i.product_id, Number(i.level_milli), i.status])).toEqual([
        ['p-gaseosa', -1000, 'open'],
      ]);
    });

  it('keeps cash sessions per terminal: movements and the Z close', async () => {
    const opened = sessionOpened(world.caja1, 1);
    const caja2 = new RecordFactory(world.caja2);
    const opened2 = sessionOpened(world.caja2, 1);
    await applyPushBatch(
      world.ctx,
      world.caja2,
      caja2.batch([caja2.record('cash_session.opened.v1', opened2.id, opened2)]),
    );

    const unknownSession = uuidv7();
    const records = [
      caja1.record('cash_session.opened.v1', opened.id, opened),
      caja1.record('cash_movement.recorded.v1', 'm1', cashMovement(opened.id, 2_000)),
      caja1.record('cash_movement.recorded.v1', 'm2', cashMovement(opened2.id, 2_000)),
      caja1.record('cash_movement.recorded.v1', 'm3', cashMovement(unknownSession, 2_000)),
      caja1.record('cash_session.closed.v1', opened.id, sessionClosed(opened.id, 48_000, 47_950)),
      caja1.record('cash_session.closed.v1', opened.id, sessionClosed(opened.id, 48_000, 47_950)),
    ];
    const response = await applyPushBatch(world.ctx, world.caja1, caja1.batch(records));
    expect(response.acks.map((a) => [a.status, a.reason])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
      ['rejected', `La sesión de caja ${opened2.id} es de otra caja.`],
      ['rejected', `La sesión de caja ${unknownSession} no está en la central.`],
      ['applied', undefined],
      ['rejected', `La sesión de caja ${opened.id} ya estaba cerrada.`],
    ]);
    const session = await world.handle.db
      .selectFrom('cash_sessions')
      .selectAll()
      .where('id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({
      status: 'closed',
      difference_cents: -50,
      store_id: 'store-a',
      float_cents: 10_000,
    });
    expect(session.closed_at?.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(session.report).toMatchObject({ kind: 'Z', countedCashCents: 47_950 });
    expect(await countRows(world.handle)).toMatchObject({ cash_sessions: 2, cash_movements: 1 });
  });

  it('keeps the newest fiscal status, also when it arrives before its sale', async () => {
    const sale = salePayload(world.caja1, {
      correlativo: 7,
      lines: [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 990 }],
    });
    const documentId = uuidv7();
    const early = fiscalStatus(world.caja1, sale, 'pending', '2026-11-23T15:00:00-05:00', documentId);
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('fiscal.status.v1', documentId, early)]),
    );
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('sale.completed.v2', sale.id, sale)]),
    );
    const fiscalOf = async () =>
      (
        await world.handle.db
          .selectFrom('sales')
          .select('fiscal_status')
          .where('id', '=', sale.id)
          .executeTakeFirstOrThrow()
      ).fiscal_status;
    expect(await fiscalOf()).toBe('pending');

    const accepted = fiscalStatus(world.caja1, sale, 'accepted', '2026-11-23T18:00:00-05:00', documentId);
    const stale = fiscalStatus(world.caja1, sale, 'sent', '2026-11-23T16:00:00-05:00', documentId);
    const response = await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([
        caja1.record('fiscal.status.v1', documentId, accepted),
        caja1.record('fiscal.status.v1', documentId, stale),
      ]),
    );
    expect(statuses(response.acks)).toEqual(['applied', 'applied']);
    expect(await fiscalOf()).toBe('accepted');
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('fiscal.status.v1', documentId, { ...stale })]),
    );
    expect(await fiscalOf()).toBe('accepted');
    const document = await world.handle.db
      .selectFrom('fiscal_documents')
      .selectAll()
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({
      status: 'accepted',
      sale_id: sale.id,
      sunat_code: '0',
      store_id: 'store-a',
    });

    // Another store's terminal cannot touch the document.
    const other = new RecordFactory(world.otraTienda);
    const forged = {
      ...accepted,
      terminalId: world.otraTienda.terminalId,
      status: 'rejected' as const,
      at: '2026-11-24T10:00:00-05:00',
    };
    const refused = await applyPushBatch(
      world.ctx,
      world.otraTienda,
      other.batch([other.record('fiscal.status.v1', documentId, forged)]),
    );
    expect(refused.acks[0]).toMatchObject({
      status: 'rejected',
      reason: 'El comprobante B001-7 es de otra caja o tienda.',
    });
    expect(await fiscalOf()).toBe('accepted');
  });

  it('answers a record whose id cannot be stored without storing it', async () => {
    const movement = stockMovement(world.caja1, 'p1', -1000);
    const bad = { ...caja1.record('stock.movement.v1', movement.id, movement), id: 'r\u0000x' };
    const good = caja1.record('stock.movement.v1', movement.id, movement);
    const response = await applyPushBatch(world.ctx, world.caja1, caja1.batch([bad, good]));
    expect(response.acks).toEqual([
      { id: bad.id, status: 'rejected', reason: 'Texto con caracteres no válidos en id.' },
      { id: good.id, status: 'applied' },
    ]);
    expect(await countRows(world.handle)).toMatchObject({ received_records: 1, stock_movements: 1 });
  });

  it('applies a batch sent twice at the same time exactly once', async () => {
    const { records } = salesBatch(30);
    const request = caja1.batch(records);
    const [one, two] = await Promise.all([
      applyPushBatch(world.ctx, world.caja1, request),
      applyPushBatch(world.ctx, world.caja1, request),
    ]);
    const pairs = one.acks.map((ack, i) => [ack.status, two.acks[i]?.status].sort().join('+'));
    expect(new Set(pairs)).toEqual(new Set(['applied+duplicate']));
    expect(await countRows(world.handle)).toMatchObject({
      sales: 30,
      stock_movements: 90,
      received_records: 150,
    });
  });

  it('rejects a repeated audit seq and answers the same record twice in one batch once', async () => {
    const chain = new AuditChain(world.caja1);
    const entry = chain.next('sale.completed', null, {});
    const record = caja1.record('audit.entry.v1', entry.id, entry);
    const response = await applyPushBatch(world.ctx, world.caja1, caja1.batch([record, record]));
    expect(statuses(response.acks)).toEqual(['applied', 'duplicate']);
    const sameSeq = caja1.record('audit.entry.v1', entry.id, { ...entry });
    const again = await applyPushBatch(world.ctx, world.caja1, caja1.batch([sameSeq]));
    expect(again.acks[0]).toEqual({
      id: sameSeq.id,
      status: 'rejected',
      reason: 'Entrada de auditoría N° 1 repetida.',
    });
  });

  it('falls back to record by record when PostgreSQL refuses one record the checks missed', async () => {
    const line = [{ productId: 'p1', quantityMilli: 1000, unitPriceCents: 250 }];
    const first = salePayload(world.caja1, { correlativo: 1, lines: line });
    await applyPushBatch(
      world.ctx,
      world.caja1,
      caja1.batch([caja1.record('sale.completed.v2', first.id, first)]),
    );
    // A line id HQ already holds (the checks only look for repeats inside the batch).
    const base = salePayload(world.caja1, { correlativo: 2, lines: line });
    const clash = { ...base, lines: base.lines.map((l) => ({ ...l, id: first.lines[0]?.id ?? '' })) };
    const fine = salePayload(world.caja1, { correlativo: 3, lines: line });
    const movement = saleStockMovements(world.caja1, fine)[0];
    if (!movement) throw new Error('no movement');
    const records = [
      caja1.record('sale.completed.v2', clash.id, clash),
      caja1.record('sale.completed.v2', fine.id, fine),
      caja1.record('stock.movement.v1', movement.id, movement),
    ];
    const request = caja1.batch(records);
    const response = await applyPushBatch(world.ctx, world.caja1, request);
    expect(statuses(response.acks)).toEqual(['rejected', 'applied', 'applied']);
    expect(response.acks[0]?.reason).toMatch(
      /^La central no pudo guardar el registro: dato repetido \(sale_lines_pkey\)\.$/,
    );
    expect(await countRows(world.handle)).toMatchObject({
      sales: 2,
      sale_lines: 2,
      stock_movements: 1,
      received_records: 4,
    });
    const again = await applyPushBatch(world.ctx, world.caja1, request);
    expect(statuses(again.acks)).toEqual(['rejected', 'duplicate', 'duplicate']);
    const batches = await world.handle.db
      .selectFrom('push_batches')
      .select(['applied', 'duplicates', 'rejected'])
      .where('id', '=', request.batchId)
      .orderBy('received_at')
      .execute();
    expect(batches).toEqual([
      { applied: 2, duplicates: 0, rejected: 1 },
      { applied: 0, duplicates: 2, rejected: 1 },
    ]);
  });

  it('throws on a database failure that is not about a record, leaving nothing behind', async () => {
    const { records } = salesBatch(3);
    await sql`ALTER TABLE audit_entries RENAME TO audit_entries_away`.execute(world.handle.db);
    try {
      await expect(applyPushBatch(world.ctx, world.caja1, caja1.batch(records))).rejects.toMatchObject({
        code: '42P01',
      });
    } finally {
      await sql`ALTER TABLE audit_entries_away RENAME TO audit_entries`.execute(world.handle.db);
    }
    expect(await world.handle.db.selectFrom('received_records').select('id').execute()).toEqual([]);
    expect(await world.handle.db.selectFrom('sales').select('id').execute()).toEqual([]);
  });

  it('answers with the skew it found and its own time', async () => {
    const skewed = { ...world.caja1, clockSkewMs: 600_000 };
    const { records } = salesBatch(1);
    const response = await applyPushBatch(world.ctx, skewed, caja1.batch(records));
    expect(response.clockSkewMs).toBe(600_000);
    expect(response.serverTime).toMatch(/^2026-11-23T20:00:\d\d\.000Z$/);
  });
});
