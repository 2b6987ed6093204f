import { roundDiv } from '../shared/money';

/**
 * Peruvian sales taxes for a shelf-price (IGV-included) store, in integer céntimos.
 *
 * Per line: the amount paid for goods (IGV included) is split into base (valor de venta)
 * and IGV with base = round(amount / 1.18) and IGV = amount − base, so the two always add
 * back to what the customer pays. Document IGV is the sum of line IGVs, which SUNAT accepts
 * (it compares header sums against recomputed values within ±1.00). ICBPER is added on top
 * per bag and is not part of any base.
 */

/** SUNAT catálogo 07: 10 gravado – operación onerosa, 20 exonerado, 30 inafecto. */
export type IgvAffectation = '10' | '20' | '30';

export interface TaxRates {
  /** IGV (16 % + 2 % IPM) in basis points: 1800 = 18.00 %. */
  igvBps: number;
  /** ICBPER per plastic bag in céntimos, for the issue date. */
  icbperCents: number;
}

export interface LineTaxInput {
  affectation: IgvAffectation;
  /** Price × quantity, IGV included, before discounts. */
  grossCents: number;
  /** Discount on this line, IGV included (its own plus its share of a sale-wide discount). */
  discountCents: number;
  /** Bags subject to ICBPER on this line (0 for everything else). */
  bagUnits: number;
}

export interface LineTaxes {
  /** What the customer pays for the goods: gross − discount, IGV included. */
  amountCents: number;
  /** Valor de venta after discounts (base without IGV; equals amount when not gravado). */
  taxableCents: number;
  igvCents: number;
  /** Base before the discount, and the discount without IGV: taxable = grossTaxable − discountTaxable. */
  grossTaxableCents: number;
  discountTaxableCents: number;
  icbperCents: number;
}

export interface DocumentTotals {
  /** Op. gravadas: sum of the bases of gravado lines. */
  gravadasCents: number;
  exoneradasCents: number;
  inafectasCents: number;
  igvCents: number;
  icbperCents: number;
  /** Discounts given, IGV included (informative; already subtracted from the lines). */
  discountCents: number;
  /** Importe total: gravadas + exoneradas + inafectas + IGV + ICBPER. */
  totalCents: number;
}

/** Base of an IGV-included amount: round(amount × 10000 / (10000 + rate)). */
export function baseOfIncluded(amountCents: number, igvBps: number): number {
  return roundDiv(amountCents * 10_000, 10_000 + igvBps);
}

export function computeLineTaxes(line: LineTaxInput, rates: TaxRates): LineTaxes {
  if (!Number.isSafeInteger(line.grossCents) || line.grossCents < 0) {
    throw new RangeError(`gross must be a non-negative integer of céntimos: ${line.grossCents}`);
  }
  if (
    !Number.isSafeInteger(line.discountCents) ||
    line.discountCents < 0 ||
    line.discountCents > line.grossCents
  ) {
    throw new RangeError(`discount must be between 0 and the gross amount: ${line.discountCents}`);
  }
  if (!Number.isSafeInteger(line.bagUnits) || line.bagUnits < 0) {
    throw new RangeError(`bag units must be a non-negative integer: ${line.bagUnits}`);
  }
  const amountCents = line.grossCents - line.discountCents;
  const icbperCents = line.bagUnits * rates.icbperCents;
  if (line.affectation !== '10') {
    return {
      amountCents,
      taxableCents: amountCents,
      igvCents: 0,
      grossTaxableCents: line.grossCents,
      discountTaxableCents: line.discountCents,
      icbperCents,
    };
  }
  const taxableCents = baseOfIncluded(amountCents, rates.igvBps);
  const grossTaxableCents = baseOfIncluded(line.grossCents, rates.igvBps);
  return {
    amountCents,
    taxableCents,
    igvCents: amountCents - taxableCents,
    grossTaxableCents,
    discountTaxableCents: grossTaxableCents - taxableCents,
    icbperCents,
  };
}

export function emptyTotals(): DocumentTotals {
  return {
    gravadasCents: 0,
    exoneradasCents: 0,
    inafectasCents: 0,
    igvCents: 0,
    icbperCents: 0,
    discountCents: 0,
    totalCents: 0,
  };
}

export function summarizeTotals(
  lines: ReadonlyArray<{ affectation: IgvAffectation; discountCents: number; taxes: LineTaxes }>,
): DocumentTotals {
  const totals = emptyTotals();
  for (const { affectation, discountCents, taxes } of lines) {
    if (affectation === '10') totals.gravadasCents += taxes.taxableCents;
    else if (affectation === '20') totals.exoneradasCents += taxes.taxableCents;
    else totals.inafectasCents += taxes.taxableCents;
    totals.igvCents += taxes.igvCents;
    totals.icbperCents += taxes.icbperCents;
    totals.discountCents += discountCents;
    totals.totalCents += taxes.amountCents + taxes.icbperCents;
  }
  return totals;
}
