import type { CartLineTable, CartTable, DocType } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { CartLineInput, Discount } from './cart-pricing';

export interface StoredCartLine extends CartLineInput {
  position: number;
  discountApprovedBps: number;
  discountApprovedBy: string | null;
  scannedCode: string | null;
}

export interface StoredCart {
  id: string;
  userId: string;
  status: 'open' | 'held';
  docType: DocType;
  customerId: string | null;
  discount: Discount | null;
  discountApprovedBps: number;
  discountApprovedBy: string | null;
  label: string | null;
  createdAt: string;
  updatedAt: string;
  heldAt: string | null;
  lines: StoredCartLine[];
}

function discountOf(kind: CartTable['discount_kind'], value: number): Discount | null {
  return kind ? { kind, value } : null;
}

/** Rows of `carts`/`cart_lines` in and out. Every write is meant to run inside a service transaction. */
export class CartStore {
  constructor(private readonly ctx: CoreContext) {}

  private now(): string {
    return limaTimestamp(this.ctx.clock.now());
  }

  openCartId(): string | undefined {
    const { sql, qb, terminal } = this.ctx;
    return sql.first(
      qb
        .selectFrom('carts')
        .select('id')
        .where('terminal_id', '=', terminal.terminalId)
        .where('status', '=', 'open'),
    )?.id;
  }

  load(cartId: string): StoredCart | undefined {
    const { sql, qb } = this.ctx;
    const cart = sql.first(qb.selectFrom('carts').selectAll().where('id', '=', cartId));
    if (!cart) return undefined;
    const lines = sql.all(
      qb
        .selectFrom('cart_lines as l')
        .innerJoin('products as p', 'p.id', 'l.product_id')
        .select([
          'l.id',
          'l.position',
          'l.product_id',
          'l.quantity_milli',
          'l.unit_price_cents',
          'l.fixed_amount_cents',
          'l.discount_kind',
          'l.discount_value',
          'l.discount_approved_bps',
          'l.discount_approved_by',
          'l.scanned_code',
          'p.sku',
          'p.name',
          'p.unit',
          'p.igv_affectation',
          'p.icbper',
        ])
        .where('l.cart_id', '=', cartId)
        .orderBy('l.position'),
    );
    return {
      id: cart.id,
      userId: cart.user_id,
      status: cart.status,
      docType: cart.doc_type,
      customerId: cart.customer_id,
      discount: discountOf(cart.discount_kind, cart.discount_value),
      discountApprovedBps: cart.discount_approved_bps,
      discountApprovedBy: cart.discount_approved_by,
      label: cart.label,
      createdAt: cart.created_at,
      updatedAt: cart.updated_at,
      heldAt: cart.held_at,
      lines: lines.map((row) => ({
        id: row.id,
        position: row.position,
        productId: row.product_id,
        sku: row.sku,
        name: row.name,
        unit: row.unit,
        affectation: row.igv_affectation,
        icbper: row.icbper === 1,
        quantityMilli: row.quantity_milli,
        unitPriceCents: row.unit_price_cents,
        fixedAmountCents: row.fixed_amount_cents,
        discount: discountOf(row.discount_kind, row.discount_value),
        discountApprovedBps: row.discount_approved_bps,
        discountApprovedBy: row.discount_approved_by,
        scannedCode: row.scanned_code,
      })),
    };
  }

  create(userId: string): string {
    const id = newId();
    const at = this.now();
    const row: CartTable = {
      id,
      terminal_id: this.ctx.terminal.terminalId,
      user_id: userId,
      status: 'open',
      doc_type: '03',
      customer_id: null,
      discount_kind: null,
      discount_value: 0,
      discount_approved_bps: 0,
      discount_approved_by: null,
      label: null,
      created_at: at,
      updated_at: at,
      held_at: null,
    };
    this.ctx.sql.run(this.ctx.qb.insertInto('carts').values(row));
    return id;
  }

  update(cartId: string, changes: Partial<Omit<CartTable, 'id' | 'terminal_id' | 'created_at'>>): void {
    this.ctx.sql.run(
      this.ctx.qb
        .updateTable('carts')
        .set({ ...changes, updated_at: this.now() })
        .where('id', '=', cartId),
    );
  }

  addLine(
    cartId: string,
    line: Pick<
      CartLineTable,
      'product_id' | 'quantity_milli' | 'unit_price_cents' | 'fixed_amount_cents' | 'scanned_code'
    >,
  ): string {
    const { sql, qb } = this.ctx;
    const last = sql.first(
      qb
        .selectFrom('cart_lines')
        .select((eb) => eb.fn.max<number | null>('position').as('position'))
        .where('cart_id', '=', cartId),
    );
    const id = newId();
    sql.run(
      qb.insertInto('cart_lines').values({
        ...line,
        id,
        cart_id: cartId,
        position: (last?.position ?? 0) + 1,
        discount_kind: null,
        discount_value: 0,
        discount_approved_bps: 0,
        discount_approved_by: null,
        created_at: this.now(),
      }),
    );
    this.update(cartId, {});
    return id;
  }

  updateLine(
    cartId: string,
    lineId: string,
    changes: Partial<Omit<CartLineTable, 'id' | 'cart_id' | 'product_id' | 'created_at'>>,
  ): void {
    this.ctx.sql.run(
      this.ctx.qb
        .updateTable('cart_lines')
        .set(changes)
        .where('id', '=', lineId)
        .where('cart_id', '=', cartId),
    );
    this.update(cartId, {});
  }

  removeLine(cartId: string, lineId: string): void {
    this.ctx.sql.run(
      this.ctx.qb.deleteFrom('cart_lines').where('id', '=', lineId).where('cart_id', '=', cartId),
    );
    this.update(cartId, {});
  }

  delete(cartId: string): void {
    this.ctx.sql.run(this.ctx.qb.deleteFrom('carts').where('id', '=', cartId));
  }

  held(): Array<Pick<CartTable, 'id' | 'label' | 'held_at' | 'user_id'>> {
    return this.ctx.sql.all(
      this.ctx.qb
        .selectFrom('carts')
        .select(['id', 'label', 'held_at', 'user_id'])
        .where('terminal_id', '=', this.ctx.terminal.terminalId)
        .where('status', '=', 'held')
        .orderBy('held_at'),
    );
  }
}
