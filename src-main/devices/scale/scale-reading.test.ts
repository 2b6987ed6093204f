import { describe, expect, it } from 'vitest';
import { parseScaleFrame, type ScaleReading } from './scale-reading';

const weight = (grams: number, stable = true): ScaleReading => ({ kind: 'weight', grams, stable });

describe('parseScaleFrame', () => {
  it.each<[string, ScaleReading | null]>([
    // CAS / Henkel
    ['ST,GS,+  1.234kg', weight(1234)],
    ['US,GS,+  0.500kg', weight(500, false)],
    ['ST,NT,+  0.250kg', weight(250)],
    ['ST,GS,+ 12.340 kg', weight(12_340)],
    ['ST,GS,+  0.000kg', weight(0)],
    ['ST,GS,-  0.000kg', weight(0)],
    ['ST,GS,-  0.120kg', { kind: 'negative' }],
    ['US,GS,-  0.120kg', { kind: 'negative' }],
    ['OL,GS,+  0.000kg', { kind: 'overload' }],
    ['ST,GS,   -OL-  kg', { kind: 'overload' }],
    ['ST,GS,01,+  2.005kg', weight(2005)],
    // Plain weights
    ['  1.234 kg', weight(1234)],
    ['0.750KG', weight(750)],
    ['1234 g', weight(1234)],
    ['1234g', weight(1234)],
    ['+0.050 kg', weight(50)],
    ['-1.000 kg', { kind: 'negative' }],
    ['OL', { kind: 'overload' }],
    ['O-L', { kind: 'overload' }],
    ['OVER', { kind: 'overload' }],
    // Toledo-like: STX, kg implied by the decimal point
    ['\x02 01.234\r', weight(1234)],
    ['\x02 00.005', weight(5)],
    ['\x02-00.300', { kind: 'negative' }],
    ['12.5', weight(12_500)],
    // Rounding of kg with more decimals than grams
    ['0.0006 kg', weight(1)],
    // Not a weight
    ['', null],
    ['\r\n', null],
    ['\x02\x03', null],
    ['hello', null],
    ['01234', null],
    ['1.234 lb', null],
    ['2.5 oz', null],
    ['ST,GS,+  abc kg', null],
    ['ST,GS,', null],
    ['1.2.3 kg', null],
    ['kg', null],
    ['NOT A HEADER,+ 1.000kg', null],
  ])('%j', (line, expected) => {
    expect(parseScaleFrame(line)).toEqual(expected);
  });

  it('returns whole grams', () => {
    const reading = parseScaleFrame('ST,GS,+  0.335kg');
    expect(reading).toEqual(weight(335));
    expect(reading?.kind === 'weight' && Number.isInteger(reading.grams)).toBe(true);
  });
});
