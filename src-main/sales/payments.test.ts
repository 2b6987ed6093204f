import { describe, expect, it } from 'vitest';
import { settlePayments, usdToPen } from './payments';
import { AppError } from '../shared/errors';

const rate = () => 37450; // S/ 3.7450 per US$

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('settlePayments', () => {
  it('gives change from cash', () => {
    // Total S/ 37.85, customer hands S/ 50.00 → change S/ 12.15.
    const s = settlePayments(3785, [{ method: 'cash', tenderedCents: 5000 }], rate);
    expect(s.changeCents).toBe(1215);
    expect(s.payments[0]).toMatchObject({
      method: 'cash',
      amountCents: 3785,
      tenderedCents: 5000,
      changeCents: 1215,
    });
  });

  it('takes exact card and Yape amounts and the rest in cash', () => {
    // Total S/ 120.00: Yape S/ 70.00 (op. 12345678), cash S/ 100.00 → cash applies 50.00, change 50.00.
    const s = settlePayments(
      12000,
      [
        { method: 'wallet', wallet: 'yape', amountCents: 7000, operationNumber: '12345678' },
        { method: 'cash', tenderedCents: 10000 },
      ],
      rate,
    );
    expect(s.payments.map((p) => [p.method, p.amountCents, p.changeCents])).toEqual([
      ['wallet', 7000, 0],
      ['cash', 5000, 5000],
    ]);
    expect(s.payments[0]?.reference).toBe('12345678');
    expect(s.changeCents).toBe(5000);
  });

  it('converts dollars at the day rate and gives change in soles', () => {
    // US$ 20.00 × 3.7450 = S/ 74.90; total S/ 60.00 → change S/ 14.90.
    expect(usdToPen(2000, 37450)).toBe(7490);
    const s = settlePayments(6000, [{ method: 'usd', usdCents: 2000 }], rate);
    expect(s.payments[0]).toMatchObject({
      usdCents: 2000,
      rateE4: 37450,
      tenderedCents: 7490,
      amountCents: 6000,
    });
    expect(s.changeCents).toBe(1490);
  });

  it('rounds dollar conversions to the céntimo', () => {
    // US$ 0.33 × 3.7450 = S/ 1.23585 → S/ 1.24.
    expect(usdToPen(33, 37450)).toBe(124);
  });

  it('refuses overpaying by card, short payments and useless extra cash', () => {
    expect(codeOf(() => settlePayments(1000, [{ method: 'card', amountCents: 1500 }], rate))).toBe(
      'PAYMENT_EXCEEDS_TOTAL',
    );
    expect(codeOf(() => settlePayments(1000, [{ method: 'cash', tenderedCents: 900 }], rate))).toBe(
      'PAYMENT_INSUFFICIENT',
    );
    expect(
      codeOf(() =>
        settlePayments(
          1000,
          [
            { method: 'card', amountCents: 1000 },
            { method: 'cash', tenderedCents: 500 },
          ],
          rate,
        ),
      ),
    ).toBe('PAYMENT_UNNEEDED');
    expect(codeOf(() => settlePayments(1000, [], rate))).toBe('PAYMENT_INVALID');
    expect(
      codeOf(() =>
        settlePayments(
          1000,
          [{ method: 'wallet', wallet: 'plin', amountCents: 1000, operationNumber: ' ' }],
          rate,
        ),
      ),
    ).toBe('PAYMENT_INVALID');
    expect(codeOf(() => settlePayments(1000, [{ method: 'cash', tenderedCents: -5 }], rate))).toBe(
      'PAYMENT_INVALID',
    );
  });

  it('reports exactly what is missing', () => {
    try {
      settlePayments(
        5000,
        [
          { method: 'card', amountCents: 2000 },
          { method: 'cash', tenderedCents: 2950 },
        ],
        rate,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe('Falta cobrar S/ 0.50.');
    }
  });

  it('does not ask for the rate when no dollars are used', () => {
    const noRate = () => {
      throw new Error('rate must not be read');
    };
    expect(settlePayments(100, [{ method: 'cash', tenderedCents: 100 }], noRate).changeCents).toBe(0);
  });
});
