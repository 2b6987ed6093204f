import { describe, expect, it } from 'vitest';
import { completeGtin, equivalentGtins, gtinCheckDigit, gtinKind, hasValidGtinCheckDigit } from './gtin';
import {
  DEFAULT_VARIABLE_MEASURE_RULES,
  buildVariableMeasureLabel,
  matchingRule,
  readVariableMeasure,
  validateRule,
} from './variable-measure';

describe('GTIN check digits (worked by hand)', () => {
  it('EAN-13 7751271001234 style: 775127100123 → weights 3,1 from the right', () => {
    // Digits 7 7 5 1 2 7 1 0 0 1 2 3, from the right ×3,×1,…:
    // 3·3 + 2·1 + 1·3 + 0·1 + 0·3 + 1·1 + 7·3 + 2·1 + 1·3 + 5·1 + 7·3 + 7·1
    // = 9 + 2 + 3 + 0 + 0 + 1 + 21 + 2 + 3 + 5 + 21 + 7 = 74 → (10 − 4) mod 10 = 6.
    expect(gtinCheckDigit('775127100123')).toBe(6);
    expect(hasValidGtinCheckDigit('7751271001236')).toBe(true);
    expect(hasValidGtinCheckDigit('7751271001237')).toBe(false);
  });

  it('EAN-8 9638507 → 4', () => {
    // 7·3 + 0·1 + 5·3 + 8·1 + 3·3 + 6·1 + 9·3 = 21 + 0 + 15 + 8 + 9 + 6 + 27 = 86 → 4.
    expect(completeGtin('9638507')).toBe('96385074');
    expect(gtinKind('96385074')).toBe('EAN-8');
  });

  it('UPC-A 03600029145 → 2 and its EAN-13 spelling', () => {
    // 5·3 + 4·1 + 1·3 + 9·1 + 2·3 + 0 + 0 + 0·1 + 6·3 + 3·1 + 0·3 = 15+4+3+9+6+18+3 = 58 → 2.
    expect(completeGtin('03600029145')).toBe('036000291452');
    expect(gtinKind('036000291452')).toBe('UPC-A');
    expect(equivalentGtins('036000291452')).toEqual(['0036000291452']);
    expect(hasValidGtinCheckDigit('0036000291452')).toBe(true);
  });

  it('rejects what is not a GTIN', () => {
    expect(gtinKind('ABC123')).toBe(null);
    expect(gtinKind('12345')).toBe(null);
    expect(hasValidGtinCheckDigit('1234567')).toBe(false);
  });
});

describe('variable-measure labels', () => {
  const [weight, price] = DEFAULT_VARIABLE_MEASURE_RULES;

  it('reads a weight label 21 00012 01250 C as 1.250 kg of PLU 00012', () => {
    // Data 210001201250: from the right 0·3+5·1+2·3+1·1+0·3+2·1+1·3+0·1+0·3+0·1+1·3+2·1
    // = 0+5+6+1+0+2+3+0+0+0+3+2 = 22 → check 8.
    const code = '2100012012508';
    expect(hasValidGtinCheckDigit(code)).toBe(true);
    const rule = matchingRule(code, DEFAULT_VARIABLE_MEASURE_RULES);
    expect(rule).toBe(weight);
    expect(readVariableMeasure(code, rule!)).toMatchObject({ plu: '00012', value: 1250 });
    expect(buildVariableMeasureLabel(weight!, '12', 1250)).toBe(code);
  });

  it('reads a price label 22 00031 01599 C as S/ 15.99 of PLU 00031', () => {
    const code = buildVariableMeasureLabel(price!, '00031', 1599);
    expect(code.slice(0, 12)).toBe('220003101599');
    expect(hasValidGtinCheckDigit(code)).toBe(true);
    expect(readVariableMeasure(code, matchingRule(code, DEFAULT_VARIABLE_MEASURE_RULES)!)).toMatchObject({
      plu: '00031',
      value: 1599,
    });
  });

  it('only claims 13-digit codes with a configured prefix', () => {
    expect(matchingRule('2300012012508', DEFAULT_VARIABLE_MEASURE_RULES)).toBe(null);
    expect(matchingRule('7751271001236', DEFAULT_VARIABLE_MEASURE_RULES)).toBe(null);
    expect(matchingRule('210001201250', DEFAULT_VARIABLE_MEASURE_RULES)).toBe(null);
  });

  it('supports layouts with a gap (price check digit) and stops at the first match', () => {
    const rules = [
      { prefix: '20', kind: 'price' as const, pluStart: 2, pluLength: 4, valueStart: 7, valueLength: 5 },
      { prefix: '20', kind: 'weight' as const, pluStart: 2, pluLength: 5, valueStart: 7, valueLength: 5 },
    ];
    const code = completeGtin('201234900450');
    const rule = matchingRule(code, rules);
    expect(rule?.kind).toBe('price');
    expect(readVariableMeasure(code, rule!)).toMatchObject({ plu: '1234', value: 450 });
  });

  it('validates store-defined layouts', () => {
    expect(validateRule(weight!)).toBe(null);
    expect(validateRule({ ...weight!, prefix: '31' })).toMatch(/20 y 29/);
    expect(validateRule({ ...weight!, valueStart: 5 })).toMatch(/superponen/);
    expect(validateRule({ ...weight!, valueLength: 6 })).toMatch(/caber/);
  });
});
