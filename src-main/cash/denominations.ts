import { z } from 'zod';

/** Peruvian soles: bills S/ 200 … 10, coins S/ 5 … 0.10 (the 0.05 and 0.01 no longer circulate). */
export const PEN_DENOMINATIONS = [20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10] as const;
/** US dollar bills a Peruvian till takes. */
export const USD_DENOMINATIONS = [10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

const counts = (denominations: readonly number[]) =>
  z
    .record(z.string(), z.number().int().min(0).max(100_000))
    .refine((record) => Object.keys(record).every((key) => denominations.includes(Number(key))), {
      message: 'denominación desconocida',
    });

/** How many of each bill and coin (keys: the value in cents). */
export const cashCountSchema = z
  .object({ pen: counts(PEN_DENOMINATIONS), usd: counts(USD_DENOMINATIONS) })
  .strict();
export type CashCount = z.infer<typeof cashCountSchema>;

export const EMPTY_COUNT: CashCount = { pen: {}, usd: {} };

function total(record: Record<string, number>): number {
  return Object.entries(record).reduce((sum, [value, count]) => sum + Number(value) * count, 0);
}

export function countTotals(count: CashCount): { penCents: number; usdCents: number } {
  return { penCents: total(count.pen), usdCents: total(count.usd) };
}

/** `S/ 200`, `S/ 0.50`, `US$ 20` for reports. */
export function denominationLabel(currency: 'pen' | 'usd', cents: number): string {
  const units = cents % 100 === 0 ? String(cents / 100) : `0.${String(cents).padStart(2, '0')}`;
  return `${currency === 'pen' ? 'S/' : 'US$'} ${units}`;
}

/** The count as report rows, largest first, only what was counted. */
export function countRows(count: CashCount): Array<{ label: string; count: number; amountCents: number }> {
  const rows = (currency: 'pen' | 'usd', denominations: readonly number[]) =>
    denominations
      .filter((value) => (count[currency][String(value)] ?? 0) > 0)
      .map((value) => {
        const n = count[currency][String(value)] ?? 0;
        return { label: denominationLabel(currency, value), count: n, amountCents: n * value };
      });
  return [...rows('pen', PEN_DENOMINATIONS), ...rows('usd', USD_DENOMINATIONS)];
}
