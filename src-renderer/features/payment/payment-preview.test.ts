import { describe, expect, it } from 'vitest';
import { previewPayments } from './payment-preview';

describe('payment preview', () => {
  it('shows due and change from céntimos', () => {
    expect(previewPayments(3638, [{ method: 'cash', tenderedCents: 5000 }], null)).toEqual({
      paidCents: 5000,
      dueCents: 0,
      changeCents: 1362,
    });
    expect(
      previewPayments(
        2040,
        [
          { method: 'wallet', wallet: 'yape', amountCents: 1500, operationNumber: '004512345' },
          { method: 'cash', tenderedCents: 300 },
        ],
        null,
      ),
    ).toEqual({ paidCents: 1800, dueCents: 240, changeCents: 0 });
  });

  it('converts dollars at the day rate with the core rounding', () => {
    // US$ 10.00 × 3.7455 = S/ 37.455 → 37.46 (half away from zero).
    expect(previewPayments(3000, [{ method: 'usd', usdCents: 1000 }], 37_455)).toEqual({
      paidCents: 3746,
      dueCents: 0,
      changeCents: 746,
    });
    expect(previewPayments(3000, [{ method: 'usd', usdCents: 1000 }], null).dueCents).toBe(3000);
  });
});
