import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { aesSecretBox } from '../fiscal/secrets/secret-box';
import { demoId } from '../shared/ids';
import { INCA_KOLA_15, sellBoleta } from '../testing/sales';
import { useTempCores } from '../testing/temp-core';
import { hashPin } from '../users/pin-hash';
import type { RawChange, RawPullResponse } from './hq-client';
import type { ProductRecord, UserRecord } from './protocol';
import { PullApplier } from './pull-applier';
import { SyncStateStore } from './sync-state';

const cores = useTempCores({ sync: { intervalMs: 0 } });

async function setup() {
  const temp = await cores.setup();
  const { sql, qb, clock, audit, settings } = temp.core.ctx;
  const state = new SyncStateStore(sql, qb, clock, aesSecretBox(randomBytes(32)));
  return { ...temp, state, applier: new PullApplier(sql, clock, audit, settings, state) };
}

function page(changes: RawChange[], cursor?: number, hasMore = false): RawPullResponse {
  return {
    changes,
    cursor: cursor ?? Math.max(0, ...changes.map((c) => c.changeNo)),
    hasMore,
    serverTime: '2026-11-23T15:00:00.000Z',
  };
}

function product(overrides: Partial<ProductRecord> = {}): ProductRecord {
  return {
    id: demoId('product', 'HQ-NEW-1'),
    sku: 'HQ-NEW-1',
    name: 'Chifles de plátano 150 g',
    brand: 'Inka Chips',
    category: 'Snacks',
    unit: 'NIU',
    priceCents: 450,
    igvAffectation: '10',
    icbper: false,
    plu: null,
    active: true,
    barcodes: ['7750000000017'],
    ...overrides,
  };
}

const upsertProduct = (changeNo: number, data: ProductRecord): RawChange => ({
  changeNo,
  entity: 'product',
  op: 'upsert',
  data,
});
const upsertUser = (changeNo: number, data: UserRecord): RawChange => ({
  changeNo,
  entity: 'user',
  op: 'upsert',
  data,
});
const setting = (changeNo: number, key: string, value: unknown): RawChange => ({
  changeNo,
  entity: 'setting',
  op: 'upsert',
  data: { key, value },
});
const tombstone = (changeNo: number, entity: string, key: string): RawChange => ({
  changeNo,
  entity,
  op: 'delete',
  key,
});

function productRow(core: Core, id: string) {
  return core.ctx.sql.first(core.ctx.qb.selectFrom('products').selectAll().where('id', '=', id));
}
function barcodesOf(core: Core, id: string): string[] {
  return core.ctx.sql
    .all(
      core.ctx.qb
        .selectFrom('product_barcodes')
        .select('barcode')
        .where('product_id', '=', id)
        .orderBy('barcode'),
    )
    .map((r) => r.barcode);
}
function auditEntries(core: Core, action: string) {
  return core.ctx.sql.all(core.ctx.qb.selectFrom('audit_log').selectAll().where('action', '=', action));
}

describe('PullApplier: products', () => {
  it('inserts a new product with its barcodes, searchable at once, and stores the cursor in the same page', async () => {
    const { core, state, applier } = await setup();
    const result = applier.apply(0, page([upsertProduct(7, product())]));
    expect(result).toMatchObject({ cursorFrom: 0, cursorTo: 7, changes: 1 });
    expect(core.ctx.catalog.byBarcode('7750000000017')).toMatchObject({ sku: 'HQ-NEW-1', priceCents: 450 });
    expect(core.ctx.catalog.search('chifles').map((p) => p.sku)).toContain('HQ-NEW-1');
    expect(state.pullCursor()).toBe(7);
    const [entry] = auditEntries(core, 'sync.master_data_applied');
    expect(JSON.parse(entry?.data ?? '{}')).toMatchObject({
      cursorFrom: 0,
      cursorTo: 7,
      changes: 1,
      products: { upserted: 1, deactivated: 0 },
    });
  });

  it('repricing changes only the price: sales already made keep their own', async () => {
    const { core, actor, applier } = await setup();
    const inca = core.ctx.catalog.byBarcode(INCA_KOLA_15);
    if (!inca) throw new Error('demo product missing');
    const sale = sellBoleta(core, actor);
    const linesBefore = core.ctx.sql.all(
      core.ctx.qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', sale.id),
    );

    applier.apply(
      0,
      page([
        upsertProduct(1, {
          ...product({
            id: inca.id,
            sku: inca.sku,
            name: inca.name,
            brand: inca.brand,
            category: inca.category,
          }),
          priceCents: 790,
          barcodes: [INCA_KOLA_15],
        }),
      ]),
    );

    expect(core.ctx.catalog.byBarcode(INCA_KOLA_15)?.priceCents).toBe(790);
    expect(
      core.ctx.sql.all(core.ctx.qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', sale.id)),
    ).toEqual(linesBefore);
    expect(linesBefore[0]?.unit_price_cents).toBe(650);
    // The next sale uses the new price.
    const line = core.carts.scan(actor, INCA_KOLA_15);
    expect(JSON.stringify(line)).toContain('790');
  });

  it('replaces the barcode list, taking over a barcode from another product', async () => {
    const { core, applier } = await setup();
    const a = product({ id: demoId('product', 'A'), sku: 'A', barcodes: ['1111', '2222'] });
    const b = product({ id: demoId('product', 'B'), sku: 'B', barcodes: ['3333'] });
    applier.apply(0, page([upsertProduct(1, a), upsertProduct(2, b)]));
    applier.apply(2, page([upsertProduct(3, { ...b, barcodes: ['3333', '2222'] })]));
    expect(barcodesOf(core, a.id)).toEqual(['1111']);
    expect(barcodesOf(core, b.id)).toEqual(['2222', '3333']);
    applier.apply(3, page([upsertProduct(4, { ...a, barcodes: ['4444'] })]));
    expect(barcodesOf(core, a.id)).toEqual(['4444']);
    expect(core.ctx.catalog.byBarcode('1111')).toBeUndefined();
  });

  it('a tombstone deactivates the product and frees its barcodes, but keeps the row its sales point at', async () => {
    const { core, actor, applier } = await setup();
    const inca = core.ctx.catalog.byBarcode(INCA_KOLA_15);
    if (!inca) throw new Error('demo product missing');
    const sale = sellBoleta(core, actor);
    applier.apply(0, page([tombstone(1, 'product', inca.id)]));
    expect(productRow(core, inca.id)).toMatchObject({ active: 0, price_cents: 650 });
    expect(barcodesOf(core, inca.id)).toEqual([]);
    expect(core.ctx.catalog.byBarcode(INCA_KOLA_15)).toBeUndefined();
    expect(core.sales.byId(sale.id).lines[0]?.productId).toBe(inca.id);
    // A tombstone for a product this terminal never had changes nothing.
    const result = applier.apply(1, page([tombstone(2, 'product', 'never-seen')]));
    expect(result.counts.ignored).toBe(1);
  });

  it("HQ's product wins its SKU: a local product with that SKU under another id is retired, renamed", async () => {
    const { core, applier } = await setup();
    const inca = core.ctx.catalog.byBarcode(INCA_KOLA_15);
    if (!inca) throw new Error('demo product missing');
    const hq = product({ id: demoId('product', 'hq-side'), sku: inca.sku, barcodes: [INCA_KOLA_15] });
    const result = applier.apply(0, page([upsertProduct(1, hq)]));
    expect(result.counts.products.skuConflicts).toBe(1);
    expect(productRow(core, inca.id)).toMatchObject({
      active: 0,
      sku: expect.stringMatching(/~/) as unknown,
    });
    expect(core.ctx.catalog.byBarcode(INCA_KOLA_15)?.id).toBe(hq.id);
  });
});

describe('PullApplier: users', () => {
  it('upserts by id without touching the lockout counters', async () => {
    const { core, applier } = await setup();
    const id = demoId('user', 'supervisor');
    core.ctx.sql.run(
      core.ctx.qb
        .updateTable('users')
        .set({
          failed_pin_attempts: 3,
          locked_until: '2026-11-23T10:30:00-05:00',
          last_login_at: '2026-11-23T09:00:00-05:00',
        })
        .where('id', '=', id),
    );
    const pinHash = await hashPin('2468');
    applier.apply(
      0,
      page([
        upsertUser(1, {
          id,
          username: 'supervisor',
          fullName: 'Jorge Ramírez H.',
          role: 'administrador',
          pinHash,
          active: true,
        }),
      ]),
    );
    expect(
      core.ctx.sql.first(core.ctx.qb.selectFrom('users').selectAll().where('id', '=', id)),
    ).toMatchObject({
      full_name: 'Jorge Ramírez H.',
      role: 'administrador',
      pin_hash: pinHash,
      failed_pin_attempts: 3,
      locked_until: '2026-11-23T10:30:00-05:00',
      last_login_at: '2026-11-23T09:00:00-05:00',
    });
  });

  it("a local user with HQ's username but another id is deactivated and renamed, so HQ's user can log in", async () => {
    const { core, applier } = await setup();
    const localId = demoId('user', 'cajero');
    const hqId = demoId('user', 'cajero-hq');
    const result = applier.apply(
      0,
      page([
        upsertUser(1, {
          id: hqId,
          username: 'Cajero',
          fullName: 'Luis Condori',
          role: 'cajero',
          pinHash: await hashPin('8642'),
          active: true,
        }),
      ]),
    );
    expect(result.counts.users).toMatchObject({ upserted: 1, renamed: 1 });
    const local = core.ctx.sql.first(core.ctx.qb.selectFrom('users').selectAll().where('id', '=', localId));
    expect(local).toMatchObject({ active: 0, username: expect.stringMatching(/^cajero~/) as unknown });
    const { actor } = await core.ctx.auth.login('cajero', '8642');
    expect(actor.userId).toBe(hqId);
  });

  it('a user tombstone deactivates', async () => {
    const { core, applier } = await setup();
    const id = demoId('user', 'supervisor');
    applier.apply(0, page([tombstone(1, 'user', id)]));
    expect(core.ctx.users.byId(id)?.active).toBe(false);
  });
});

describe('PullApplier: settings', () => {
  it('applies known keys with valid values; ignores and counts the rest; never touches device settings', async () => {
    const { core, applier } = await setup();
    expect(core.ctx.settings.get('sales.discountLimitBps')).toBe(1000);
    const deviceSettings = core.ctx.sql.all(core.ctx.qb.selectFrom('device_settings').selectAll());
    const result = applier.apply(
      0,
      page([
        setting(1, 'sales.discountLimitBps', 1500),
        setting(2, 'tax.igvBps', 'dieciocho'),
        setting(3, 'printer.address', 'tcp://10.0.0.9:9100'),
        setting(4, 'cash.blindClose', true),
      ]),
    );
    expect(result.counts.settings).toEqual({
      applied: 2,
      reset: 0,
      ignored: 2,
      ignoredKeys: ['tax.igvBps', 'printer.address'],
    });
    // Read through the cached reader: the cache forgot the old value.
    expect(core.ctx.settings.get('sales.discountLimitBps')).toBe(1500);
    expect(core.ctx.settings.get('cash.blindClose')).toBe(true);
    expect(core.ctx.settings.get('tax.igvBps')).toBe(1800);
    expect(
      core.ctx.sql.first(
        core.ctx.qb.selectFrom('settings').select('key').where('key', '=', 'printer.address'),
      ),
    ).toBeUndefined();
    expect(core.ctx.sql.all(core.ctx.qb.selectFrom('device_settings').selectAll())).toEqual(deviceSettings);

    applier.apply(4, page([tombstone(5, 'setting', 'sales.discountLimitBps')]));
    expect(core.ctx.settings.get('sales.discountLimitBps')).toBe(1000);
  });
});

describe('PullApplier: one page, one transaction', () => {
  it('a failure in the middle of a page leaves neither rows nor cursor nor audit entry', async () => {
    const { core, state, applier } = await setup();
    const good = product();
    const bad = { ...product({ id: demoId('product', 'bad'), sku: 'BAD' }), priceCents: -5 };
    const auditBefore = auditEntries(core, 'sync.master_data_applied').length;
    expect(() =>
      applier.apply(
        0,
        page([upsertProduct(1, good), setting(2, 'sales.discountLimitBps', 1500), upsertProduct(3, bad)]),
      ),
    ).toThrow(
      expect.objectContaining({ code: 'MALFORMED', message: expect.stringMatching(/cambio 3/) as unknown }),
    );
    expect(productRow(core, good.id)).toBeUndefined();
    expect(core.ctx.catalog.byBarcode('7750000000017')).toBeUndefined();
    expect(core.ctx.settings.get('sales.discountLimitBps')).toBe(1000);
    expect(state.pullCursor()).toBe(0);
    expect(auditEntries(core, 'sync.master_data_applied').length).toBe(auditBefore);
  });

  it('refuses a page that does not start at the stored cursor, and skips changes already applied', async () => {
    const { core, state, applier } = await setup();
    applier.apply(0, page([upsertProduct(5, product({ priceCents: 500 }))]));
    expect(() => applier.apply(3, page([upsertProduct(6, product())]))).toThrow(/va en 5/);
    const result = applier.apply(
      5,
      page([upsertProduct(4, product({ priceCents: 1 })), upsertProduct(6, product({ priceCents: 600 }))], 6),
    );
    expect(result.counts.ignored).toBe(1);
    expect(productRow(core, product().id)?.price_cents).toBe(600);
    expect(state.pullCursor()).toBe(6);
  });

  it('skips entity kinds it does not know (a newer headquarters) and counts them', async () => {
    const { state, applier } = await setup();
    const result = applier.apply(
      0,
      page([{ changeNo: 1, entity: 'promotion', op: 'upsert', data: { id: 'x' } }]),
    );
    expect(result.counts.ignored).toBe(1);
    expect(state.pullCursor()).toBe(1);
  });

  it('an empty page changes nothing and writes no audit entry', async () => {
    const { core, state, applier } = await setup();
    const before = auditEntries(core, 'sync.master_data_applied').length;
    applier.apply(0, page([], 0));
    expect(state.pullCursor()).toBe(0);
    expect(auditEntries(core, 'sync.master_data_applied').length).toBe(before);
  });
});
