import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Secrets headquarters hands out: terminal tokens, admin tokens and one-time enrolment codes.
 * HQ keeps only their SHA-256; a stolen database gives no working credential.
 */

/** 32 random bytes, base64url (no `.`, so `<terminalId>.<token>` splits at its last dot). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a secret: what the database keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash. */
export function tokenMatchesHash(token: string, expectedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  // Both are SHA-256 digests; a stored value of another length is simply not a match.
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** No 0/O, 1/I/L: a code read aloud over the phone or copied from paper is typed right. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_GROUPS = 3;
const GROUP_LENGTH = 4;

/** A one-time enrolment code like `K7QF-2MXP-9TWD` (about 59 bits of randomness). */
export function newEnrolmentCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < CODE_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) {
      group += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
    }
    groups.push(group);
  }
  return groups.join('-');
}

/** Case, spaces and dashes do not matter when a person types the code back. */
export function normalizeEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function hashEnrolmentCode(code: string): string {
  return hashToken(normalizeEnrolmentCode(code));
}
