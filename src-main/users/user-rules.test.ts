import { describe, expect, it } from 'vitest';
import { isValidUsername, normalizeFullName, normalizeUsername, pinProblem } from './user-rules';

describe('PIN rules', () => {
  it('accepts 4 to 8 digits that are neither one digit repeated nor a run', () => {
    for (const pin of ['2580', '1357', '90210', '12345670', '1123', '4312'])
      expect(pinProblem(pin)).toBeNull();
  });

  it('refuses the wrong length or anything but digits', () => {
    for (const pin of ['', '123', '123456789', '12a4', ' 2580', '25.80'])
      expect(pinProblem(pin)).toBe('debe tener de 4 a 8 dígitos');
  });

  it('refuses one digit repeated', () => {
    for (const pin of ['0000', '1111', '77777777'])
      expect(pinProblem(pin)).toBe('no puede ser un mismo dígito repetido (como 1111)');
  });

  it('refuses runs up or down the keypad, wrapping from 9 to 0', () => {
    for (const pin of ['1234', '0123', '4321', '3210', '7890', '0987', '12345678', '87654321', '8901'])
      expect(pinProblem(pin)).toBe('no puede ser una secuencia (como 1234 o 4321)');
  });
});

describe('usernames and names', () => {
  it('lower-cases and trims usernames, and takes 3 to 30 of a-z 0-9 . _ -', () => {
    expect(normalizeUsername('  Rosa.Q ')).toBe('rosa.q');
    for (const ok of ['ana', 'rosa.quispe', 'caja_2', 'j-ramirez', 'a'.repeat(30)])
      expect(isValidUsername(ok)).toBe(true);
    for (const bad of ['ab', 'a'.repeat(31), 'rosa quispe', 'peña', 'Rosa', 'rosa@tienda', ''])
      expect(isValidUsername(bad)).toBe(false);
  });

  it('collapses spaces in a person’s name and wants 3 to 80 characters', () => {
    expect(normalizeFullName('  Rosa   Quispe  Mamani ')).toBe('Rosa Quispe Mamani');
    expect(normalizeFullName(' Al ')).toBeNull();
    expect(normalizeFullName('x'.repeat(81))).toBeNull();
  });
});
