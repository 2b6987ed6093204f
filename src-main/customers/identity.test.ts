import { describe, expect, it } from 'vitest';
import { guessDocType, isValidDni, isValidIdentity, isValidRuc, rucCheckDigit } from './identity';

describe('RUC check digit', () => {
  // Worked by hand with weights 5,4,3,2,7,6,5,4,3,2:
  // 2013131295: 2·5+0·4+1·3+3·2+1·7+3·6+1·5+2·4+9·3+5·2 = 10+0+3+6+7+18+5+8+27+10 = 94;
  // 94 mod 11 = 6; 11 − 6 = 5 → 20131312955 (SUNAT's own RUC).
  it('computes SUNAT RUC 20131312955', () => {
    expect(rucCheckDigit('2013131295')).toBe(5);
    expect(isValidRuc('20131312955')).toBe(true);
  });

  // 2010007097: 10+0+3+0+0+0+35+0+27+14 = 89; 89 mod 11 = 1; 11 − 1 = 10 → 0.
  it('maps r = 10 to 0 (20100070970, Alicorp-style number)', () => {
    expect(rucCheckDigit('2010007097')).toBe(0);
    expect(isValidRuc('20100070970')).toBe(true);
  });

  // 1000000000: 1·5 = 5; 5 mod 11 = 5; 11 − 5 = 6 → 10000000006.
  it('validates a persona natural RUC starting with 10', () => {
    expect(isValidRuc('10000000006')).toBe(true);
  });

  // 2000000000 → 2·5 = 10; 10 mod 11 = 10; 11 − 10 = 1 → 20000000001 (SUNAT beta test RUC).
  it('validates 20000000001, the beta test RUC', () => {
    expect(isValidRuc('20000000001')).toBe(true);
  });

  // 2000000006: 2·5 + 6·2 = 22; 22 mod 11 = 0; 11 − 0 = 11 → 1.
  it('maps r = 11 to 1', () => {
    expect(rucCheckDigit('2000000006')).toBe(1);
    expect(isValidRuc('20000000061')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length, letters and unknown prefixes', () => {
    expect(isValidRuc('20131312954')).toBe(false);
    expect(isValidRuc('2013131295')).toBe(false);
    expect(isValidRuc('201313129555')).toBe(false);
    expect(isValidRuc('2013131295A')).toBe(false);
    // 3000000000: 3·5 = 15 ≡ 4 → r 7; valid digit but prefix 30 is not a RUC prefix.
    expect(isValidRuc('30000000007')).toBe(false);
  });
});

describe('DNI and other documents', () => {
  it('accepts exactly 8 digits as DNI', () => {
    expect(isValidDni('45678912')).toBe(true);
    expect(isValidDni('4567891')).toBe(false);
    expect(isValidDni('456789123')).toBe(false);
    expect(isValidDni('4567891A')).toBe(false);
  });

  it('accepts passports and CE up to 15 characters without spaces', () => {
    expect(isValidIdentity('7', 'AB1234567')).toBe(true);
    expect(isValidIdentity('4', '001234567')).toBe(true);
    expect(isValidIdentity('7', 'AB 12345')).toBe(false);
    expect(isValidIdentity('7', '1234567890123456')).toBe(false);
  });

  it('guesses the document type from its length', () => {
    expect(guessDocType('20131312955')).toBe('6');
    expect(guessDocType('45678912')).toBe('1');
    expect(guessDocType('AB123')).toBe(null);
  });
});
