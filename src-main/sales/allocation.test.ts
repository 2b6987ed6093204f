import { describe, expect, it } from 'vitest';
import { allocateProportionally } from './allocation';

describe('allocateProportionally', () => {
  it('splits S/ 1.00 over 3 equal lines as 34 + 33 + 33', () => {
    expect(allocateProportionally(100, [500, 500, 500])).toEqual([34, 33, 33]);
  });

  it('follows the weights and always sums to the amount', () => {
    // 10 over 1:2:7 is exactly 1, 2, 7.
    expect(allocateProportionally(10, [100, 200, 700])).toEqual([1, 2, 7]);
    // 7 over 3:3:4 → 2.1, 2.1, 2.8 → floors 2, 2, 2 (6), the extra céntimo goes to the 0.8 remainder.
    expect(allocateProportionally(7, [3, 3, 4])).toEqual([2, 2, 3]);
    for (let amount = 0; amount <= 37; amount++) {
      const parts = allocateProportionally(amount, [13, 0, 24]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      expect(parts[1]).toBe(0);
    }
  });

  it('never gives a line more than its weight, and refuses more than the total', () => {
    expect(allocateProportionally(37, [13, 24])).toEqual([13, 24]);
    expect(() => allocateProportionally(38, [13, 24])).toThrow(RangeError);
  });
});
