import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  buildTestApp,
  openReportFixture,
  STORE_CENTRAL,
  type ReportFixture,
} from './report-fixtures';
import { registerReportRoutes } from './report-routes';
import type {
  PaymentsReport,
  SalesByDayReport,
  StockReport,
  TerminalsReport,
  TopProductsReport,
} from './report-queries';
import type { ReconciliationItem, ReconciliationList } from './reconciliation';

let fixture: ReportFixture;
let app: FastifyInstance;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  fixture = await openReportFixture();
  app = await buildTestApp(fixture.ctx, [registerReportRoutes]);
});

afterAll(async () => {
  await app?.close();
  await fixture?.handle.close();
});

const get = (url: string, headers: Record<string, string> = auth) =>
  app.inject({ method: 'GET', url, headers });

describe('admin token', () => {
  const routes = [
    '/api/reports/sales-by-day',
    '/api/reports/payments',
    '/api/reports/top-products',
    '/api/reports/stock',
    '/api/reports/terminals',
    '/api/reconciliation',
  ];

  it.each(routes)('%s answers 401 without the token or with a wrong one', async (url) => {
    const missing = await get(url, {});
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({
      error: 'UNAUTHENTICATED',
      message: expect.stringMatching(/token/),
    });
    expect((await get(url, { authorization: 'Bearer otro-token' })).statusCode).toBe(401);
    expect((await get(url, { authorization: ADMIN_TOKEN })).statusCode).toBe(401);
    expect((await get(url)).statusCode).toBe(200);
  });

  it('refuses a resolution without the token before touching the item', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/reconciliation/rec-central-sugar/resolve',
      payload: { resolvedBy: 'Intruso', resolution: 'Nada' },
    });
    expect(response.statusCode).toBe(401);
    const open = (await get('/api/reconciliation')).json<ReconciliationList>();
    expect(open.rows.map((r) => r.id)).toContain('rec-central-sugar');
  });
});

describe('query strings', () => {
  it.each([
    [
      '/api/reports/sales-by-day?from=2026-13-01',
      'La fecha «desde» debe ser un día válido con la forma AAAA-MM-DD.',
    ],
    [
      '/api/reports/sales-by-day?from=2026-02-30',
      'La fecha «desde» debe ser un día válido con la forma AAAA-MM-DD.',
    ],
    [
      '/api/reports/payments?to=15/03/2026',
      'La fecha «hasta» debe ser un día válido con la forma AAAA-MM-DD.',
    ],
    [
      '/api/reports/payments?from=2026-03-10&to=2026-03-01',
      'La fecha «desde» no puede ser posterior a la fecha «hasta».',
    ],
    [
      '/api/reports/sales-by-day?from=2024-01-01&to=2026-03-01',
      'El rango de fechas no puede pasar de 366 días.',
    ],
    [
      '/api/reports/sales-by-day?from=2026-03-01&from=2026-03-02',
      'La fecha «desde» debe ser un día válido con la forma AAAA-MM-DD.',
    ],
    ['/api/reports/top-products?limit=0', 'El límite debe ser un número entero entre 1 y 100.'],
    ['/api/reports/top-products?limit=abc', 'El límite debe ser un número entero entre 1 y 100.'],
    [
      '/api/reports/terminals?staleMinutes=-5',
      'Los minutos de atraso deben ser un número entero entre 1 y 10080.',
    ],
    ['/api/reconciliation?status=todas', 'El estado debe ser «open» (abiertas) o «resolved» (resueltas).'],
  ])('%s → 400', async (url, message) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'BAD_REQUEST', message });
  });

  it('defaults to the last 7 Lima days', async () => {
    const report = (await get('/api/reports/sales-by-day')).json<SalesByDayReport>();
    expect([report.from, report.to]).toEqual(['2026-03-09', '2026-03-15']);
    expect(report.totals).toMatchObject({ salesCount: 4, totalCents: 7325, totalLabel: 'S/ 73.25' });
  });
});

describe('reports over HTTP', () => {
  it('serves each report with its filters', async () => {
    const sales = (
      await get(`/api/reports/sales-by-day?from=2026-03-14&to=2026-03-14&storeId=${STORE_CENTRAL}`)
    ).json<SalesByDayReport>();
    expect(sales.rows.map((r) => [r.date, r.salesCount, r.totalLabel, r.igvLabel])).toEqual([
      ['2026-03-14', 2, 'S/ 21.25', 'S/ 3.23'],
    ]);

    const payments = (
      await get('/api/reports/payments?from=2026-03-09&to=2026-03-15')
    ).json<PaymentsReport>();
    expect(payments.rows.map((r) => [r.method, r.amountCents])).toEqual([
      ['cash', 1575],
      ['card', 750],
      ['wallet', 500],
      ['usd', 4500],
    ]);

    const top = (await get('/api/reports/top-products?limit=1')).json<TopProductsReport>();
    expect(top.rows.map((r) => [r.sku, r.quantityMilli, r.amountLabel])).toEqual([
      ['ARR-750', 13_000, 'S/ 58.50'],
    ]);

    const stock = (await get(`/api/reports/stock?storeId=${STORE_CENTRAL}`)).json<StockReport>();
    expect(stock.rows.map((r) => [r.sku, r.levelMilli, r.negative])).toEqual([
      ['AZU-KG', -250, true],
      ['ARR-750', 7000, false],
      ['GAS-500', 1000, false],
    ]);

    const terminals = (await get('/api/reports/terminals?staleMinutes=30')).json<TerminalsReport>();
    expect(terminals.behindCount).toBe(3);
    expect(terminals.rows.every((r) => typeof r.enrolledAt === 'string')).toBe(true);
  });

  it('resolves a reconciliation item once, then answers 409', async () => {
    const url = '/api/reconciliation/rec-central-sugar/resolve';
    const payload = { resolvedBy: 'Luis Mamani', resolution: 'Se recontó: 1 kg mal registrado.' };
    const first = await app.inject({ method: 'POST', url, headers: auth, payload });
    expect(first.statusCode).toBe(200);
    expect(first.json<ReconciliationItem>()).toMatchObject({
      id: 'rec-central-sugar',
      status: 'resolved',
      resolvedBy: 'Luis Mamani',
      resolvedAt: '2026-03-15T17:00:00.000Z',
    });

    const second = await app.inject({ method: 'POST', url, headers: auth, payload });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({
      error: 'CONFLICT',
      message: 'Esta diferencia de stock ya fue resuelta.',
    });

    const resolved = (await get('/api/reconciliation?status=resolved')).json<ReconciliationList>();
    expect(resolved.rows.map((r) => r.id)).toEqual(['rec-central-sugar', 'rec-old']);
  });

  it('refuses an empty resolution and an unknown item', async () => {
    const blank = await app.inject({
      method: 'POST',
      url: '/api/reconciliation/rec-norte-rice/resolve',
      headers: auth,
      payload: { resolvedBy: '   ', resolution: 'x' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ message: string }>().message).toBe('Indique quién resuelve (de 1 a 80 caracteres).');

    const noBody = await app.inject({
      method: 'POST',
      url: '/api/reconciliation/rec-norte-rice/resolve',
      headers: auth,
    });
    expect(noBody.statusCode).toBe(400);

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/reconciliation/no-existe/resolve',
      headers: auth,
      payload: { resolvedBy: 'Ana', resolution: 'Prueba' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'NOT_FOUND', message: 'No existe esa diferencia de stock.' });
  });
});
