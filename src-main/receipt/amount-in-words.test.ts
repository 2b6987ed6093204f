import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from './amount-in-words';

describe('amountInWords (SUNAT leyenda 1000)', () => {
  it.each([
    [0, 'CERO CON 00/100 SOLES'],
    [5, 'CERO CON 05/100 SOLES'],
    [100, 'UNO CON 00/100 SOLES'],
    [1_599, 'QUINCE CON 99/100 SOLES'],
    [1_600, 'DIECISEIS CON 00/100 SOLES'],
    [2_000, 'VEINTE CON 00/100 SOLES'],
    [2_100, 'VEINTIUNO CON 00/100 SOLES'],
    [2_250, 'VEINTIDOS CON 50/100 SOLES'],
    [3_100, 'TREINTA Y UNO CON 00/100 SOLES'],
    [4_540, 'CUARENTA Y CINCO CON 40/100 SOLES'],
    [10_000, 'CIEN CON 00/100 SOLES'],
    [10_100, 'CIENTO UNO CON 00/100 SOLES'],
    [11_050, 'CIENTO DIEZ CON 50/100 SOLES'],
    [50_000, 'QUINIENTOS CON 00/100 SOLES'],
    [99_999, 'NOVECIENTOS NOVENTA Y NUEVE CON 99/100 SOLES'],
    [100_000, 'MIL CON 00/100 SOLES'],
    [100_100, 'MIL UNO CON 00/100 SOLES'],
    [150_075, 'MIL QUINIENTOS CON 75/100 SOLES'],
    [2_100_000, 'VEINTIUN MIL CON 00/100 SOLES'],
    [3_100_000, 'TREINTA Y UN MIL CON 00/100 SOLES'],
    [10_000_000, 'CIEN MIL CON 00/100 SOLES'],
    [10_100_000, 'CIENTO UN MIL CON 00/100 SOLES'],
    [10_110_000, 'CIENTO UN MIL CIEN CON 00/100 SOLES'],
    [100_000_000, 'UN MILLON CON 00/100 SOLES'],
    [100_000_100, 'UN MILLON UNO CON 00/100 SOLES'],
    [200_000_000, 'DOS MILLONES CON 00/100 SOLES'],
    [2_100_000_000, 'VEINTIUN MILLONES CON 00/100 SOLES'],
    [123_456_789, 'UN MILLON DOSCIENTOS TREINTA Y CUATRO MIL QUINIENTOS SESENTA Y SIETE CON 89/100 SOLES'],
    [100_000_000_000, 'MIL MILLONES CON 00/100 SOLES'],
    [100_100_000_000, 'MIL UN MILLONES CON 00/100 SOLES'],
    [
      999_999_999_999,
      'NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL ' +
        'NOVECIENTOS NOVENTA Y NUEVE CON 99/100 SOLES',
    ],
  ])('%i céntimos → %s', (cents, words) => {
    expect(amountInWords(cents)).toBe(words);
  });

  it('writes another currency name when asked', () => {
    expect(amountInWords(2_000, 'DOLARES AMERICANOS')).toBe('VEINTE CON 00/100 DOLARES AMERICANOS');
  });

  it('never opens with UN MIL and never writes accents', () => {
    for (let units = 0; units <= 2_000_000; units += 997) {
      const words = integerInWords(units);
      expect(words).not.toMatch(/^UN MIL\b/);
      expect(words).not.toMatch(/[ÁÉÍÓÚ]/);
    }
  });

  it('rejects negatives, fractions and amounts out of range', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(10.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWords(1_000_000_000_000)).toThrow(RangeError);
  });
});
