import type { DocType } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { AppError } from '../shared/errors';
import { documentNumber, type SaleView } from './sale-view';

export { documentNumber, type SaleView };

/** Reads completed sales back from their append-only rows. */
export class SaleRecords {
  constructor(private readonly ctx: CoreContext) {}

  byId(saleId: string): SaleView {
    const { sql, qb } = this.ctx;
    const sale = sql.first(
      qb
        .selectFrom('sales as s')
        .innerJoin('store as st', 'st.id', 's.store_id')
        .innerJoin('terminal as t', 't.id', 's.terminal_id')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('s')
        .select([
          'st.ruc',
          'st.legal_name',
          'st.trade_name',
          'st.address as store_address',
          't.code as terminal_code',
          'u.full_name as cashier',
        ])
        .where('s.id', '=', saleId),
    );
    if (!sale) throw new AppError('SALE_NOT_FOUND');
    const lines = sql.all(
      qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', saleId).orderBy('line_no'),
    );
    const payments = sql.all(
      qb.selectFrom('payments').selectAll().where('sale_id', '=', saleId).orderBy('seq'),
    );
    return {
      id: sale.id,
      docType: sale.doc_type,
      serie: sale.serie,
      correlativo: sale.correlativo,
      number: documentNumber(sale.serie, sale.correlativo),
      issuedAt: sale.issued_at,
      issueDate: sale.issue_date,
      store: {
        ruc: sale.ruc,
        legalName: sale.legal_name,
        tradeName: sale.trade_name,
        address: sale.store_address,
      },
      terminalCode: sale.terminal_code,
      cashier: sale.cashier,
      customer:
        sale.customer_doc_number && sale.customer_doc_type && sale.customer_name
          ? {
              docType: sale.customer_doc_type,
              docNumber: sale.customer_doc_number,
              name: sale.customer_name,
              address: sale.customer_address,
            }
          : null,
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        description: l.description,
        unit: l.unit,
        quantityMilli: l.quantity_milli,
        unitPriceCents: l.unit_price_cents,
        grossCents: l.gross_cents,
        discountCents: l.discount_cents,
        amountCents: l.amount_cents,
        affectation: l.igv_affectation,
        igvCents: l.igv_cents,
        icbperCents: l.icbper_cents,
      })),
      payments: payments.map((p) => ({
        method: p.method,
        amountCents: p.amount_cents,
        tenderedCents: p.tendered_cents,
        changeCents: p.change_cents,
        usdCents: p.usd_cents,
        rateE4: p.rate_e4,
        wallet: p.wallet,
        cardBrand: p.card_brand,
        reference: p.reference,
      })),
      totals: {
        gravadasCents: sale.gravadas_cents,
        exoneradasCents: sale.exoneradas_cents,
        inafectasCents: sale.inafectas_cents,
        igvCents: sale.igv_cents,
        icbperCents: sale.icbper_cents,
        discountCents: sale.discount_cents,
        totalCents: sale.total_cents,
      },
      paidCents: sale.paid_cents,
      changeCents: sale.change_cents,
    };
  }

  /** Latest sales of this terminal, newest first. */
  recent(
    limit: number,
  ): Array<{ id: string; number: string; issuedAt: string; totalCents: number; docType: DocType }> {
    const { sql, qb } = this.ctx;
    return sql
      .all(
        qb
          .selectFrom('sales')
          .select(['id', 'serie', 'correlativo', 'issued_at', 'total_cents', 'doc_type'])
          .where('terminal_id', '=', this.ctx.terminal.terminalId)
          .orderBy('issued_at', 'desc')
          .orderBy('correlativo', 'desc')
          .limit(limit),
      )
      .map((s) => ({
        id: s.id,
        number: documentNumber(s.serie, s.correlativo),
        issuedAt: s.issued_at,
        totalCents: s.total_cents,
        docType: s.doc_type,
      }));
  }
}
