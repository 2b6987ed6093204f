import { describe, expect, it } from 'vitest';
import { lastLoginText, parseMinutes, pinEntryProblem, userState } from './users-format';

describe('the people screen’s wording', () => {
  it('shows deactivated before locked, and the lock’s end time', () => {
    expect(userState({ active: true, lockedUntil: null })).toEqual({ kind: 'active', label: 'Activo' });
    expect(userState({ active: true, lockedUntil: '2026-11-23T10:15:00-05:00' })).toEqual({
      kind: 'locked',
      label: 'Bloqueado hasta las 10:15',
    });
    expect(userState({ active: false, lockedUntil: '2026-11-23T10:15:00-05:00' }).kind).toBe('inactive');
  });

  it('writes the last login in Lima time as stored, or "Nunca"', () => {
    expect(lastLoginText('2026-11-23T21:05:09-05:00')).toBe('23/11/2026 21:05');
    expect(lastLoginText(null)).toBe('Nunca');
  });

  it('checks a PIN typed twice before asking the core', () => {
    expect(pinEntryProblem('', '')).toBe('Ingrese el nuevo PIN.');
    expect(pinEntryProblem('25a0', '25a0')).toBe('El PIN solo lleva dígitos.');
    expect(pinEntryProblem('2580', '2581')).toBe('Los dos PIN no coinciden. Escríbalo de nuevo.');
    expect(pinEntryProblem('2580', '2580')).toBeNull();
  });

  it('reads whole minutes only', () => {
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('1.5')).toBeNull();
    expect(parseMinutes('')).toBeNull();
  });
});
