/**
 * Identity documents of SUNAT catálogo 06 that a counter sees, and their checks.
 * A RUC carries a mod-11 check digit; a DNI has none (8 digits is all we can verify offline).
 */

export type IdentityDocType = '0' | '1' | '4' | '6' | '7' | 'A';

export const IDENTITY_DOC_LABELS: Record<IdentityDocType, string> = {
  '0': 'Doc. trib. no domiciliado',
  '1': 'DNI',
  '4': 'Carnet de extranjería',
  '6': 'RUC',
  '7': 'Pasaporte',
  A: 'Cédula diplomática',
};

const RUC_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const RUC_PREFIXES = ['10', '15', '17', '20'];

/** Check digit over the first 10 digits: r = 11 − (Σ mod 11); 10 → 0, 11 → 1. */
export function rucCheckDigit(firstTen: string): number {
  let total = 0;
  for (let i = 0; i < 10; i++) total += (firstTen.charCodeAt(i) - 48) * (RUC_WEIGHTS[i] ?? 0);
  const r = 11 - (total % 11);
  return r === 10 ? 0 : r === 11 ? 1 : r;
}

export function isValidRuc(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  if (!RUC_PREFIXES.includes(value.slice(0, 2))) return false;
  return rucCheckDigit(value.slice(0, 10)) === value.charCodeAt(10) - 48;
}

export function isValidDni(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** Carnet de extranjería, pasaporte and the like: SUNAT accepts up to 15 characters without spaces. */
export function isValidOtherDocument(value: string): boolean {
  return /^[A-Za-z0-9-]{4,15}$/.test(value);
}

export function isValidIdentity(docType: IdentityDocType, value: string): boolean {
  switch (docType) {
    case '6':
      return isValidRuc(value);
    case '1':
      return isValidDni(value);
    default:
      return isValidOtherDocument(value);
  }
}

/** What a cashier most likely typed: 11 digits is a RUC, 8 digits a DNI. */
export function guessDocType(value: string): IdentityDocType | null {
  if (/^\d{11}$/.test(value)) return '6';
  if (/^\d{8}$/.test(value)) return '1';
  return null;
}

/** RUCs starting with 10 belong to persons; 20 to companies. Only a company has a "razón social". */
export function isCompanyRuc(value: string): boolean {
  return value.startsWith('20');
}
