/** The bills and coins of the count form (the core checks them again). Values in céntimos. */
export const PEN_DENOMINATIONS = [20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10] as const;
export const USD_DENOMINATIONS = [10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

export type Counts = Record<string, string>;

export interface CashCountInput {
  pen: Record<string, number>;
  usd: Record<string, number>;
}

export function denominationLabel(currency: 'pen' | 'usd', cents: number): string {
  const units = cents % 100 === 0 ? String(cents / 100) : `0.${String(cents).padStart(2, '0')}`;
  return `${currency === 'pen' ? 'S/' : 'US$'} ${units}`;
}

/** Typed counts → the core's input; null names the first field that is not a whole number. */
export function parseCounts(pen: Counts, usd: Counts): { count: CashCountInput } | { invalid: string } {
  const convert = (currency: 'pen' | 'usd', counts: Counts): Record<string, number> | string => {
    const out: Record<string, number> = {};
    for (const [value, text] of Object.entries(counts)) {
      const trimmed = text.trim();
      if (trimmed === '') continue;
      if (!/^\d{1,6}$/.test(trimmed)) return `${currency}-${value}`;
      if (Number(trimmed) > 0) out[value] = Number(trimmed);
    }
    return out;
  };
  const penCount = convert('pen', pen);
  if (typeof penCount === 'string') return { invalid: penCount };
  const usdCount = convert('usd', usd);
  if (typeof usdCount === 'string') return { invalid: usdCount };
  return { count: { pen: penCount, usd: usdCount } };
}

/** What the typed counts add up to, for the running total under the form (integer céntimos). */
export function countedCents(counts: Counts): number {
  return Object.entries(counts).reduce((sum, [value, text]) => {
    const n = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0;
    return sum + Number(value) * n;
  }, 0);
}
