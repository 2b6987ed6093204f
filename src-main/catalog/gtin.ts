/**
 * GS1 identification keys read by scanners: EAN-13, EAN-8, UPC-A (GTIN-12) and GTIN-14.
 * The last digit is a mod-10 check over the others with weights 3,1,3,1… from the right.
 */

export type GtinKind = 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

const KIND_BY_LENGTH: Record<number, GtinKind> = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };

export function gtinKind(code: string): GtinKind | null {
  if (!/^\d+$/.test(code)) return null;
  return KIND_BY_LENGTH[code.length] ?? null;
}

/** Check digit for the data digits (the code without its last digit). */
export function gtinCheckDigit(dataDigits: string): number {
  let total = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    total += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (total % 10)) % 10;
}

export function hasValidGtinCheckDigit(code: string): boolean {
  if (gtinKind(code) === null) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Appends the check digit: `completeGtin('775123456789')` → `7751234567893`-style codes. */
export function completeGtin(dataDigits: string): string {
  return dataDigits + String(gtinCheckDigit(dataDigits));
}

/**
 * Other spellings of the same GTIN a store may have registered: a UPC-A read as
 * 12 digits is the EAN-13 with a leading zero and vice versa (scanners differ).
 */
export function equivalentGtins(code: string): string[] {
  if (code.length === 12) return ['0' + code];
  if (code.length === 13 && code.startsWith('0')) return [code.slice(1)];
  if (code.length === 14 && code.startsWith('0')) return [code.slice(1)];
  return [];
}
