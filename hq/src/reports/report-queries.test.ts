import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqError } from '../hq-context';
import {
  openReportFixture,
  NOW,
  RICE,
  SODA,
  STORE_CENTRAL,
  STORE_NORTE,
  SUGAR,
  UNKNOWN_PRODUCT,
  type ReportFixture,
} from './report-fixtures';
import { defaultRange, resolveRange } from './report-params';
import { paymentsByMethod, salesByDay, stockLevels, terminalStatuses, topProducts } from './report-queries';
import { getReconciliationItem, listReconciliationItems, resolveReconciliation } from './reconciliation';

let fixture: ReportFixture;

beforeAll(async () => {
  fixture = await openReportFixture();
});

afterAll(async () => {
  await fixture?.handle.close();
});

// Worked out by hand from the fixture (IGV = amount − round(amount / 1.18)):
//   sale-1  2026-03-14 Central  900 (IGV 137) + 475 (IGV 72)  = 1375, IGV 209, cash 1375 (change 625)
//   sale-2  2026-03-14 Central  750 (IGV 114)                 =  750, IGV 114, card 750
//   sale-3  2026-03-15 Central  450 (IGV 69)  + 250 (IGV 38)  =  700, IGV 107, wallet 500 + cash 200
//   sale-4  2026-03-15 Norte   4500 (IGV 686)                 = 4500, IGV 686, usd 4500
//   sale-5  voided (flag), sale-6 voided (sale_voids row), sale-7 on 2026-03-01: never counted.
const RANGE = { from: '2026-03-09', to: '2026-03-15' };

describe('date ranges', () => {
  it('defaults to the last 7 Lima days, today included', () => {
    expect(defaultRange(NOW)).toEqual(RANGE);
    // 23:30 in Lima is already the next day in UTC, still the same Lima day.
    expect(defaultRange(new Date('2026-03-16T04:30:00Z'))).toEqual(RANGE);
    expect(resolveRange(NOW, undefined, undefined)).toEqual(RANGE);
  });

  it('fills a missing end and refuses an inverted or too long range', () => {
    expect(resolveRange(NOW, '2026-03-01', undefined)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(resolveRange(NOW, undefined, '2026-02-03')).toEqual({ from: '2026-01-28', to: '2026-02-03' });
    expect(() => resolveRange(NOW, '2026-03-10', '2026-03-09')).toThrow(/posterior/);
    expect(() => resolveRange(NOW, '2024-01-01', '2026-03-09')).toThrow(/366 días/);
  });
});

describe('sales by day', () => {
  it('counts per store and Lima day, to the céntimo, without voided sales', async () => {
    const report = await salesByDay(fixture.ctx, RANGE);
    expect(report.rows).toEqual([
      {
        storeId: STORE_CENTRAL,
        storeName: 'Bodega Central',
        date: '2026-03-14',
        salesCount: 2,
        totalCents: 2125,
        totalLabel: 'S/ 21.25',
        igvCents: 323,
        igvLabel: 'S/ 3.23',
      },
      {
        storeId: STORE_CENTRAL,
        storeName: 'Bodega Central',
        date: '2026-03-15',
        salesCount: 1,
        totalCents: 700,
        totalLabel: 'S/ 7.00',
        igvCents: 107,
        igvLabel: 'S/ 1.07',
      },
      {
        storeId: STORE_NORTE,
        storeName: 'Minimarket Norte',
        date: '2026-03-15',
        salesCount: 1,
        totalCents: 4500,
        totalLabel: 'S/ 45.00',
        igvCents: 686,
        igvLabel: 'S/ 6.86',
      },
    ]);
    expect(report.totals).toEqual({
      salesCount: 4,
      totalCents: 7325,
      totalLabel: 'S/ 73.25',
      igvCents: 1116,
      igvLabel: 'S/ 11.16',
    });
  });

  it('filters by store and by range', async () => {
    const norte = await salesByDay(fixture.ctx, { ...RANGE, storeId: STORE_NORTE });
    expect(norte.rows.map((r) => [r.date, r.totalCents])).toEqual([['2026-03-15', 4500]]);
    const early = await salesByDay(fixture.ctx, { from: '2026-03-01', to: '2026-03-01' });
    expect(early.totals).toMatchObject({ salesCount: 1, totalCents: 450 });
    const empty = await salesByDay(fixture.ctx, { from: '2025-01-01', to: '2025-01-31' });
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toMatchObject({ salesCount: 0, totalCents: 0, totalLabel: 'S/ 0.00' });
  });
});

describe('payments by method', () => {
  it('sums amounts net of change, every method listed, voided sales out', async () => {
    const report = await paymentsByMethod(fixture.ctx, RANGE);
    expect(report.rows).toEqual([
      {
        method: 'cash',
        methodLabel: 'Efectivo',
        paymentsCount: 2,
        amountCents: 1575,
        amountLabel: 'S/ 15.75',
      },
      { method: 'card', methodLabel: 'Tarjeta', paymentsCount: 1, amountCents: 750, amountLabel: 'S/ 7.50' },
      {
        method: 'wallet',
        methodLabel: 'Yape / Plin',
        paymentsCount: 1,
        amountCents: 500,
        amountLabel: 'S/ 5.00',
      },
      { method: 'usd', methodLabel: 'Dólares', paymentsCount: 1, amountCents: 4500, amountLabel: 'S/ 45.00' },
    ]);
    // Payments and sales agree to the céntimo.
    expect(report.totalCents).toBe(7325);
    expect(report.totalLabel).toBe('S/ 73.25');
  });

  it('filters by store', async () => {
    const report = await paymentsByMethod(fixture.ctx, { ...RANGE, storeId: STORE_CENTRAL });
    expect(report.rows.map((r) => [r.method, r.amountCents])).toEqual([
      ['cash', 1575],
      ['card', 750],
      ['wallet', 500],
      ['usd', 0],
    ]);
    expect(report.totalCents).toBe(2825);
  });
});

describe('top products', () => {
  it('ranks by amount with quantities in thousandths', async () => {
    const report = await topProducts(fixture.ctx, RANGE);
    expect(report.rows).toEqual([
      {
        productId: RICE,
        sku: 'ARR-750',
        description: 'Arroz Costeño 750 g',
        unit: 'NIU',
        quantityMilli: 13_000,
        quantityLabel: '13',
        amountCents: 5850,
        amountLabel: 'S/ 58.50',
        salesCount: 3,
      },
      {
        productId: SODA,
        sku: 'GAS-500',
        description: 'Gaseosa <b>Inca</b> & "Kola" 500 ml',
        unit: 'NIU',
        quantityMilli: 4000,
        quantityLabel: '4',
        amountCents: 1000,
        amountLabel: 'S/ 10.00',
        salesCount: 2,
      },
      {
        productId: SUGAR,
        sku: 'AZU-KG',
        description: 'Azúcar rubia',
        unit: 'KGM',
        quantityMilli: 1250,
        quantityLabel: '1.250',
        amountCents: 475,
        amountLabel: 'S/ 4.75',
        salesCount: 1,
      },
    ]);
  });

  it('honours the limit and the store', async () => {
    const two = await topProducts(fixture.ctx, { ...RANGE, limit: 2 });
    expect(two.rows.map((r) => r.productId)).toEqual([RICE, SODA]);
    const norte = await topProducts(fixture.ctx, { ...RANGE, storeId: STORE_NORTE });
    expect(norte.rows.map((r) => [r.productId, r.amountCents])).toEqual([[RICE, 4500]]);
  });
});

describe('stock per store', () => {
  it('sums the ledger, negative levels first', async () => {
    const report = await stockLevels(fixture.ctx);
    expect(
      report.rows.map((r) => [r.storeName, r.productId, r.sku, r.levelMilli, r.levelLabel, r.negative]),
    ).toEqual([
      ['Minimarket Norte', RICE, 'ARR-750', -5000, '-5', true],
      ['Bodega Central', SUGAR, 'AZU-KG', -250, '-0.250', true],
      ['Bodega Central', RICE, 'ARR-750', 7000, '7', false],
      ['Bodega Central', SODA, 'GAS-500', 1000, '1', false],
      ['Minimarket Norte', UNKNOWN_PRODUCT, null, 2000, '2', false],
    ]);
    expect(report.truncated).toBe(false);
    expect(report.rows[0]?.productName).toBe('Arroz Costeño 750 g');
    expect(report.rows[4]?.productName).toBeNull();
    expect(report.rows[0]?.lastMovementAt).toBe(new Date(NOW.getTime() - 200 * 60_000).toISOString());
  });

  it('filters one store and cuts at the limit', async () => {
    const central = await stockLevels(fixture.ctx, { storeId: STORE_CENTRAL });
    expect(central.rows.map((r) => [r.productId, r.levelMilli])).toEqual([
      [SUGAR, -250],
      [RICE, 7000],
      [SODA, 1000],
    ]);
    const cut = await stockLevels(fixture.ctx, { limit: 2 });
    expect(cut.rows.map((r) => r.levelMilli)).toEqual([-5000, -250]);
    expect(cut.truncated).toBe(true);
  });
});

describe('terminals', () => {
  it('says which terminals are behind and why', async () => {
    const report = await terminalStatuses(fixture.ctx);
    expect(report.at).toBe(NOW.toISOString());
    expect(report.staleMinutes).toBe(60);
    expect(
      report.rows.map((r) => [
        r.storeName,
        r.code,
        r.behind,
        r.behindReasons,
        r.revoked,
        r.clockFlagged,
        r.clockSkewMs,
      ]),
    ).toEqual([
      ['Bodega Central', 'CAJA-01', false, [], false, false, null],
      ['Bodega Central', 'CAJA-02', true, ['pending', 'stale'], false, true, 180_000],
      ['Minimarket Norte', 'CAJA-01', false, [], false, false, null],
      ['Minimarket Norte', 'CAJA-02', false, [], true, false, null],
      ['Minimarket Norte', 'CAJA-03', true, ['never_synced'], false, false, null],
    ]);
    expect(report.behindCount).toBe(2);
    const caja2 = report.rows[1];
    expect(caja2).toMatchObject({
      terminalId: 't-central-2',
      name: 'Caja rápida',
      pendingCount: 5,
      lastSeq: 80,
      lastSeenAt: new Date(NOW.getTime() - 150 * 60_000).toISOString(),
      enrolledAt: '2026-01-10T14:00:00.000Z',
    });
    expect(report.rows[3]?.revokedAt).toBe('2026-02-01T15:00:00.000Z');
    expect(report.rows[4]?.lastSeenAt).toBeNull();
  });

  it('uses the threshold it is given', async () => {
    const report = await terminalStatuses(fixture.ctx, { staleMinutes: 30 });
    expect(report.rows.filter((r) => r.behind).map((r) => r.terminalId)).toEqual([
      't-central-2',
      't-norte-1',
      't-norte-3',
    ]);
  });
});

describe('reconciliation', () => {
  it('lists open items oldest first with the current level, and resolved ones apart', async () => {
    const open = await listReconciliationItems(fixture.ctx);
    expect(open.status).toBe('open');
    expect(open.rows.map((r) => [r.id, r.storeName, r.sku, r.levelMilli, r.currentLevelMilli])).toEqual([
      ['rec-central-sugar', 'Bodega Central', 'AZU-KG', -250, -250],
      ['rec-norte-rice', 'Minimarket Norte', 'ARR-750', -5000, -5000],
    ]);
    expect(open.rows[0]).toMatchObject({
      productName: 'Azúcar rubia',
      unit: 'KGM',
      levelLabel: '-0.250',
      detectedAt: new Date(NOW.getTime() - 120 * 60_000).toISOString(),
      resolvedAt: null,
    });
    const norte = await listReconciliationItems(fixture.ctx, { storeId: STORE_NORTE });
    expect(norte.rows.map((r) => r.id)).toEqual(['rec-norte-rice']);
    const resolved = await listReconciliationItems(fixture.ctx, { status: 'resolved' });
    expect(resolved.rows.map((r) => [r.id, r.resolvedBy])).toEqual([['rec-old', 'Rosa Huamán']]);
  });

  it('resolves an open item once; a second time is a 409, an unknown id a 404', async () => {
    const item = await resolveReconciliation(fixture.ctx, 'rec-norte-rice', {
      resolvedBy: '  María Quispe ',
      resolution: 'Conteo físico: faltaban 5 bolsas, se registró la merma.',
    });
    expect(item).toMatchObject({
      id: 'rec-norte-rice',
      status: 'resolved',
      resolvedBy: 'María Quispe',
      resolution: 'Conteo físico: faltaban 5 bolsas, se registró la merma.',
      resolvedAt: NOW.toISOString(),
    });
    const again = resolveReconciliation(fixture.ctx, 'rec-norte-rice', {
      resolvedBy: 'Otro',
      resolution: 'Otra',
    });
    await expect(again).rejects.toBeInstanceOf(HqError);
    await expect(again).rejects.toMatchObject({ status: 409 });
    // The first resolution stands.
    expect((await getReconciliationItem(fixture.ctx, 'rec-norte-rice'))?.resolvedBy).toBe('María Quispe');
    await expect(
      resolveReconciliation(fixture.ctx, 'no-existe', { resolvedBy: 'A', resolution: 'B' }),
    ).rejects.toMatchObject({ status: 404 });
    const open = await listReconciliationItems(fixture.ctx);
    expect(open.rows.map((r) => r.id)).toEqual(['rec-central-sugar']);
  });
});
