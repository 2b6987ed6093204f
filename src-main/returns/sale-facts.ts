import type { DocType, FiscalStatus, PaymentMethodCode, RefundMethod } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { documentNumber } from '../sales/sale-view';
import type { TaxRates } from '../sales/taxes';
import { AppError } from '../shared/errors';

/** What returns, voids and debit notes need to know about a recorded sale. */
export interface SaleFacts {
  id: string;
  docType: DocType;
  serie: string;
  correlativo: number;
  number: string;
  issueDate: string;
  totalCents: number;
  /** The rates the sale was taxed with: its notes use the same ones. */
  rates: TaxRates;
  paymentMethods: PaymentMethodCode[];
  voided: boolean;
  /** Credit and debit notes issued against it. */
  noteCount: number;
  /** Its boleta/factura in the SUNAT queue (null only for sales recorded before the fiscal module). */
  fiscalStatus: FiscalStatus | null;
}

export function loadSaleFacts(ctx: CoreContext, saleId: string): SaleFacts {
  const { sql, qb } = ctx;
  const sale = sql.first(
    qb
      .selectFrom('sales')
      .select([
        'id',
        'doc_type',
        'serie',
        'correlativo',
        'issue_date',
        'total_cents',
        'igv_bps',
        'icbper_rate_cents',
      ])
      .where('id', '=', saleId),
  );
  if (!sale) throw new AppError('SALE_NOT_FOUND');
  const payments = sql.all(qb.selectFrom('payments').select('method').where('sale_id', '=', saleId));
  const voided = sql.first(qb.selectFrom('sale_voids').select('id').where('sale_id', '=', saleId));
  const notes = sql.first(
    qb
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sale_id', '=', saleId),
  );
  const fiscal = sql.first(
    qb
      .selectFrom('fiscal_documents')
      .select('status')
      .where('sale_id', '=', saleId)
      .where('note_id', 'is', null),
  );
  return {
    id: sale.id,
    docType: sale.doc_type,
    serie: sale.serie,
    correlativo: sale.correlativo,
    number: documentNumber(sale.serie, sale.correlativo),
    issueDate: sale.issue_date,
    totalCents: sale.total_cents,
    rates: { igvBps: sale.igv_bps, icbperCents: sale.icbper_rate_cents },
    paymentMethods: [...new Set(payments.map((p) => p.method))],
    voided: voided !== undefined,
    noteCount: notes?.n ?? 0,
    fiscalStatus: fiscal?.status ?? null,
  };
}

/** Why a refund by this method is impossible for the sale, or null. Cash can always be handed back. */
export function refundMethodProblem(
  method: RefundMethod,
  paidWith: readonly PaymentMethodCode[],
): string | null {
  if (method === 'card' && !paidWith.includes('card')) {
    return 'la venta no se pagó con tarjeta: reembolse en efectivo';
  }
  if (method === 'wallet' && !paidWith.includes('wallet')) {
    return 'la venta no se pagó con Yape o Plin: reembolse en efectivo';
  }
  return null;
}
