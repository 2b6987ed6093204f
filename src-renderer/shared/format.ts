/**
 * Display and input helpers. Money formatting and parsing come from the core's own
 * money module (pure, no Node APIs: the one runtime import the renderer may make), so a
 * price reads and parses the same on screen, on the receipt and in the core.
 * Integer céntimos and thousandths only: no floating point anywhere.
 */
import { formatAmount } from '../../src-main/shared/money';

export { formatAmount, formatSoles, parseAmountToCents, roundDiv } from '../../src-main/shared/money';

/** `US$ 20.00` from US cents. */
export function formatDollars(usdCents: number): string {
  return `US$ ${formatAmount(usdCents)}`;
}

/** Parses a weight in kg (`0.750`, `1,5`, `2`) into grams (thousandths of kg); null if invalid. */
export function parseKgToMilli(text: string): number | null {
  const match = /^(\d{1,2})(?:[.,](\d{0,3}))?$/.exec(text.trim().replace(/\s*kg$/i, ''));
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** Parses a percentage (`10`, `12.5`) into basis points (1 % = 100). */
export function parsePercentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `12.5 %` from basis points. */
export function formatPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = bps % 100;
  if (fraction === 0) return `${whole} %`;
  return `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')} %`;
}

/** Quantities are integer thousandths (grams for kg, 1000 per unit): `2` or `0.750 kg`. */
export function formatQuantity(milli: number, unit: 'NIU' | 'KGM'): string {
  if (unit === 'NIU' && milli % 1000 === 0) return String(milli / 1000);
  const whole = Math.floor(Math.abs(milli) / 1000);
  const fraction = (Math.abs(milli) % 1000).toString().padStart(3, '0');
  const text = `${milli < 0 ? '-' : ''}${whole}.${fraction}`;
  return unit === 'KGM' ? `${text} kg` : text;
}

/** Parses an exchange rate (`3.745`, `3,7450`) into the rate × 10 000; null if invalid. */
export function parseRateToE4(text: string): number | null {
  const match = /^(\d{1,2})(?:[.,](\d{0,4}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/** `3.7450` from a rate × 10 000. */
export function formatRateE4(rateE4: number): string {
  return `${Math.floor(rateE4 / 10_000)}.${String(rateE4 % 10_000).padStart(4, '0')}`;
}
