/**
 * What a username, a person's name and a PIN must look like. Pure, so the people screen's
 * tests and the core judge the same way; the core is the one that enforces it.
 */

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,30}$/;

/** Usernames are typed on the login screen: lower case, no spaces. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username);
}

/** Spaces collapsed; null when too short or too long for a receipt's "Cajero:" line. */
export function normalizeFullName(fullName: string): string | null {
  const name = fullName.trim().replace(/\s+/g, ' ');
  return name.length >= 3 && name.length <= 80 ? name : null;
}

/**
 * Why a PIN is refused (Spanish, for the message), or null when it is acceptable:
 * 4 to 8 digits, not one digit repeated, not a run up or down the keypad (1234, 4321,
 * 7890, 0987: wrapping round from 9 to 0 counts too).
 */
export function pinProblem(pin: string): string | null {
  if (!/^\d{4,8}$/.test(pin)) return 'debe tener de 4 a 8 dígitos';
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, i) => (digit - (digits[i] as number) + 10) % 10);
  if (steps.every((step) => step === 0)) return 'no puede ser un mismo dígito repetido (como 1111)';
  if (steps.every((step) => step === 1) || steps.every((step) => step === 9))
    return 'no puede ser una secuencia (como 1234 o 4321)';
  return null;
}
