import type { DocType } from '../../db/schema';
import { resolveScan } from '../catalog/scan-resolver';
import type { CoreContext } from '../core/context';
import type { Customer } from '../customers/customer-directory';
import { icbperRateCents } from './icbper-rates';
import { AppError } from '../shared/errors';
import { limaDate, limaTimestamp } from '../shared/lima-time';
import { formatSoles } from '../shared/money';
import type { Actor, Approval } from '../users/authenticator';
import { roleCan } from '../users/roles';
import { discountCents, grossOf, priceCart, type Discount, type PricedCart } from './cart-pricing';
import { CartStore, type StoredCart, type StoredCartLine } from './cart-store';
import { emptyCartView, type CartView, type HeldCartView } from './cart-view';
import { documentProblem } from './document-rules';

/** Most units of one line: a stuck key on the quantity field should not sell 10,000 sodas. */
const MAX_UNITS = 9_999;
/** Heaviest weighed line, in grams. */
const MAX_WEIGHT_MILLI = 99_999;

export interface PricedStoredCart {
  cart: StoredCart;
  priced: PricedCart;
  customer: Customer | null;
}

function percentText(bps: number): string {
  return `${(bps / 100).toLocaleString('es-PE', { maximumFractionDigits: 2 })} %`;
}

/**
 * The sale in progress. It lives in the database and every change is one transaction,
 * so a crash between two scans loses nothing and a restart shows the same cart.
 */
export class CartService {
  private readonly store: CartStore;

  constructor(private readonly ctx: CoreContext) {
    this.store = new CartStore(ctx);
  }

  /** The terminal's open cart, priced, or an empty view. */
  current(): CartView {
    const id = this.store.openCartId();
    return id ? this.view(id) : emptyCartView();
  }

  /** Prices a stored cart with today's rates; checkout uses the very same function. */
  price(cartId: string): PricedStoredCart {
    const cart = this.store.load(cartId);
    if (!cart) throw new AppError('CART_EMPTY');
    const rates = {
      igvBps: this.ctx.settings.get('tax.igvBps'),
      icbperCents: icbperRateCents(limaDate(this.ctx.clock.now())),
    };
    const priced = priceCart(cart.lines, cart.discount, rates);
    const customer = cart.customerId ? (this.ctx.customers.byId(cart.customerId) ?? null) : null;
    return { cart, priced, customer };
  }

  openCartId(): string | undefined {
    return this.store.openCartId();
  }

  deleteCart(cartId: string): void {
    this.store.delete(cartId);
  }

  scan(actor: Actor, code: string): CartView {
    const result = resolveScan(code, this.ctx.catalog, this.ctx.settings.get('catalog.variableMeasureRules'));
    const { product } = result;
    if (result.label === null && product.unit === 'KGM')
      throw new AppError('WEIGHT_REQUIRED', { name: product.name, productId: product.id });
    return this.mutate(actor, (cartId) => {
      if (result.label === null) {
        const cart = this.store.load(cartId);
        const same = cart?.lines.find(
          (l) => l.productId === product.id && l.fixedAmountCents === null && l.discount === null,
        );
        if (same) {
          const quantityMilli = same.quantityMilli + 1000;
          this.assertQuantity(same.unit, quantityMilli);
          this.store.updateLine(cartId, same.id, { quantity_milli: quantityMilli });
          return;
        }
      }
      this.store.addLine(cartId, {
        product_id: product.id,
        quantity_milli: result.quantityMilli ?? 1000,
        unit_price_cents: product.priceCents,
        fixed_amount_cents: result.fixedAmountCents,
        scanned_code: result.code,
      });
    });
  }

  /** From the search list; weighed products need the weight the cashier read off the scale. */
  addProduct(actor: Actor, productId: string, quantityMilli?: number): CartView {
    const product = this.ctx.catalog.byId(productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', { code: productId });
    if (!product.active) throw new AppError('PRODUCT_INACTIVE', { name: product.name });
    if (product.unit === 'KGM' && quantityMilli === undefined) {
      throw new AppError('WEIGHT_REQUIRED', { name: product.name, productId: product.id });
    }
    const quantity = quantityMilli ?? 1000;
    this.assertQuantity(product.unit, quantity);
    return this.mutate(actor, (cartId) => {
      this.store.addLine(cartId, {
        product_id: product.id,
        quantity_milli: quantity,
        unit_price_cents: product.priceCents,
        fixed_amount_cents: null,
        scanned_code: null,
      });
    });
  }

  setQuantity(actor: Actor, lineId: string, quantityMilli: number): CartView {
    return this.mutateExisting((cart) => {
      const line = this.line(cart, lineId);
      if (line.fixedAmountCents !== null) {
        throw new AppError('INVALID_QUANTITY', {
          reason: 'la etiqueta de balanza fija el importe; quite la línea y escanee otra etiqueta',
        });
      }
      this.assertQuantity(line.unit, quantityMilli);
      if (line.discount?.kind === 'amount' && line.discount.value > grossOf({ ...line, quantityMilli })) {
        throw new AppError('DISCOUNT_INVALID', {
          reason: 'el descuento de la línea supera su nuevo importe',
        });
      }
      this.store.updateLine(cart.id, line.id, { quantity_milli: quantityMilli });
      if (quantityMilli < line.quantityMilli) {
        this.ctx.audit.append({
          action: 'cart.quantity_reduced',
          entityType: 'cart',
          entityId: cart.id,
          userId: actor.userId,
          data: { lineId, sku: line.sku, before: line.quantityMilli, after: quantityMilli },
        });
      }
    });
  }

  removeLine(actor: Actor, lineId: string): CartView {
    return this.mutateExisting((cart) => {
      const line = this.line(cart, lineId);
      this.store.removeLine(cart.id, line.id);
      this.ctx.audit.append({
        action: 'cart.line_removed',
        entityType: 'cart',
        entityId: cart.id,
        userId: actor.userId,
        data: { lineId, sku: line.sku, name: line.name, quantityMilli: line.quantityMilli },
      });
    });
  }

  async setLineDiscount(
    actor: Actor,
    lineId: string,
    discount: Discount | null,
    approval?: Approval,
  ): Promise<CartView> {
    const cartId = this.requireOpenCart();
    const line = this.line(this.store.load(cartId), lineId);
    if (line.icbper && discount)
      throw new AppError('DISCOUNT_INVALID', { reason: 'la bolsa plástica no admite descuento' });
    const gross = grossOf(line);
    const bps = this.discountBps(discount, gross, 'la línea');
    const approver = await this.approveDiscount(actor, bps, approval);
    return this.mutateExisting((cart) => {
      const current = this.line(cart, lineId);
      this.store.updateLine(cart.id, current.id, {
        discount_kind: discount?.kind ?? null,
        discount_value: discount?.value ?? 0,
        discount_approved_bps: approver ? bps : 0,
        discount_approved_by: approver?.userId ?? null,
      });
      this.ctx.audit.append({
        action: 'cart.line_discount_set',
        entityType: 'cart',
        entityId: cart.id,
        userId: actor.userId,
        approverId: approver?.userId ?? null,
        data: { lineId, sku: current.sku, before: current.discount, after: discount, bps },
      });
    });
  }

  async setSaleDiscount(actor: Actor, discount: Discount | null, approval?: Approval): Promise<CartView> {
    const cartId = this.requireOpenCart();
    const { priced } = this.price(cartId);
    const base = priced.lines.reduce((n, l) => n + (l.icbper ? 0 : l.grossCents - l.lineDiscountCents), 0);
    const bps = this.discountBps(discount, base, 'la venta');
    const approver = await this.approveDiscount(actor, bps, approval);
    return this.mutateExisting((cart) => {
      this.store.update(cart.id, {
        discount_kind: discount?.kind ?? null,
        discount_value: discount?.value ?? 0,
        discount_approved_bps: approver ? bps : 0,
        discount_approved_by: approver?.userId ?? null,
      });
      this.ctx.audit.append({
        action: 'cart.sale_discount_set',
        entityType: 'cart',
        entityId: cart.id,
        userId: actor.userId,
        approverId: approver?.userId ?? null,
        data: { before: cart.discount, after: discount, bps },
      });
    });
  }

  setDocType(actor: Actor, docType: DocType): CartView {
    return this.mutate(actor, (cartId) => this.store.update(cartId, { doc_type: docType }));
  }

  setCustomer(actor: Actor, customerId: string | null): CartView {
    if (customerId !== null && !this.ctx.customers.byId(customerId)) throw new AppError('CUSTOMER_NOT_FOUND');
    return this.mutate(actor, (cartId) => this.store.update(cartId, { customer_id: customerId }));
  }

  /** Parks the sale so the next customer can be served; the counter starts empty. */
  hold(actor: Actor, label: string | null): CartView {
    this.mutateExisting((cart) => {
      if (cart.lines.length === 0) throw new AppError('CART_EMPTY');
      this.park(actor, cart, label);
    });
    return emptyCartView();
  }

  held(): HeldCartView[] {
    return this.store.held().map((row) => {
      const { cart, priced } = this.price(row.id);
      return {
        id: row.id,
        label: row.label,
        heldAt: row.held_at,
        cashier: this.ctx.users.byId(cart.userId)?.fullName ?? '',
        lineCount: cart.lines.length,
        totalCents: priced.totals.totalCents,
      };
    });
  }

  /** Brings a parked sale back; a sale in progress is parked in its place, never lost. */
  resume(actor: Actor, cartId: string): CartView {
    this.ctx.sql.transaction(() => {
      const target = this.store.load(cartId);
      if (!target || target.status !== 'held') throw new AppError('HELD_SALE_NOT_FOUND');
      const openId = this.store.openCartId();
      const open = openId ? this.store.load(openId) : undefined;
      if (open && open.lines.length > 0) this.park(actor, open, null);
      else if (open) this.store.delete(open.id);
      this.store.update(cartId, { status: 'open', held_at: null });
      this.ctx.audit.append({
        action: 'cart.resumed',
        entityType: 'cart',
        entityId: cartId,
        userId: actor.userId,
        data: { label: target.label },
      });
    });
    return this.view(cartId);
  }

  /** Esc at the counter: the whole sale goes, and the audit log keeps what was in it. */
  cancel(actor: Actor): CartView {
    this.ctx.sql.transaction(() => {
      const id = this.store.openCartId();
      const cart = id ? this.store.load(id) : undefined;
      if (!cart) return;
      const { priced } = this.price(cart.id);
      this.store.delete(cart.id);
      if (cart.lines.length > 0) {
        this.ctx.audit.append({
          action: 'cart.cancelled',
          entityType: 'cart',
          entityId: cart.id,
          userId: actor.userId,
          data: {
            totalCents: priced.totals.totalCents,
            lines: cart.lines.map((l) => ({ sku: l.sku, quantityMilli: l.quantityMilli })),
          },
        });
      }
    });
    return emptyCartView();
  }

  view(cartId: string): CartView {
    const { cart, priced, customer } = this.price(cartId);
    const problem = documentProblem(
      cart.docType,
      customer,
      priced.totals.totalCents,
      this.ctx.settings.get('sales.boletaIdentificationThresholdCents'),
    );
    return toCartView(cart, priced, customer, problem && cart.lines.length > 0 ? problem.message : null);
  }

  /** Discount share the cart's approvals cover, checked again at checkout after any edit. */
  assertDiscountsCovered(cart: StoredCart, priced: PricedCart): void {
    const limit = this.ctx.settings.get('sales.discountLimitBps');
    for (const line of priced.lines) {
      const stored = cart.lines.find((l) => l.id === line.id);
      if (line.lineDiscountBps > Math.max(limit, stored?.discountApprovedBps ?? 0)) {
        throw new AppError('APPROVAL_REQUIRED', {
          reason: `el descuento de ${line.name} (${percentText(line.lineDiscountBps)}) cambió; vuelva a aplicarlo`,
        });
      }
    }
    if (priced.saleDiscountBps > Math.max(limit, cart.discountApprovedBps)) {
      throw new AppError('APPROVAL_REQUIRED', {
        reason: `el descuento de la venta (${percentText(priced.saleDiscountBps)}) cambió; vuelva a aplicarlo`,
      });
    }
  }

  private park(actor: Actor, cart: StoredCart, label: string | null): void {
    const at = this.ctx.clock.now();
    const cleanLabel = label?.trim().slice(0, 40) || null;
    this.store.update(cart.id, { status: 'held', held_at: limaTimestamp(at), label: cleanLabel });
    this.ctx.audit.append({
      action: 'cart.held',
      entityType: 'cart',
      entityId: cart.id,
      userId: actor.userId,
      data: { label: cleanLabel, lines: cart.lines.length },
    });
  }

  private discountBps(discount: Discount | null, baseCents: number, what: string): number {
    if (!discount) return 0;
    if (!Number.isSafeInteger(discount.value) || discount.value <= 0) {
      throw new AppError('DISCOUNT_INVALID', { reason: 'debe ser mayor que cero' });
    }
    if (discount.kind === 'percent') {
      if (discount.value > 10_000)
        throw new AppError('DISCOUNT_INVALID', { reason: 'no puede pasar del 100 %' });
      return discount.value;
    }
    if (discount.value > baseCents) {
      throw new AppError('DISCOUNT_INVALID', {
        reason: `${formatSoles(discount.value)} supera el importe de ${what} (${formatSoles(baseCents)})`,
      });
    }
    return baseCents > 0 ? Math.ceil((discountCents(discount, baseCents) * 10_000) / baseCents) : 0;
  }

  /** Returns who approved when the share is over the store's limit; the actor may approve themself if their role can. */
  private async approveDiscount(
    actor: Actor,
    bps: number,
    approval: Approval | undefined,
  ): Promise<Actor | null> {
    const limit = this.ctx.settings.get('sales.discountLimitBps');
    if (bps <= limit) return null;
    if (roleCan(actor.role, 'sale.discountOverLimit')) return actor;
    if (!approval) {
      throw new AppError('APPROVAL_REQUIRED', {
        reason: `un descuento de ${percentText(bps)} supera el límite de ${percentText(limit)}`,
      });
    }
    return this.ctx.auth.approve(approval, 'sale.discountOverLimit');
  }

  private assertQuantity(unit: StoredCartLine['unit'], quantityMilli: number): void {
    if (!Number.isSafeInteger(quantityMilli) || quantityMilli <= 0) {
      throw new AppError('INVALID_QUANTITY', { reason: 'debe ser mayor que cero' });
    }
    if (unit === 'NIU') {
      if (quantityMilli % 1000 !== 0)
        throw new AppError('INVALID_QUANTITY', { reason: 'este producto se vende por unidades enteras' });
      if (quantityMilli > MAX_UNITS * 1000)
        throw new AppError('INVALID_QUANTITY', { reason: `máximo ${MAX_UNITS} unidades por línea` });
    } else if (quantityMilli > MAX_WEIGHT_MILLI) {
      throw new AppError('INVALID_QUANTITY', { reason: 'máximo 99.999 kg por línea' });
    }
  }

  private line(cart: StoredCart | undefined, lineId: string): StoredCartLine {
    const line = cart?.lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('CART_LINE_NOT_FOUND');
    return line;
  }

  private requireOpenCart(): string {
    const id = this.store.openCartId();
    if (!id) throw new AppError('CART_EMPTY');
    return id;
  }

  /** Runs a change on the open cart, creating it on first use. */
  private mutate(actor: Actor, change: (cartId: string) => void): CartView {
    const cartId = this.ctx.sql.transaction(() => {
      const id = this.store.openCartId() ?? this.store.create(actor.userId);
      change(id);
      return id;
    });
    return this.view(cartId);
  }

  private mutateExisting(change: (cart: StoredCart) => void): CartView {
    const cartId = this.ctx.sql.transaction(() => {
      const id = this.requireOpenCart();
      const cart = this.store.load(id);
      if (!cart) throw new AppError('CART_EMPTY');
      change(cart);
      return id;
    });
    return this.store.openCartId() === cartId ? this.view(cartId) : emptyCartView();
  }
}

function toCartView(
  cart: StoredCart,
  priced: PricedCart,
  customer: Customer | null,
  documentProblem: string | null,
): CartView {
  return {
    id: cart.id,
    docType: cart.docType,
    customer,
    lines: priced.lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      affectation: line.affectation,
      icbper: line.icbper,
      quantityMilli: line.quantityMilli,
      unitPriceCents: line.unitPriceCents,
      fixedAmountCents: line.fixedAmountCents,
      discount: line.discount,
      grossCents: line.grossCents,
      discountCents: line.discountCents,
      amountCents: line.amountCents,
      scannedCode: cart.lines.find((l) => l.id === line.id)?.scannedCode ?? null,
    })),
    saleDiscount: cart.discount,
    saleDiscountCents: priced.saleDiscountCents,
    totals: priced.totals,
    itemCount: priced.lines.reduce(
      (n, l) => n + (l.unit === 'NIU' ? Math.round(l.quantityMilli / 1000) : 1),
      0,
    ),
    documentProblem,
    updatedAt: cart.updatedAt,
  };
}
