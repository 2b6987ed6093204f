import { roundDiv } from '../../shared/money';
import { el, type XmlElement } from './xml-writer';

/**
 * Money as SUNAT reads it: integer céntimos written with two decimals by string arithmetic,
 * never through floating point. Every document we issue is in soles.
 */

export const CURRENCY = 'PEN';

/** `12.34` from céntimos. */
export function decimalAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be integer céntimos: ${cents}`);
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${fraction}`;
}

/** A ratio numerator/denominator written with a fixed number of decimals, rounded half up. */
export function decimalRatio(numerator: number, denominator: number, decimals: number): string {
  const scaled = roundDiv(numerator * 10 ** decimals, denominator);
  const whole = Math.floor(scaled / 10 ** decimals);
  const fraction = String(scaled % 10 ** decimals).padStart(decimals, '0');
  return `${whole}.${fraction}`;
}

/** An amount element with its currency, e.g. `<cbc:TaxAmount currencyID="PEN">1.80</cbc:TaxAmount>`. */
export function amount(name: string, cents: number): XmlElement {
  return el(name, { currencyID: CURRENCY }, decimalAmount(cents));
}
