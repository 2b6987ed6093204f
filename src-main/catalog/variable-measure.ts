import { gtinCheckDigit } from './gtin';

/**
 * In-store labels printed by scales: EAN-13 codes with a GS1 restricted-circulation
 * prefix (20–29) that carry the item's scale code (PLU) and either its weight or its price.
 * Layouts differ per store and per scale brand, so they are settings; rules are tried
 * in order and the first whose prefix matches decides (Odoo's nomenclature model,
 * avoiding OSPOS's "every rule overwrites the last" bug).
 */
export interface VariableMeasureRule {
  /** Code prefix this rule claims, e.g. "21". Two digits in the 20–29 range. */
  prefix: string;
  /** What the value field holds. */
  kind: 'weight' | 'price';
  /** Zero-based position and length of the PLU inside the 13 digits. */
  pluStart: number;
  pluLength: number;
  /** Zero-based position and length of the value field. */
  valueStart: number;
  valueLength: number;
  /** Weight in grams (kg with 3 decimals) or price in céntimos: both are integer thousandths/hundredths. */
}

export interface VariableMeasureReading {
  rule: VariableMeasureRule;
  plu: string;
  /** Grams for weight labels, céntimos for price labels. */
  value: number;
}

/** The common layout 2P IIIII VVVVV C: prefix, 5-digit PLU, 5-digit value, check digit. */
export const DEFAULT_VARIABLE_MEASURE_RULES: readonly VariableMeasureRule[] = [
  { prefix: '21', kind: 'weight', pluStart: 2, pluLength: 5, valueStart: 7, valueLength: 5 },
  { prefix: '22', kind: 'price', pluStart: 2, pluLength: 5, valueStart: 7, valueLength: 5 },
];

export function matchingRule(
  code: string,
  rules: readonly VariableMeasureRule[],
): VariableMeasureRule | null {
  if (code.length !== 13 || !/^2\d{12}$/.test(code)) return null;
  return rules.find((rule) => code.startsWith(rule.prefix)) ?? null;
}

/** Reads a label already known to match `rule`; the caller checks the check digit. */
export function readVariableMeasure(code: string, rule: VariableMeasureRule): VariableMeasureReading {
  const plu = code.slice(rule.pluStart, rule.pluStart + rule.pluLength);
  const value = Number(code.slice(rule.valueStart, rule.valueStart + rule.valueLength));
  return { rule, plu, value };
}

/** Builds a label as a scale would print it (tests, demo labels). */
export function buildVariableMeasureLabel(rule: VariableMeasureRule, plu: string, value: number): string {
  const digits = Array.from({ length: 12 }, () => '0');
  const place = (text: string, start: number) => {
    for (let i = 0; i < text.length; i++) digits[start + i] = text[i] ?? '0';
  };
  place(rule.prefix, 0);
  place(plu.padStart(rule.pluLength, '0'), rule.pluStart);
  place(String(value).padStart(rule.valueLength, '0'), rule.valueStart);
  const data = digits.join('');
  return data + String(gtinCheckDigit(data));
}

/** Validates rules a supervisor saves: overlapping fields or prefixes outside 20–29 are refused. */
export function validateRule(rule: VariableMeasureRule): string | null {
  if (!/^2\d$/.test(rule.prefix)) return 'el prefijo debe estar entre 20 y 29';
  const fields: Array<[number, number]> = [
    [0, rule.prefix.length],
    [rule.pluStart, rule.pluLength],
    [rule.valueStart, rule.valueLength],
  ];
  for (const [start, length] of fields) {
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(length) ||
      start < 0 ||
      length < 1 ||
      start + length > 12
    ) {
      return 'los campos deben caber en los 12 primeros dígitos';
    }
  }
  const taken = new Set<number>();
  for (const [start, length] of fields) {
    for (let i = start; i < start + length; i++) {
      if (taken.has(i)) return 'los campos del código se superponen';
      taken.add(i);
    }
  }
  if (rule.valueLength > 6) return 'el valor admite hasta 6 dígitos';
  return null;
}
