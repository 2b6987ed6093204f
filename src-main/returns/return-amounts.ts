import {
  computeLineTaxes,
  summarizeTotals,
  type DocumentTotals,
  type IgvAffectation,
  type TaxRates,
} from '../sales/taxes';
import { roundDiv } from '../shared/money';

/**
 * The céntimos of a nota de crédito line, from the sale line it returns.
 *
 * Rule: returns are prorated *cumulatively*. For a sale line of quantity Q and amount A (IGV
 * included, after discounts), having returned x of Q in total is worth round(A × x / Q)
 * (`roundDiv`, half away from zero), split into base and IGV by the sale's own tax engine
 * (`computeLineTaxes` with the sale's IGV and ICBPER rates); at x = Q it is exactly the sale
 * line. A return of q after r already returned is worth value(r + q) − what earlier notes
 * credited. Hence:
 * - a whole line returned at once copies the sale line's taxable, IGV and ICBPER céntimos;
 * - the first partial return is exactly the engine's result for its prorated amount, later
 *   ones differ from a fresh computation by at most one céntimo of IGV;
 * - no note exceeds what is left of the line, and once the whole line is returned the notes
 *   add up to the sale line to the céntimo (the differences telescope).
 */

/** Money of a sale line, or what notes have credited of it so far. */
export interface LineMoney {
  quantityMilli: number;
  /** IGV included, after discounts. */
  amountCents: number;
  taxableCents: number;
  igvCents: number;
  icbperUnits: number;
  icbperCents: number;
}

export interface SoldLineMoney extends LineMoney {
  affectation: IgvAffectation;
}

export const NOTHING_CREDITED: LineMoney = {
  quantityMilli: 0,
  amountCents: 0,
  taxableCents: 0,
  igvCents: 0,
  icbperUnits: 0,
  icbperCents: 0,
};

/** Worth of having returned `quantityMilli` of the line in total (all notes together). */
export function creditedUpTo(line: SoldLineMoney, quantityMilli: number, rates: TaxRates): LineMoney {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli < 0 || quantityMilli > line.quantityMilli) {
    throw new RangeError(`cannot credit ${quantityMilli} of a line of ${line.quantityMilli}`);
  }
  if (quantityMilli === line.quantityMilli) {
    const { affectation: _affectation, ...money } = line;
    return money;
  }
  const amountCents = roundDiv(line.amountCents * quantityMilli, line.quantityMilli);
  const icbperUnits = roundDiv(line.icbperUnits * quantityMilli, line.quantityMilli);
  const taxes = computeLineTaxes(
    { affectation: line.affectation, grossCents: amountCents, discountCents: 0, bagUnits: icbperUnits },
    rates,
  );
  return {
    quantityMilli,
    amountCents,
    taxableCents: taxes.taxableCents,
    igvCents: taxes.igvCents,
    icbperUnits,
    icbperCents: taxes.icbperCents,
  };
}

/** The note line for returning `quantityMilli` more of the line, given what was credited before. */
export function returnPiece(
  line: SoldLineMoney,
  before: LineMoney,
  quantityMilli: number,
  rates: TaxRates,
): LineMoney {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli <= 0) {
    throw new RangeError(`the returned quantity must be a positive integer: ${quantityMilli}`);
  }
  const after = creditedUpTo(line, before.quantityMilli + quantityMilli, rates);
  return {
    quantityMilli,
    amountCents: after.amountCents - before.amountCents,
    taxableCents: after.taxableCents - before.taxableCents,
    igvCents: after.igvCents - before.igvCents,
    icbperUnits: after.icbperUnits - before.icbperUnits,
    icbperCents: after.icbperCents - before.icbperCents,
  };
}

/**
 * An increase in value (nota de débito) of `increaseCents`, IGV included like every price at
 * the counter, split by the sale's tax engine. No bags: ICBPER is per bag handed over, and a
 * price increase hands over none.
 */
export function increaseMoney(
  affectation: IgvAffectation,
  increaseCents: number,
  rates: TaxRates,
): LineMoney {
  const taxes = computeLineTaxes(
    { affectation, grossCents: increaseCents, discountCents: 0, bagUnits: 0 },
    rates,
  );
  return {
    quantityMilli: 1000,
    amountCents: taxes.amountCents,
    taxableCents: taxes.taxableCents,
    igvCents: taxes.igvCents,
    icbperUnits: 0,
    icbperCents: 0,
  };
}

/** Header totals of a note, summed by the same engine as a sale's. */
export function noteTotals(
  lines: ReadonlyArray<LineMoney & { affectation: IgvAffectation }>,
): DocumentTotals {
  return summarizeTotals(
    lines.map((line) => ({
      affectation: line.affectation,
      discountCents: 0,
      taxes: {
        amountCents: line.amountCents,
        taxableCents: line.taxableCents,
        igvCents: line.igvCents,
        grossTaxableCents: line.taxableCents,
        discountTaxableCents: 0,
        icbperCents: line.icbperCents,
      },
    })),
  );
}

export function addMoney(a: LineMoney, b: LineMoney): LineMoney {
  return {
    quantityMilli: a.quantityMilli + b.quantityMilli,
    amountCents: a.amountCents + b.amountCents,
    taxableCents: a.taxableCents + b.taxableCents,
    igvCents: a.igvCents + b.igvCents,
    icbperUnits: a.icbperUnits + b.icbperUnits,
    icbperCents: a.icbperCents + b.icbperCents,
  };
}
