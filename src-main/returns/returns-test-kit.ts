import { afterAll, beforeAll } from 'vitest';
import type { Core } from '../core/core';
import type { Discount } from '../sales/cart-pricing';
import type { SaleView } from '../sales/sale-view';
import type { fixedClock } from '../shared/clock';
import { isAppError, type ErrorCode } from '../shared/errors';
import { loginAs, openTempCore } from '../testing/temp-core';
import type { Actor } from '../users/authenticator';

/** Test helpers for the returns module: real sales through the real cart and checkout. */

export interface ReturnsTestCore {
  core: Core;
  clock: ReturnType<typeof fixedClock>;
  cajero: Actor;
  supervisor: Actor;
}

/**
 * One demo core for the whole file (opening one costs seconds) with the cajero and the
 * supervisor logged in: opened before the file's tests and handed to `receive`, closed after them.
 */
export function useReturnsCore(receive: (opened: ReturnsTestCore) => void): void {
  let cleanup = () => {};
  beforeAll(async () => {
    const temp = await openTempCore();
    cleanup = temp.cleanup;
    const cajero = (await loginAs(temp.core, 'cajero')).actor;
    const supervisor = (await loginAs(temp.core, 'supervisor')).actor;
    receive({ core: temp.core, clock: temp.clock, cajero, supervisor });
  });
  afterAll(() => cleanup());
}

/** The code and message of the AppError `work` throws; anything else fails the test. */
export function refusal(work: () => unknown): { code: ErrorCode; message: string } {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

export interface SoldItem {
  sku: string;
  /** Thousandths: 1000 = one unit or one kg (weighed items need it). */
  quantityMilli?: number;
  discount?: Discount;
}

export interface SaleSpec {
  items: SoldItem[];
  docType?: '01' | '03';
  saleDiscount?: Discount;
  payWith?: 'cash' | 'card';
}

export const RUC_CUSTOMER = {
  docType: '6',
  docNumber: '20100070970',
  name: 'SUPERMERCADOS PERUANOS SOCIEDAD ANONIMA',
  address: 'Calle Morelli 181, San Borja',
} as const;

/** Rings up and completes a sale (a factura goes to RUC_CUSTOMER), paid exactly. */
export async function sell(core: Core, actor: Actor, spec: SaleSpec): Promise<SaleView> {
  for (const item of spec.items) {
    const product = core.ctx.catalog.bySku(item.sku);
    if (!product) throw new Error(`no demo product ${item.sku}`);
    const cart = core.carts.addProduct(actor, product.id, item.quantityMilli ?? 1000);
    const line = cart.lines.at(-1);
    if (item.discount && line) await core.carts.setLineDiscount(actor, line.id, item.discount);
  }
  if (spec.saleDiscount) await core.carts.setSaleDiscount(actor, spec.saleDiscount);
  if (spec.docType === '01') {
    const { customer } = core.ctx.customers.save({ ...RUC_CUSTOMER });
    core.carts.setDocType(actor, '01');
    core.carts.setCustomer(actor, customer.id);
  }
  const total = core.carts.current().totals.totalCents;
  return core.checkout.complete(actor, {
    expectedTotalCents: total,
    payments: [
      spec.payWith === 'card'
        ? { method: 'card', amountCents: total }
        : { method: 'cash', tenderedCents: total },
    ],
  });
}

/** Stock level of a demo product by SKU. */
export function stockOf(core: Core, sku: string): number {
  const product = core.ctx.catalog.bySku(sku);
  if (!product) throw new Error(`no demo product ${sku}`);
  return core.ctx.stock.level(product.id);
}

/** Row counts that a refused operation must leave untouched. */
export function footprint(core: Core): Record<string, number> {
  const { sql } = core.ctx;
  const count = (table: string) => sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]?.n ?? 0;
  const series = sql.raw<{ n: number }>('SELECT sum(last_correlativo) AS n FROM series')[0]?.n ?? 0;
  return {
    notes: count('notes'),
    note_lines: count('note_lines'),
    sale_voids: count('sale_voids'),
    stock_movements: count('stock_movements'),
    fiscal_documents: count('fiscal_documents'),
    outbox: count('outbox'),
    audit_log: count('audit_log'),
    series,
  };
}

/** xmlsec1 needs the signer's certificate: the one the document carries in KeyInfo. */
export function embeddedCertificatePem(xml: string): string {
  const base64 = /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(xml)?.[1] ?? '';
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
