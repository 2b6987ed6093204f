import { describe, expect, it } from 'vitest';
import {
  ENROLMENT_CODE_ALPHABET,
  hashEnrolmentCode,
  hashToken,
  newEnrolmentCode,
  newSecretToken,
  normalizeEnrolmentCode,
  tokenMatchesHash,
} from './tokens';

describe('tokens', () => {
  it('makes long random tokens that split at their last dot', () => {
    const a = newSecretToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecretToken()).not.toBe(a);
  });

  it('checks a token against its hash only', () => {
    const token = newSecretToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatchesHash(token, hash)).toBe(true);
    expect(tokenMatchesHash(`${token}x`, hash)).toBe(false);
    expect(tokenMatchesHash(token, 'abc')).toBe(false);
  });

  it('makes enrolment codes from an alphabet without look-alikes, typed back in any case', () => {
    for (const look of ['0', 'O', '1', 'I', 'L']) expect(ENROLMENT_CODE_ALPHABET).not.toContain(look);
    const codes = new Set(Array.from({ length: 200 }, () => newEnrolmentCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect([...code.replaceAll('-', '')].every((c) => ENROLMENT_CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(normalizeEnrolmentCode(' k7qf-2mxp 9twd ')).toBe('K7QF2MXP9TWD');
    expect(hashEnrolmentCode('k7qf 2mxp 9twd')).toBe(hashEnrolmentCode('K7QF-2MXP-9TWD'));
  });
});
