import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../db/seeds/demo-catalog';
import { DEMO_STORE, DEMO_STORE_ID, DEMO_USERS } from '../../../db/seeds/demo-store';
import { demoId, newId } from '../../../src-main/shared/ids';
import type { MasterChange, ProductRecord, PullResponse } from '../../../src-main/sync/protocol';
import { verifyPin } from '../../../src-main/users/pin-hash';
import { seedDemoHq } from '../seed/demo-hq';
import {
  TEST_RUCS,
  createTestStore,
  enrolTestTerminal,
  http,
  startTestHq,
  type ErrorAnswer,
  type TestHq,
  type TestTerminal,
} from '../testing/hq-test-kit';
import type { UpsertSummary } from './change-numbers';
import type { ProductView } from './products';

let hq: TestHq;
let caja: TestTerminal;
const demoStore = { id: DEMO_STORE_ID, ruc: DEMO_STORE.ruc };

beforeAll(async () => {
  hq = await startTestHq({ demo: true });
  caja = await enrolTestTerminal(hq, demoStore, 'CAJA-01');
});
afterAll(async () => {
  await hq?.close();
});

async function pullPage(terminal: TestTerminal, after: number, limit?: number) {
  const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
  return http<PullResponse>(hq.url, 'GET', `/v1/changes?${query}`, terminal.headers());
}

/** Pulls everything after `after` in pages, checking the cursor on the way. */
async function pullAll(terminal: TestTerminal, after: number, limit: number) {
  const changes: MasterChange[] = [];
  let cursor = after;
  for (;;) {
    const page = await pullPage(terminal, cursor, limit);
    expect(page.status).toBe(200);
    expect(page.body.changes.length).toBeLessThanOrEqual(limit);
    for (const change of page.body.changes) {
      expect(change.changeNo).toBeGreaterThan(cursor);
      cursor = change.changeNo;
    }
    expect(page.body.cursor).toBe(cursor);
    changes.push(...page.body.changes);
    if (!page.body.hasMore) return { changes, cursor };
  }
}

const product = (overrides: Partial<ProductRecord> = {}): ProductRecord => ({
  id: newId(),
  sku: `TST-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Galleta de Prueba 40 g',
  brand: null,
  category: 'Pruebas',
  unit: 'NIU',
  priceCents: 150,
  igvAffectation: '10',
  icbper: false,
  plu: null,
  active: true,
  barcodes: [],
  ...overrides,
});

describe('demo seed', () => {
  it('gives the demo store, its people, the catalogue with change numbers and opening stock', async () => {
    const { changes, cursor } = await pullAll(caja, 0, 100);
    const products = changes.filter((c) => c.entity === 'product');
    const users = changes.filter((c) => c.entity === 'user');
    const upserts = changes.flatMap((c) => (c.op === 'upsert' ? [c] : []));
    expect(products).toHaveLength(DEMO_PRODUCTS.length);
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(new Set(changes.map((c) => c.changeNo)).size).toBe(changes.length);
    expect(cursor).toBe(changes[changes.length - 1]?.changeNo);

    const bag = DEMO_PRODUCTS.find((p) => p.icbper);
    const bagChange = upserts.find((c) => c.entity === 'product' && c.data.sku === bag?.sku);
    expect(bagChange).toMatchObject({
      op: 'upsert',
      data: { id: demoId('product', bag?.sku ?? ''), icbper: true },
    });

    const cajero = upserts.find((c) => c.entity === 'user' && c.data.username === 'cajero');
    if (cajero?.entity !== 'user') throw new Error('cajero missing');
    expect(cajero.data.id).toBe(demoId('user', 'cajero'));
    expect(await verifyPin('1234', cajero.data.pinHash)).toBe(true);

    const stock = await hq.ctx.db
      .selectFrom('stock_movements')
      .select(['terminal_id', 'quantity_milli', 'reason'])
      .where('store_id', '=', DEMO_STORE_ID)
      .execute();
    expect(stock).toHaveLength(DEMO_PRODUCTS.length);
    expect(stock.every((m) => m.terminal_id === null && m.reason === 'initial')).toBe(true);
    expect(stock.some((m) => m.quantity_milli === 2_000_000)).toBe(true);

    expect(await seedDemoHq(hq.ctx)).toBe(false);
  });
});

describe('pull', () => {
  it('pages by cursor with the limit asked, clamps a huge limit and refuses a bad one', async () => {
    const first = await pullPage(caja, 0, 7);
    expect(first.body.changes).toHaveLength(7);
    expect(first.body.hasMore).toBe(true);
    const next = await pullPage(caja, first.body.cursor, 7);
    expect(next.body.changes[0]?.changeNo).toBeGreaterThan(first.body.cursor);

    const whole = await pullPage(caja, 0, 1_000_000);
    expect(whole.status).toBe(200);
    expect(whole.body.changes.length).toBeGreaterThan(DEMO_PRODUCTS.length);

    const end = await pullPage(caja, whole.body.cursor);
    expect(end.body).toMatchObject({ changes: [], cursor: whole.body.cursor, hasMore: false });

    for (const query of ['after=-1', 'limit=0', 'after=abc']) {
      const bad = (await http(hq.url, 'GET', `/v1/changes?${query}`, caja.headers())) as ErrorAnswer;
      expect(bad.status, query).toBe(400);
    }
  });

  it('serves a price change, a removal and a re-sent unchanged product correctly after the cursor', async () => {
    const { cursor } = await pullAll(caja, 0, 1_000);
    const arroz = demoId('product', 'ABA-0009');

    const repriced = await hq.admin<ProductView>('PATCH', `/api/admin/products/${arroz}/price`, {
      priceCents: 2_490,
    });
    expect(repriced.status).toBe(200);
    expect(repriced.body).toMatchObject({ id: arroz, priceCents: 2_490, deleted: false });
    expect(repriced.body.changeNo).toBeGreaterThan(cursor);

    const aceite = demoId('product', 'ABA-0001');
    const removed = await hq.admin<ProductView>('DELETE', `/api/admin/products/${aceite}`);
    expect(removed.body).toMatchObject({ id: aceite, deleted: true });
    const removedAgain = await hq.admin<ProductView>('DELETE', `/api/admin/products/${aceite}`);
    expect(removedAgain.body.changeNo).toBe(removed.body.changeNo);

    const supervisor = demoId('user', 'supervisor');
    expect((await hq.admin('DELETE', `/api/admin/users/${supervisor}`)).status).toBe(200);

    // Re-sending a product exactly as it is changes nothing.
    const seeded = DEMO_PRODUCTS.find((p) => p.sku === 'ABA-0002');
    const same = await hq.admin<UpsertSummary>('PUT', '/api/admin/products', [
      {
        id: demoId('product', 'ABA-0002'),
        sku: seeded?.sku,
        name: seeded?.name,
        brand: seeded?.brand,
        category: seeded?.category,
        unit: seeded?.unit,
        priceCents: seeded?.priceCents,
        igvAffectation: seeded?.igvAffectation,
        barcodes: seeded?.barcodes,
      },
    ]);
    expect(same.body).toEqual({ received: 1, changed: 0, lastChangeNo: null });

    const { changes } = await pullAll(caja, cursor, 2);
    expect(changes).toEqual([
      {
        changeNo: repriced.body.changeNo,
        entity: 'product',
        op: 'upsert',
        data: expect.objectContaining({ id: arroz, sku: 'ABA-0009', priceCents: 2_490 }) as unknown,
      },
      { changeNo: removed.body.changeNo, entity: 'product', op: 'delete', key: aceite },
      { changeNo: expect.any(Number) as unknown, entity: 'user', op: 'delete', key: supervisor },
    ]);

    // A tombstoned product sent again comes back, with a new change number.
    const { cursor: after } = await pullAll(caja, 0, 5_000);
    const revived = await hq.admin<UpsertSummary>('PUT', '/api/admin/products', [
      product({ id: aceite, sku: 'ABA-0001', name: 'Aceite de Oliva Carbonell 500 ml', priceCents: 3_590 }),
    ]);
    expect(revived.body.changed).toBe(1);
    const back = await pullPage(caja, after);
    expect(back.body.changes).toEqual([
      expect.objectContaining({
        entity: 'product',
        op: 'upsert',
        data: expect.objectContaining({ id: aceite }),
      }),
    ]);
  });

  it("serves a store's settings to its own terminals only, tombstones included", async () => {
    const other = await createTestStore(hq, TEST_RUCS[0], 'Bodega Don Lucho');
    const otherCaja = await enrolTestTerminal(hq, other, 'CAJA-01');
    const { cursor } = await pullAll(caja, 0, 5_000);

    const mine = await hq.admin('PUT', `/api/admin/stores/${DEMO_STORE_ID}/settings/sales.discountLimitBps`, {
      value: 1500,
    });
    expect(mine.status).toBe(200);
    const theirs = await hq.admin('PUT', `/api/admin/stores/${other.id}/settings/tax.igvBps`, {
      value: 1000,
    });
    expect(theirs.status).toBe(200);
    await hq.admin('DELETE', `/api/admin/stores/${other.id}/settings/tax.igvBps`);

    const demoChanges = (await pullAll(caja, cursor, 5_000)).changes;
    expect(demoChanges).toEqual([
      {
        changeNo: expect.any(Number) as unknown,
        entity: 'setting',
        op: 'upsert',
        data: { key: 'sales.discountLimitBps', value: 1500 },
      },
    ]);
    const otherChanges = (await pullAll(otherCaja, cursor, 5_000)).changes;
    expect(otherChanges.map((c) => [c.entity, c.op])).toEqual([['setting', 'delete']]);
    expect(otherChanges[0]).toMatchObject({ key: 'tax.igvBps' });
  });

  it('hands out change numbers in order to concurrent writers', async () => {
    const items = Array.from({ length: 10 }, (_, i) => product({ name: `Concurrente ${i}` }));
    const answers = await Promise.all(
      items.map((p) => hq.admin<UpsertSummary>('PUT', '/api/admin/products', [p])),
    );
    const numbers = answers.map((a) => a.body.lastChangeNo);
    expect(new Set(numbers).size).toBe(items.length);
  });
});

describe('master data validation', () => {
  const bad = async (method: string, path: string, body: unknown, status = 400) => {
    const answer = (await hq.admin(method, path, body)) as ErrorAnswer;
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    return answer.body;
  };

  it('refuses malformed products with a Spanish message naming the field', async () => {
    expect((await bad('PUT', '/api/admin/products', [product({ unit: 'KG' as 'KGM' })])).message).toMatch(
      /^Datos inválidos: 0\.unit: Opción inválida/,
    );
    expect((await bad('PUT', '/api/admin/products', [product({ priceCents: -1 })])).message).toContain(
      'priceCents',
    );
    expect((await bad('PUT', '/api/admin/products', [product({ priceCents: 12.5 })])).message).toContain(
      'priceCents',
    );
    expect(
      (await bad('PUT', '/api/admin/products', [product({ igvAffectation: '40' as '10' })])).message,
    ).toContain('igvAffectation');
    expect(
      (await bad('PUT', '/api/admin/products', [product({ barcodes: ['con espacio'] })])).message,
    ).toContain('barcodes');
    expect((await bad('PUT', '/api/admin/products', { id: 'x' })).error).toBe('BAD_REQUEST');
    await bad('PUT', '/api/admin/products', []);
    await bad('PATCH', `/api/admin/products/${demoId('product', 'ABA-0003')}/price`, { priceCents: -5 });
    await bad('PATCH', `/api/admin/products/${newId()}/price`, { priceCents: 5 }, 404);
  });

  it('keeps SKU, PLU and barcodes unique across products', async () => {
    const sku = product();
    expect(
      (await bad('PUT', '/api/admin/products', [sku, { ...product(), sku: sku.sku }])).message,
    ).toContain('dos veces');
    expect((await bad('PUT', '/api/admin/products', [product({ sku: 'ABA-0002' })], 409)).message).toContain(
      'ABA-0002',
    );
    const taken = DEMO_PRODUCTS.find((p) => p.sku === 'ABA-0020')?.barcodes[0] ?? '';
    expect(
      (await bad('PUT', '/api/admin/products', [product({ barcodes: [taken] })], 409)).message,
    ).toContain(taken);
    const plu = DEMO_PRODUCTS.find((p) => p.plu !== null)?.plu ?? '';
    await bad('PUT', '/api/admin/products', [product({ unit: 'KGM', plu })], 409);
    const ok = await hq.admin<UpsertSummary>('PUT', '/api/admin/products', [
      product({ barcodes: ['7750000000017'] }),
    ]);
    expect(ok.body).toMatchObject({ received: 1, changed: 1 });
  });

  it('takes users with a PIN (hashed at once) or a PIN hash, and refuses weak PINs', async () => {
    const id = newId();
    const created = await hq.admin<UpsertSummary>('PUT', '/api/admin/users', [
      { id, username: 'Lucia.Vega', fullName: '  Lucía   Vega Ríos ', role: 'cajero', pin: '2580' },
    ]);
    expect(created.status).toBe(200);
    const row = await hq.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ username: 'lucia.vega', full_name: 'Lucía Vega Ríos', deleted: false });
    expect(row.pin_hash).not.toContain('2580');
    expect(await verifyPin('2580', row.pin_hash)).toBe(true);

    const copied = await hq.admin('PUT', '/api/admin/users', [
      { id: newId(), username: 'pedro', fullName: 'Pedro Soto', role: 'supervisor', pinHash: row.pin_hash },
    ]);
    expect(copied.status).toBe(200);

    expect(
      (
        await bad('PUT', '/api/admin/users', [
          { id: newId(), username: 'ana', fullName: 'Ana Paz', role: 'cajero', pin: '1234' },
        ])
      ).message,
    ).toContain('secuencia');
    await bad('PUT', '/api/admin/users', [
      { id: newId(), username: 'ana', fullName: 'Ana Paz', role: 'cajero' },
    ]);
    await bad('PUT', '/api/admin/users', [
      { id: newId(), username: 'ana', fullName: 'Ana Paz', role: 'gerente', pin: '2580' },
    ]);
    await bad('PUT', '/api/admin/users', [
      { id: newId(), username: 'ana', fullName: 'Ana Paz', role: 'cajero', pinHash: 'plain' },
    ]);
    expect(
      (
        await bad(
          'PUT',
          '/api/admin/users',
          [{ id: newId(), username: 'cajero', fullName: 'Otro Cajero', role: 'cajero', pin: '2580' }],
          409,
        )
      ).message,
    ).toContain('cajero');
    await bad('DELETE', `/api/admin/users/${newId()}`, undefined, 404);
  });

  it('validates settings against the terminal schemas', async () => {
    expect(
      (await bad('PUT', `/api/admin/stores/${DEMO_STORE_ID}/settings/no.such`, { value: 1 })).message,
    ).toContain('no existe');
    expect(
      (await bad('PUT', `/api/admin/stores/${DEMO_STORE_ID}/settings/tax.igvBps`, { value: 'alto' })).message,
    ).toContain('tax.igvBps');
    await bad('PUT', `/api/admin/stores/${newId()}/settings/tax.igvBps`, { value: 1800 }, 404);
    await bad('DELETE', `/api/admin/stores/${DEMO_STORE_ID}/settings/cash.blindClose`, undefined, 404);
  });

  it('records HQ stock movements in the ledger and refuses bad ones', async () => {
    const productId = demoId('product', 'ABA-0010');
    const added = await hq.admin<{ id: string; quantityMilli: number }>(
      'POST',
      `/api/admin/stores/${DEMO_STORE_ID}/stock`,
      {
        productId,
        quantityMilli: 12_000,
        reason: 'receipt',
        note: 'Factura F001-123',
      },
    );
    expect(added.status).toBe(201);
    const rows = await hq.ctx.db
      .selectFrom('stock_movements')
      .selectAll()
      .where('store_id', '=', DEMO_STORE_ID)
      .where('product_id', '=', productId)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.reason, r.quantity_milli, r.terminal_id])).toEqual([
      ['initial', 48_000, null],
      ['receipt', 12_000, null],
    ]);
    const stockPath = `/api/admin/stores/${DEMO_STORE_ID}/stock`;
    expect(
      (await bad('POST', stockPath, { productId, quantityMilli: 0, reason: 'receipt' })).message,
    ).toContain('cero');
    await bad('POST', stockPath, { productId, quantityMilli: 1.5, reason: 'receipt' });
    await bad('POST', stockPath, { productId, quantityMilli: 5, reason: 'sale' });
    await bad('POST', stockPath, { productId: newId(), quantityMilli: 5, reason: 'receipt' }, 404);
    await bad(
      'POST',
      `/api/admin/stores/${newId()}/stock`,
      { productId, quantityMilli: 5, reason: 'receipt' },
      404,
    );
  });

  it('refuses a body over the limit with 413 BATCH_TOO_LARGE', async () => {
    const huge = JSON.stringify([{ name: 'x'.repeat(9 * 1024 * 1024) }]);
    const answer = (await hq.admin('PUT', '/api/admin/products', huge)) as ErrorAnswer;
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('BATCH_TOO_LARGE');
  });
});
