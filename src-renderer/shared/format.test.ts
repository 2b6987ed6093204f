import { describe, expect, it } from 'vitest';
import {
  formatPercent,
  formatQuantity,
  formatSoles,
  parseAmountToCents,
  parseKgToMilli,
  parsePercentToBps,
} from './format';

describe('money and quantity display', () => {
  it('formats soles like the core', () => {
    expect(formatSoles(4348)).toBe('S/ 43.48');
    expect(formatSoles(123450)).toBe('S/ 1,234.50');
    expect(formatSoles(0)).toBe('S/ 0.00');
    expect(formatSoles(-5)).toBe('-S/ 0.05');
  });

  it('parses what a cashier types into céntimos, without floats', () => {
    expect(parseAmountToCents('50')).toBe(5000);
    expect(parseAmountToCents('50.5')).toBe(5050);
    expect(parseAmountToCents('1,234.50')).toBe(123450);
    expect(parseAmountToCents('S/ 20')).toBe(2000);
    expect(parseAmountToCents('0.29')).toBe(29);
    expect(parseAmountToCents('1.005')).toBeNull();
    expect(parseAmountToCents('abc')).toBeNull();
    expect(parseAmountToCents('')).toBeNull();
  });

  it('parses weights in kg and percentages', () => {
    expect(parseKgToMilli('0.750')).toBe(750);
    expect(parseKgToMilli('1,5')).toBe(1500);
    expect(parseKgToMilli('2')).toBe(2000);
    expect(parseKgToMilli('0.7505')).toBeNull();
    expect(parsePercentToBps('10')).toBe(1000);
    expect(parsePercentToBps('12.5')).toBe(1250);
    expect(formatPercent(1250)).toBe('12.5 %');
    expect(formatPercent(1000)).toBe('10 %');
  });

  it('shows units as integers and kilos with three decimals', () => {
    expect(formatQuantity(2000, 'NIU')).toBe('2');
    expect(formatQuantity(750, 'KGM')).toBe('0.750 kg');
    expect(formatQuantity(1500, 'KGM')).toBe('1.500 kg');
  });
});
