import { describe, expect, it } from 'vitest';
import { priceCart, type CartLineInput } from './cart-pricing';

const rates = { igvBps: 1800, icbperCents: 50 };

function line(overrides: Partial<CartLineInput> & Pick<CartLineInput, 'id'>): CartLineInput {
  return {
    productId: overrides.id,
    sku: overrides.id,
    name: overrides.id,
    unit: 'NIU',
    affectation: '10',
    icbper: false,
    quantityMilli: 1000,
    unitPriceCents: 1000,
    fixedAmountCents: null,
    discount: null,
    ...overrides,
  };
}

describe('cart pricing (worked by hand)', () => {
  it('spreads a sale discount over gravado and exonerado lines but never over the bag', () => {
    const priced = priceCart(
      [
        line({ id: 'A' }), // S/ 10.00 gravado
        line({ id: 'B', affectation: '20', unitPriceCents: 500 }), // S/ 5.00 exonerado
        line({ id: 'C', icbper: true, unitPriceCents: 10, quantityMilli: 2000 }), // 2 bags S/ 0.10
      ],
      { kind: 'percent', value: 1000 },
      rates,
    );
    // 10 % of the discountable 15.00 = 1.50, split 1.00 / 0.50 by amount.
    expect(priced.lines.map((l) => l.saleDiscountCents)).toEqual([100, 50, 0]);
    // A: 9.00 → base round(900 / 1.18 = 762.71) = 763, IGV 137. C: 0.20 → base 17, IGV 3, ICBPER 2 × 0.50.
    expect(priced.totals).toEqual({
      gravadasCents: 780,
      exoneradasCents: 450,
      inafectasCents: 0,
      igvCents: 140,
      icbperCents: 100,
      discountCents: 150,
      totalCents: 1470,
    });
    expect(priced.saleDiscountBps).toBe(1000);
  });

  it('prices a weighed line half away from zero and a price label at its printed amount', () => {
    const priced = priceCart(
      [
        line({ id: 'W', unit: 'KGM', unitPriceCents: 3490, quantityMilli: 750 }), // 26.175 → 26.18
        line({ id: 'P', unit: 'KGM', unitPriceCents: 1290, quantityMilli: 388, fixedAmountCents: 500 }),
      ],
      null,
      rates,
    );
    expect(priced.lines.map((l) => l.grossCents)).toEqual([2618, 500]);
    expect(priced.totals.totalCents).toBe(3118);
  });

  it('reports the share of a line discount in basis points, rounded up so a limit cannot be dodged', () => {
    const priced = priceCart(
      [line({ id: 'A', unitPriceCents: 300, discount: { kind: 'amount', value: 31 } })],
      null,
      rates,
    );
    // 0.31 of 3.00 is 10.33 % → 1034 bps, above a 10 % limit.
    expect(priced.lines[0]?.lineDiscountBps).toBe(1034);
    expect(priced.lines[0]?.amountCents).toBe(269);
  });

  it('never lets an amount discount go past the line or the sale', () => {
    const priced = priceCart(
      [line({ id: 'A', unitPriceCents: 300, discount: { kind: 'amount', value: 999 } })],
      { kind: 'amount', value: 5000 },
      rates,
    );
    expect(priced.lines[0]?.amountCents).toBe(0);
    expect(priced.totals.totalCents).toBe(0);
  });
});
