import { describe, expect, it } from 'vitest';
import { Backoff, backoffCeiling, backoffDelay } from './backoff';

describe('backoff', () => {
  const policy = { baseMs: 2_000, maxMs: 300_000 };

  it('doubles the ceiling with each failure in a row, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffCeiling(n, policy))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
    expect(backoffCeiling(9, policy)).toBe(300_000);
    expect(backoffCeiling(10_000, policy)).toBe(300_000);
    expect(backoffCeiling(0, policy)).toBe(2_000);
  });

  it('draws uniformly between zero and the ceiling (full jitter)', () => {
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...policy, random: () => 0.5 })).toBe(4_000);
    expect(backoffDelay(3, { ...policy, random: () => 0.999999 })).toBe(7_999);
    // A broken random source cannot push the delay outside the bounds.
    expect(backoffDelay(3, { ...policy, random: () => 7 })).toBe(8_000);
    expect(backoffDelay(3, { ...policy, random: () => -1 })).toBe(0);
  });

  it('stays within bounds for any draw', () => {
    for (let failures = 1; failures < 30; failures++) {
      for (const draw of [0, 0.1, 0.5, 0.9, 0.9999]) {
        const delay = backoffDelay(failures, { ...policy, random: () => draw });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(300_000, 2_000 * 2 ** (failures - 1)));
      }
    }
  });

  it('counts failures in a row and starts over after a success', () => {
    const backoff = new Backoff({ ...policy, random: () => 0.5 });
    expect(backoff.fail()).toBe(1_000);
    expect(backoff.fail()).toBe(2_000);
    expect(backoff.fail()).toBe(4_000);
    expect(backoff.consecutiveFailures).toBe(3);
    backoff.succeed();
    expect(backoff.fail()).toBe(1_000);
  });

  it('waits between half and all of the slow delay after a refusal a person must fix', () => {
    expect(new Backoff({ ...policy, random: () => 0 }).failSlowly(300_000)).toBe(150_000);
    expect(new Backoff({ ...policy, random: () => 0.999999 }).failSlowly(300_000)).toBe(299_999);
  });
});
