import type { CoreContext } from '../core/context';
import { salePayload, type PaymentRow, type SaleLineRow, type SaleRow } from '../sync/payloads';
import { AppError } from '../shared/errors';
import { requireOpenCashSession } from '../cash/open-session';
import { newId } from '../shared/ids';
import { limaDate, limaTimestamp } from '../shared/lima-time';
import type { Actor } from '../users/authenticator';
import type { CartService } from './cart-service';
import { documentProblem } from './document-rules';
import { nextCorrelativo } from './series-counter';
import { icbperRateCents } from './icbper-rates';
import { settlePayments, type PaymentInput } from './payments';
import { documentNumber, type SaleRecords, type SaleView } from './sale-records';

/** The fiscal side of a sale, written in the sale's own transaction (see fiscal/issuing). */
export interface SaleDocumentIssuer {
  /** Throws to refuse the sale (e.g. SUNAT would reject its receipt). */
  issueForSale(sale: SaleView, userId: string): void;
}

export interface CheckoutInput {
  /** The total the cashier saw and collected; if the cart changed since, nothing is charged. */
  expectedTotalCents: number;
  payments: PaymentInput[];
}

/**
 * Turns the open cart into a completed sale in one transaction: the next correlativo of
 * its series, the sale with its lines and payments, stock out, the signed fiscal document in
 * the SUNAT queue, the outbox records for headquarters, the audit entry, and the cart gone.
 * Any failure (a receipt SUNAT would reject included) leaves none of it.
 */
export class Checkout {
  constructor(
    private readonly ctx: CoreContext,
    private readonly carts: CartService,
    private readonly sales: SaleRecords,
    private readonly documents: SaleDocumentIssuer,
  ) {}

  complete(actor: Actor, input: CheckoutInput): SaleView {
    // The view read inside the transaction is what the receipt and the caller get.
    return this.ctx.sql.transaction(() => this.write(actor, input));
  }

  private write(actor: Actor, input: CheckoutInput): SaleView {
    const { sql, qb, clock, terminal } = this.ctx;
    const cartId = this.carts.openCartId();
    if (!cartId) throw new AppError('CART_EMPTY');
    const cashSessionId = requireOpenCashSession(this.ctx);
    const { cart, priced, customer } = this.carts.price(cartId);
    if (cart.lines.length === 0) throw new AppError('CART_EMPTY');
    const { totals } = priced;
    if (totals.totalCents !== input.expectedTotalCents) {
      throw new AppError('TOTAL_CHANGED', { totalCents: totals.totalCents });
    }
    const problem = documentProblem(
      cart.docType,
      customer,
      totals.totalCents,
      this.ctx.settings.get('sales.boletaIdentificationThresholdCents'),
    );
    if (problem) throw problem;
    this.carts.assertDiscountsCovered(cart, priced);
    const settlement = settlePayments(totals.totalCents, input.payments, () =>
      this.ctx.exchangeRates.requireToday(),
    );

    const now = clock.now();
    const at = limaTimestamp(now);
    const issueDate = limaDate(now);
    const series = nextCorrelativo(this.ctx, cart.docType, at);

    const saleId = newId();
    const saleRow: SaleRow = {
      id: saleId,
      store_id: terminal.storeId,
      terminal_id: terminal.terminalId,
      user_id: actor.userId,
      doc_type: cart.docType,
      serie: series.serie,
      correlativo: series.correlativo,
      issued_at: at,
      issue_date: issueDate,
      currency: 'PEN',
      customer_id: customer?.id ?? null,
      customer_doc_type: customer?.docType ?? null,
      customer_doc_number: customer?.docNumber ?? null,
      customer_name: customer?.name ?? null,
      customer_address: customer?.address ?? null,
      gravadas_cents: totals.gravadasCents,
      exoneradas_cents: totals.exoneradasCents,
      inafectas_cents: totals.inafectasCents,
      igv_cents: totals.igvCents,
      icbper_cents: totals.icbperCents,
      discount_cents: totals.discountCents,
      total_cents: totals.totalCents,
      paid_cents: settlement.paidCents,
      change_cents: settlement.changeCents,
      igv_bps: this.ctx.settings.get('tax.igvBps'),
      icbper_rate_cents: icbperRateCents(issueDate),
      status: 'completed',
      cash_session_id: cashSessionId,
      created_at: at,
    };
    sql.run(qb.insertInto('sales').values(saleRow));
    const lineRows = priced.lines.map((line, index): SaleLineRow => ({
      id: newId(),
      sale_id: saleId,
      line_no: index + 1,
      product_id: line.productId,
      sku: line.sku,
      description: line.name,
      unit: line.unit,
      quantity_milli: line.quantityMilli,
      unit_price_cents: line.unitPriceCents,
      gross_cents: line.grossCents,
      discount_cents: line.discountCents,
      amount_cents: line.amountCents,
      igv_affectation: line.affectation,
      taxable_cents: line.taxes.taxableCents,
      gross_taxable_cents: line.taxes.grossTaxableCents,
      discount_taxable_cents: line.taxes.discountTaxableCents,
      igv_cents: line.taxes.igvCents,
      icbper_units: line.bagUnits,
      icbper_cents: line.taxes.icbperCents,
      scanned_code: cart.lines[index]?.scannedCode ?? null,
    }));
    for (const row of lineRows) sql.run(qb.insertInto('sale_lines').values(row));
    const paymentRows = settlement.payments.map((payment, index): PaymentRow => ({
      id: newId(),
      sale_id: saleId,
      seq: index + 1,
      method: payment.method,
      amount_cents: payment.amountCents,
      tendered_cents: payment.tenderedCents,
      change_cents: payment.changeCents,
      usd_cents: payment.usdCents,
      rate_e4: payment.rateE4,
      wallet: payment.wallet,
      card_brand: payment.cardBrand,
      reference: payment.reference,
      created_at: at,
    }));
    for (const row of paymentRows) sql.run(qb.insertInto('payments').values(row));
    // Built from the rows in hand (no read back), and queued first: HQ hears of the sale before
    // its stock movements and the status changes of its fiscal document.
    this.ctx.outbox.enqueue('sale.completed.v2', saleId, salePayload(saleRow, lineRows, paymentRows));
    for (const row of lineRows) {
      this.ctx.stock.record({
        productId: row.product_id,
        quantityMilli: -row.quantity_milli,
        reason: 'sale',
        saleId,
        saleLineId: row.id,
        userId: actor.userId,
      });
    }
    this.carts.deleteCart(cart.id);

    const view = this.sales.byId(saleId);
    this.documents.issueForSale(view, actor.userId);
    this.ctx.audit.append({
      action: 'sale.completed',
      entityType: 'sale',
      entityId: saleId,
      userId: actor.userId,
      approverId:
        cart.discountApprovedBy ?? cart.lines.find((l) => l.discountApprovedBy)?.discountApprovedBy ?? null,
      data: {
        number: documentNumber(series.serie, series.correlativo),
        totalCents: totals.totalCents,
        discountCents: totals.discountCents,
        payments: settlement.payments.map((p) => ({ method: p.method, amountCents: p.amountCents })),
      },
    });
    return view;
  }
}
