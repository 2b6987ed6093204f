/**
 * SUNAT leyenda 1000 ("monto en letras"): the total in Spanish words, uppercase and without
 * accents as in SUNAT's own samples, e.g. `CIENTO DIEZ CON 50/100 SOLES`.
 */

const MAX_CENTS = 999_999_999_999;

/** 0–29 are irregular (and 21–29 are written as one word). */
// prettier-ignore
const BELOW_THIRTY = [
  'CERO', 'UNO', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE',
  'DIEZ', 'ONCE', 'DOCE', 'TRECE', 'CATORCE', 'QUINCE', 'DIECISEIS', 'DIECISIETE', 'DIECIOCHO', 'DIECINUEVE',
  'VEINTE', 'VEINTIUNO', 'VEINTIDOS', 'VEINTITRES', 'VEINTICUATRO', 'VEINTICINCO', 'VEINTISEIS', 'VEINTISIETE',
  'VEINTIOCHO', 'VEINTINUEVE',
] as const;

// prettier-ignore
const TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA'] as const;

// prettier-ignore
const HUNDREDS = [
  '', 'CIENTO', 'DOSCIENTOS', 'TRESCIENTOS', 'CUATROCIENTOS',
  'QUINIENTOS', 'SEISCIENTOS', 'SETECIENTOS', 'OCHOCIENTOS', 'NOVECIENTOS',
] as const;

/**
 * Before a noun ("MIL", "MILLONES") "UNO" loses its last vowel: UN MILLON, VEINTIUN MIL,
 * TREINTA Y UN MIL. Only a final UNO changes.
 */
function apocopate(words: string): string {
  return words.endsWith('UNO') ? words.slice(0, -1) : words;
}

function belowHundred(n: number): string {
  if (n < 30) return BELOW_THIRTY[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  return unit === 0 ? tens : `${tens} Y ${BELOW_THIRTY[unit] ?? ''}`;
}

/** 1–999; zero is only ever spelled out for the whole amount, never inside a group. */
function belowThousand(n: number): string {
  if (n === 100) return 'CIEN';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(HUNDREDS[hundreds] ?? '');
  if (rest > 0) parts.push(belowHundred(rest));
  return parts.join(' ');
}

/** 1–999 999. `beforeNoun` applies the apocope when the whole group qualifies a following noun. */
function belowMillion(n: number, beforeNoun: boolean): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push('MIL');
  else if (thousands > 1) parts.push(`${apocopate(belowThousand(thousands))} MIL`);
  if (rest > 0) parts.push(beforeNoun ? apocopate(belowThousand(rest)) : belowThousand(rest));
  return parts.join(' ');
}

/** Whole units 0–999 999 999 999 in words. */
export function integerInWords(n: number): string {
  if (n === 0) return 'CERO';
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  const parts: string[] = [];
  if (millions === 1) parts.push('UN MILLON');
  else if (millions > 1) parts.push(`${belowMillion(millions, true)} MILLONES`);
  if (rest > 0) parts.push(belowMillion(rest, false));
  return parts.join(' ');
}

/** `11050` → `CIENTO DIEZ CON 50/100 SOLES`. */
export function amountInWords(cents: number, currency = 'SOLES'): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_CENTS) {
    throw new RangeError(`amount must be an integer of céntimos between 0 and ${MAX_CENTS}: ${cents}`);
  }
  const units = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${integerInWords(units)} CON ${fraction}/100 ${currency}`;
}
