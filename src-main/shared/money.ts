/**
 * Money is integer céntimos everywhere in the core. These helpers keep the few
 * divisions we need exact and explicit about rounding.
 */

/** Integer division rounded half away from zero: the rounding SUNAT's examples use. */
export function roundDiv(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(
      `roundDiv needs safe integers and a non-zero denominator: ${numerator}/${denominator}`,
    );
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  const rounded = remainder * 2 >= d ? quotient + 1 : quotient;
  return sign * rounded;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `S/ 1,234.50` (negative as `-S/ 1,234.50`). */
export function formatSoles(cents: number): string {
  return `${cents < 0 ? '-' : ''}S/ ${formatAmount(Math.abs(cents))}`;
}

/** `1,234.50` from céntimos, without floating point. */
export function formatAmount(cents: number): string {
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100).toString().padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${fraction}`;
}

/** Parses what a person types (`12`, `12.5`, `1,234.50`, `S/ 5`, `US$ 20`) into céntimos; null if it is not an amount. */
export function parseAmountToCents(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^(S\/|US\$|\$)\s*/i, '')
    .replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const units = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return units * 100 + fraction;
}

/** Quantities are integer thousandths (grams for kg, 1000 per unit). */
export function formatQuantity(milli: number, unit: 'NIU' | 'KGM'): string {
  if (unit === 'NIU' && milli % 1000 === 0) return String(milli / 1000);
  const whole = Math.floor(Math.abs(milli) / 1000);
  const fraction = (Math.abs(milli) % 1000).toString().padStart(3, '0');
  return `${milli < 0 ? '-' : ''}${whole}.${fraction}`;
}
