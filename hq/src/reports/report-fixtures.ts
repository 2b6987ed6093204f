import fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { roundDiv } from '../../../src-main/shared/money';
import type { HqDatabase, PaymentsTable } from '../db/schema';
import { openHqDatabase, type HqDatabaseHandle } from '../db/open-database';
import { HqError, type HqContext, type RouteRegistrar } from '../hq-context';

/**
 * A small headquarters written directly with Kysely, for the report and dashboard tests:
 * two stores, five terminals in every state, sales on both sides of the range (one voided by
 * its flag, one only by a sale_voids row), a ledger that goes negative and oversell items.
 * The expected figures are worked out by hand in the tests.
 */

/** 2026-03-15 12:00 in Lima. */
export const NOW = new Date('2026-03-15T17:00:00Z');
export const ADMIN_TOKEN = 'admin-token-de-prueba';

export const STORE_CENTRAL = 'store-central';
export const STORE_NORTE = 'store-norte';
export const RICE = 'prod-arroz';
export const SUGAR = 'prod-azucar';
export const SODA = 'prod-gaseosa';
/** Sold by a terminal before headquarters' catalogue knew it. */
export const UNKNOWN_PRODUCT = 'prod-desconocido';

export interface ReportFixture {
  handle: HqDatabaseHandle;
  ctx: HqContext;
}

export async function openReportFixture(): Promise<ReportFixture> {
  const handle = await openHqDatabase({});
  const ctx: HqContext = { db: handle.db, engine: handle.engine, now: () => NOW, adminToken: ADMIN_TOKEN };
  await seed(handle.db);
  return { handle, ctx };
}

/** A Fastify instance like server.ts builds: the registrars plus HqError mapped to its status. */
export async function buildTestApp(
  ctx: HqContext,
  registrars: readonly RouteRegistrar[],
): Promise<FastifyInstance> {
  const app = fastify();
  app.setErrorHandler((error: FastifyError | HqError, _request, reply) => {
    if (error instanceof HqError) {
      return reply.status(error.status).send({ error: error.code, message: error.message });
    }
    return reply.status(error.statusCode ?? 500).send({ error: 'UNAVAILABLE', message: error.message });
  });
  for (const register of registrars) register(app, ctx);
  await app.ready();
  return app;
}

const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);

interface LineSpec {
  productId: string;
  sku: string;
  description: string;
  unit: 'NIU' | 'KGM';
  quantityMilli: number;
  unitPriceCents: number;
  amountCents: number;
}

interface PaymentSpec {
  method: PaymentsTable['method'];
  amountCents: number;
  tenderedCents?: number;
  changeCents?: number;
  usdCents?: number;
  rateE4?: number;
}

interface SaleSpec {
  id: string;
  storeId: string;
  terminalId: string;
  correlativo: number;
  issueDate: string;
  lines: LineSpec[];
  payments: PaymentSpec[];
  voided?: boolean;
}

const line = (product: 'rice' | 'sugar' | 'soda', quantityMilli: number, amountCents: number): LineSpec => {
  const catalogue = {
    rice: {
      productId: RICE,
      sku: 'ARR-750',
      description: 'Arroz Costeño 750 g',
      unit: 'NIU',
      unitPriceCents: 450,
    },
    sugar: { productId: SUGAR, sku: 'AZU-KG', description: 'Azúcar rubia', unit: 'KGM', unitPriceCents: 380 },
    soda: {
      productId: SODA,
      sku: 'GAS-500',
      description: 'Gaseosa <b>Inca</b> & "Kola" 500 ml',
      unit: 'NIU',
      unitPriceCents: 250,
    },
  } as const;
  return { ...catalogue[product], quantityMilli, amountCents };
};

/** IGV included in an amount taxed at 18 %, rounded the SUNAT way. */
const igvOf = (amountCents: number): number => amountCents - roundDiv(amountCents * 100, 118);

async function insertSale(db: Kysely<HqDatabase>, spec: SaleSpec): Promise<void> {
  const total = spec.lines.reduce((sum, l) => sum + l.amountCents, 0);
  const igv = spec.lines.reduce((sum, l) => sum + igvOf(l.amountCents), 0);
  const change = spec.payments.reduce((sum, p) => sum + (p.changeCents ?? 0), 0);
  await db
    .insertInto('sales')
    .values({
      id: spec.id,
      store_id: spec.storeId,
      terminal_id: spec.terminalId,
      user_id: 'user-cajero',
      cash_session_id: null,
      doc_type: '03',
      serie: spec.storeId === STORE_CENTRAL ? 'B001' : 'B002',
      correlativo: spec.correlativo,
      issued_at: `${spec.issueDate}T10:00:00-05:00`,
      issue_date: spec.issueDate,
      customer_doc_type: null,
      customer_doc_number: null,
      customer_name: null,
      gravadas_cents: total - igv,
      exoneradas_cents: 0,
      inafectas_cents: 0,
      igv_cents: igv,
      icbper_cents: 0,
      discount_cents: 0,
      total_cents: total,
      paid_cents: total + change,
      change_cents: change,
      voided: spec.voided ?? false,
      fiscal_status: 'accepted',
    })
    .execute();
  await db
    .insertInto('sale_lines')
    .values(
      spec.lines.map((l, index) => ({
        id: `${spec.id}-l${index + 1}`,
        sale_id: spec.id,
        line_no: index + 1,
        product_id: l.productId,
        sku: l.sku,
        description: l.description,
        unit: l.unit,
        quantity_milli: l.quantityMilli,
        unit_price_cents: l.unitPriceCents,
        gross_cents: l.amountCents,
        discount_cents: 0,
        amount_cents: l.amountCents,
        igv_affectation: '10',
        taxable_cents: l.amountCents - igvOf(l.amountCents),
        igv_cents: igvOf(l.amountCents),
        icbper_cents: 0,
      })),
    )
    .execute();
  await db
    .insertInto('payments')
    .values(
      spec.payments.map((p, index) => ({
        id: `${spec.id}-p${index + 1}`,
        sale_id: spec.id,
        seq: index + 1,
        method: p.method,
        amount_cents: p.amountCents,
        tendered_cents: p.tenderedCents ?? p.amountCents,
        change_cents: p.changeCents ?? 0,
        usd_cents: p.usdCents ?? null,
        rate_e4: p.rateE4 ?? null,
        wallet: p.method === 'wallet' ? 'yape' : null,
        card_brand: p.method === 'card' ? 'Visa' : null,
        reference: null,
      })),
    )
    .execute();
}

async function seed(db: Kysely<HqDatabase>): Promise<void> {
  await db
    .insertInto('stores')
    .values([
      {
        id: STORE_CENTRAL,
        ruc: '20123456789',
        legal_name: 'Bodega Central S.A.C.',
        trade_name: 'Bodega Central',
      },
      {
        id: STORE_NORTE,
        ruc: '20987654321',
        legal_name: 'Minimarket Norte E.I.R.L.',
        trade_name: 'Minimarket Norte',
      },
    ])
    .execute();

  const product = (
    id: string,
    sku: string,
    name: string,
    unit: 'NIU' | 'KGM',
    price: number,
    changeNo: number,
  ) => ({
    id,
    sku,
    name,
    brand: null,
    category: null,
    unit,
    price_cents: price,
    igv_affectation: '10' as const,
    icbper: false,
    plu: null,
    active: true,
    barcodes: [],
    change_no: changeNo,
  });
  await db
    .insertInto('products')
    .values([
      product(RICE, 'ARR-750', 'Arroz Costeño 750 g', 'NIU', 450, 1),
      product(SUGAR, 'AZU-KG', 'Azúcar rubia', 'KGM', 380, 2),
      product(SODA, 'GAS-500', 'Gaseosa <b>Inca</b> & "Kola" 500 ml', 'NIU', 250, 3),
    ])
    .execute();

  const terminal = (id: string, storeId: string, code: string, name: string) => ({
    id,
    store_id: storeId,
    code,
    name,
    token_hash: `hash-${id}`,
    enrolled_at: '2026-01-10T14:00:00Z',
  });
  await db
    .insertInto('terminals')
    .values([
      // Fresh and empty.
      {
        ...terminal('t-central-1', STORE_CENTRAL, 'CAJA-01', 'Caja principal'),
        last_seen_at: minutesAgo(5),
        last_push_at: minutesAgo(5),
        last_pull_at: minutesAgo(10),
        last_seq: 120,
      },
      // Still has records to send, silent for 2.5 h, clock 3 min behind headquarters.
      {
        ...terminal('t-central-2', STORE_CENTRAL, 'CAJA-02', 'Caja rápida'),
        last_seen_at: minutesAgo(150),
        last_push_at: minutesAgo(150),
        last_pull_at: minutesAgo(160),
        last_seq: 80,
        pending_count: 5,
        clock_skew_ms: 180_000,
        clock_flagged_at: minutesAgo(150),
      },
      // 50 minutes ago: fine at 60, behind at 30. A skew without a flag is not shown.
      {
        ...terminal('t-norte-1', STORE_NORTE, 'CAJA-01', 'Caja Norte'),
        last_seen_at: minutesAgo(50),
        last_push_at: minutesAgo(55),
        last_pull_at: minutesAgo(50),
        last_seq: 40,
        clock_skew_ms: 5_000,
      },
      // Revoked long ago: shown as revoked, not as behind.
      {
        ...terminal('t-norte-2', STORE_NORTE, 'CAJA-02', 'Caja antigua'),
        revoked_at: '2026-02-01T15:00:00Z',
        last_seen_at: '2026-02-01T14:00:00Z',
        pending_count: 3,
      },
      // Enrolled, never synced.
      terminal('t-norte-3', STORE_NORTE, 'CAJA-03', 'Caja nueva'),
    ])
    .execute();

  // Default range is 2026-03-09 … 2026-03-15.
  await insertSale(db, {
    id: 'sale-1',
    storeId: STORE_CENTRAL,
    terminalId: 't-central-1',
    correlativo: 1,
    issueDate: '2026-03-14',
    lines: [line('rice', 2000, 900), line('sugar', 1250, 475)],
    payments: [{ method: 'cash', amountCents: 1375, tenderedCents: 2000, changeCents: 625 }],
  });
  await insertSale(db, {
    id: 'sale-2',
    storeId: STORE_CENTRAL,
    terminalId: 't-central-1',
    correlativo: 2,
    issueDate: '2026-03-14',
    lines: [line('soda', 3000, 750)],
    payments: [{ method: 'card', amountCents: 750 }],
  });
  await insertSale(db, {
    id: 'sale-3',
    storeId: STORE_CENTRAL,
    terminalId: 't-central-2',
    correlativo: 3,
    issueDate: '2026-03-15',
    lines: [line('rice', 1000, 450), line('soda', 1000, 250)],
    payments: [
      { method: 'wallet', amountCents: 500 },
      { method: 'cash', amountCents: 200, tenderedCents: 500, changeCents: 300 },
    ],
  });
  await insertSale(db, {
    id: 'sale-4',
    storeId: STORE_NORTE,
    terminalId: 't-norte-1',
    correlativo: 1,
    issueDate: '2026-03-15',
    lines: [line('rice', 10000, 4500)],
    payments: [
      {
        method: 'usd',
        amountCents: 4500,
        tenderedCents: 4810,
        changeCents: 310,
        usdCents: 1300,
        rateE4: 37000,
      },
    ],
  });
  // Voided by its flag.
  await insertSale(db, {
    id: 'sale-5',
    storeId: STORE_CENTRAL,
    terminalId: 't-central-1',
    correlativo: 4,
    issueDate: '2026-03-15',
    lines: [line('rice', 100000, 45000)],
    payments: [{ method: 'cash', amountCents: 45000 }],
    voided: true,
  });
  // Voided only by its sale_voids row (the void arrived, the flag not set).
  await insertSale(db, {
    id: 'sale-6',
    storeId: STORE_NORTE,
    terminalId: 't-norte-1',
    correlativo: 2,
    issueDate: '2026-03-15',
    lines: [line('soda', 4000, 1000)],
    payments: [{ method: 'card', amountCents: 1000 }],
  });
  await db
    .insertInto('sale_voids')
    .values({
      sale_id: 'sale-6',
      store_id: STORE_NORTE,
      terminal_id: 't-norte-1',
      reason: 'Error de digitación',
      voided_at: '2026-03-15T11:00:00-05:00',
      user_id: 'user-supervisor',
      approver_id: null,
      cash_session_id: null,
    })
    .execute();
  // Before the default range.
  await insertSale(db, {
    id: 'sale-7',
    storeId: STORE_CENTRAL,
    terminalId: 't-central-1',
    correlativo: 5,
    issueDate: '2026-03-01',
    lines: [line('rice', 1000, 450)],
    payments: [{ method: 'cash', amountCents: 450 }],
  });

  let movement = 0;
  const move = (storeId: string, productId: string, quantityMilli: number, minutes: number) => ({
    id: `mov-${++movement}`,
    store_id: storeId,
    terminal_id: null,
    product_id: productId,
    quantity_milli: quantityMilli,
    reason: quantityMilli > 0 ? 'receipt' : 'sale',
    sale_id: null,
    note: null,
    user_id: null,
    created_at: minutesAgo(minutes),
  });
  await db
    .insertInto('stock_movements')
    .values([
      move(STORE_CENTRAL, RICE, 10_000, 3000),
      move(STORE_CENTRAL, RICE, -2000, 1500),
      move(STORE_CENTRAL, RICE, -1000, 100),
      move(STORE_CENTRAL, SUGAR, 1000, 3000),
      move(STORE_CENTRAL, SUGAR, -1250, 1500),
      move(STORE_CENTRAL, SODA, 5000, 3000),
      move(STORE_CENTRAL, SODA, -3000, 1500),
      move(STORE_CENTRAL, SODA, -1000, 100),
      move(STORE_NORTE, RICE, 5000, 3000),
      move(STORE_NORTE, RICE, -10_000, 200),
      move(STORE_NORTE, UNKNOWN_PRODUCT, 2000, 400),
    ])
    .execute();

  await db
    .insertInto('stock_reconciliation_items')
    .values([
      {
        id: 'rec-norte-rice',
        store_id: STORE_NORTE,
        product_id: RICE,
        level_milli: -5000,
        detected_at: minutesAgo(60),
      },
      {
        id: 'rec-central-sugar',
        store_id: STORE_CENTRAL,
        product_id: SUGAR,
        level_milli: -250,
        detected_at: minutesAgo(120),
      },
      {
        id: 'rec-old',
        store_id: STORE_CENTRAL,
        product_id: SODA,
        level_milli: -1000,
        detected_at: '2026-03-02T15:00:00Z',
        status: 'resolved',
        resolved_at: '2026-03-02T18:00:00Z',
        resolved_by: 'Rosa Huamán',
        resolution: 'Ingreso de mercadería no registrado.',
      },
    ])
    .execute();
}
