import type { IgvAffectationCode, Unit } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { addMoney, NOTHING_CREDITED, type LineMoney, type SoldLineMoney } from './return-amounts';

/** A sale line with what credit notes have already taken back from it. */
export interface ReturnableLine extends SoldLineMoney {
  saleLineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  description: string;
  unit: Unit;
  affectation: IgvAffectationCode;
  unitPriceCents: number;
  discountCents: number;
  /** What earlier notas de crédito credited of this line (quantity and céntimos). */
  credited: LineMoney;
  /** Quantity sold minus quantity already returned. */
  returnableMilli: number;
}

/** Pure: what is still returnable of a line. */
export function returnableMilli(soldMilli: number, returnedMilli: number): number {
  return Math.max(0, soldMilli - returnedMilli);
}

/** True when nothing of the sale is left to return. */
export function fullyReturned(lines: readonly Pick<ReturnableLine, 'returnableMilli'>[]): boolean {
  return lines.every((line) => line.returnableMilli === 0);
}

/** The sale's lines with what earlier credit notes took back, in line order. */
export function loadReturnableLines(ctx: CoreContext, saleId: string): ReturnableLine[] {
  const { sql, qb } = ctx;
  const lines = sql.all(
    qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', saleId).orderBy('line_no'),
  );
  const credited = new Map<string, LineMoney>();
  const rows = sql.all(
    qb
      .selectFrom('note_lines as nl')
      .innerJoin('notes as n', 'n.id', 'nl.note_id')
      .select([
        'nl.sale_line_id',
        'nl.quantity_milli',
        'nl.amount_cents',
        'nl.taxable_cents',
        'nl.igv_cents',
        'nl.icbper_units',
        'nl.icbper_cents',
      ])
      .where('n.sale_id', '=', saleId)
      .where('n.doc_type', '=', '07'),
  );
  for (const row of rows) {
    if (!row.sale_line_id) continue;
    credited.set(
      row.sale_line_id,
      addMoney(credited.get(row.sale_line_id) ?? NOTHING_CREDITED, {
        quantityMilli: row.quantity_milli,
        amountCents: row.amount_cents,
        taxableCents: row.taxable_cents,
        igvCents: row.igv_cents,
        icbperUnits: row.icbper_units,
        icbperCents: row.icbper_cents,
      }),
    );
  }
  return lines.map((line) => {
    const before = credited.get(line.id) ?? NOTHING_CREDITED;
    return {
      saleLineId: line.id,
      lineNo: line.line_no,
      productId: line.product_id,
      sku: line.sku,
      description: line.description,
      unit: line.unit,
      affectation: line.igv_affectation,
      unitPriceCents: line.unit_price_cents,
      discountCents: line.discount_cents,
      quantityMilli: line.quantity_milli,
      amountCents: line.amount_cents,
      taxableCents: line.taxable_cents,
      igvCents: line.igv_cents,
      icbperUnits: line.icbper_units,
      icbperCents: line.icbper_cents,
      credited: before,
      returnableMilli: returnableMilli(line.quantity_milli, before.quantityMilli),
    };
  });
}
