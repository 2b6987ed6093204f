import type { IgvAffectationCode, Unit } from '../../db/schema';
import { roundDiv, sum } from '../shared/money';
import { allocateProportionally } from './allocation';
import {
  computeLineTaxes,
  summarizeTotals,
  type DocumentTotals,
  type LineTaxes,
  type TaxRates,
} from './taxes';

/** A discount as the cashier typed it: an amount in céntimos or a share in basis points. */
export interface Discount {
  kind: 'amount' | 'percent';
  value: number;
}

/** What pricing needs of a cart line: the persisted line plus the product facts it sells. */
export interface CartLineInput {
  id: string;
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  affectation: IgvAffectationCode;
  icbper: boolean;
  quantityMilli: number;
  /** Shelf price when the line was scanned (per kg for KGM), IGV included. */
  unitPriceCents: number;
  /** Set by price-embedded scale labels: the customer pays exactly this. */
  fixedAmountCents: number | null;
  discount: Discount | null;
}

export interface PricedLine extends CartLineInput {
  grossCents: number;
  /** The line's own discount. */
  lineDiscountCents: number;
  /** Its share of the sale-wide discount. */
  saleDiscountCents: number;
  discountCents: number;
  amountCents: number;
  /** Effective share of the line's own discount, for the approval check. */
  lineDiscountBps: number;
  bagUnits: number;
  taxes: LineTaxes;
}

export interface PricedCart {
  lines: PricedLine[];
  saleDiscountCents: number;
  saleDiscountBps: number;
  totals: DocumentTotals;
}

export function grossOf(
  line: Pick<CartLineInput, 'fixedAmountCents' | 'unitPriceCents' | 'quantityMilli'>,
): number {
  return line.fixedAmountCents ?? roundDiv(line.unitPriceCents * line.quantityMilli, 1000);
}

/** Céntimos a discount takes from a base; amounts larger than the base are capped by the caller's validation. */
export function discountCents(discount: Discount | null, baseCents: number): number {
  if (!discount || baseCents <= 0) return 0;
  const cents = discount.kind === 'percent' ? roundDiv(baseCents * discount.value, 10_000) : discount.value;
  return Math.min(cents, baseCents);
}

function shareBps(partCents: number, baseCents: number): number {
  return baseCents > 0 ? Math.ceil((partCents * 10_000) / baseCents) : 0;
}

/**
 * Prices a cart: gross per line, the line's own discount, then the sale-wide discount
 * spread over the lines by largest remainder (bags are never discounted: ICBPER is a
 * per-unit tax), then taxes per line and the SUNAT totals. Pure: same input, same céntimos.
 */
export function priceCart(
  lines: readonly CartLineInput[],
  saleDiscount: Discount | null,
  rates: TaxRates,
): PricedCart {
  const own = lines.map((line) => {
    const grossCents = grossOf(line);
    const lineDiscountCents = line.icbper ? 0 : discountCents(line.discount, grossCents);
    return { line, grossCents, lineDiscountCents };
  });
  const discountable = own.map((o) => (o.line.icbper ? 0 : o.grossCents - o.lineDiscountCents));
  const discountableCents = sum(discountable);
  const saleDiscountCents = discountCents(saleDiscount, discountableCents);
  const shares =
    discountableCents > 0
      ? allocateProportionally(saleDiscountCents, discountable)
      : discountable.map(() => 0);

  const priced = own.map(({ line, grossCents, lineDiscountCents }, index): PricedLine => {
    const saleShare = shares[index] ?? 0;
    const discount = lineDiscountCents + saleShare;
    const bagUnits = line.icbper ? Math.floor(line.quantityMilli / 1000) : 0;
    const taxes = computeLineTaxes(
      { affectation: line.affectation, grossCents, discountCents: discount, bagUnits },
      rates,
    );
    return {
      ...line,
      grossCents,
      lineDiscountCents,
      saleDiscountCents: saleShare,
      discountCents: discount,
      amountCents: grossCents - discount,
      lineDiscountBps: shareBps(lineDiscountCents, grossCents),
      bagUnits,
      taxes,
    };
  });
  const totals = summarizeTotals(
    priced.map((p) => ({ affectation: p.affectation, discountCents: p.discountCents, taxes: p.taxes })),
  );
  return {
    lines: priced,
    saleDiscountCents,
    saleDiscountBps: shareBps(saleDiscountCents, discountableCents),
    totals,
  };
}
