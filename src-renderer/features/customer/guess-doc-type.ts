import type { IdentityDocType } from '../../../src-main/customers/identity';

/** A first guess from the shape of the number; the cashier can change it and the core validates it. */
export function guessDocType(docNumber: string): IdentityDocType {
  const value = docNumber.trim();
  if (/^\d{11}$/.test(value)) return '6';
  if (/^\d{8}$/.test(value)) return '1';
  return '4';
}
