import { describe, expect, it } from 'vitest';
import { formatDateTime, parseReturnQuantity, quantityText } from './history-format';

describe('history formats', () => {
  it('shows the Lima date and time as stored', () => {
    expect(formatDateTime('2026-11-23T21:05:09-05:00')).toBe('23/11/2026 21:05');
  });

  it('reads quantities to return: whole units, or kilograms for weighed products', () => {
    expect(parseReturnQuantity('2', 'NIU')).toBe(2000);
    expect(parseReturnQuantity('1.5', 'NIU')).toBeNull();
    expect(parseReturnQuantity('0.250', 'KGM')).toBe(250);
    expect(parseReturnQuantity('0,5', 'KGM')).toBe(500);
    expect(parseReturnQuantity('medio', 'KGM')).toBeNull();
    expect(quantityText(3000, 'NIU')).toBe('3');
    expect(quantityText(750, 'KGM')).toBe('0.750');
  });
});
