import { describe, expect, it } from 'vitest';
import { WEDGE_MAX_GAP_MS, WedgeDetector, type WedgeResult } from './keyboard-wedge';

/** Feeds keys with the given gaps (ms) before each; returns every result. */
function feed(detector: WedgeDetector, keys: string[], gaps: number[], start = 1_000): WedgeResult[] {
  let at = start;
  return keys.map((key, i) => {
    at += gaps[i] ?? 0;
    return detector.key(key, at);
  });
}

const chars = (code: string) => [...code];

describe('WedgeDetector', () => {
  it('takes a fast burst ending in Enter as a scan, holding every key after the first', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, [...chars('7752242641970'), 'Enter'], [0, ...Array<number>(13).fill(8)]);
    expect(results[0]).toEqual({ action: 'pass', flush: '', startsBurst: true });
    expect(results.slice(1, 13).every((r) => r.action === 'hold')).toBe(true);
    expect(results[13]).toEqual({ action: 'scan', code: '7752242641970' });
  });

  it('accepts gaps of exactly the threshold and refuses one millisecond more', () => {
    const ok = feed(
      new WedgeDetector(),
      [...chars('1234'), 'Enter'],
      [0, ...Array<number>(4).fill(WEDGE_MAX_GAP_MS)],
    );
    expect(ok.at(-1)).toEqual({ action: 'scan', code: '1234' });
    const slow = feed(
      new WedgeDetector(),
      [...chars('1234'), 'Enter'],
      [0, 10, 10, WEDGE_MAX_GAP_MS + 1, 10],
    );
    expect(slow.at(-1)?.action).toBe('pass');
  });

  it('never takes normal typing as a scan', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, [...chars('20100123453'), 'Enter'], Array<number>(12).fill(90));
    expect(results.every((r) => r.action === 'pass')).toBe(true);
    expect(results.every((r) => r.action !== 'pass' || r.flush === '')).toBe(true);
  });

  it('leaves short fast bursts to the field, giving back what it held', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, ['5', '0', '0', 'Enter'], [0, 5, 5, 5]);
    expect(results.slice(1, 3)).toEqual([{ action: 'hold' }, { action: 'hold' }]);
    expect(results[3]).toEqual({ action: 'pass', flush: '00', startsBurst: false });
  });

  it('gives back held keys when a slow key breaks the burst, before that key lands', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, ['a', 'b', 'c', 'd'], [0, 10, 10, 200]);
    expect(results[3]).toEqual({ action: 'pass', flush: 'bc', startsBurst: true });
  });

  it('gives back held keys when the burst just stops (expire)', () => {
    const detector = new WedgeDetector();
    feed(detector, ['x', 'y', 'z'], [0, 5, 5]);
    expect(detector.holding).toBe(true);
    expect(detector.expire(1_010 + WEDGE_MAX_GAP_MS)).toBe('');
    expect(detector.expire(1_011 + WEDGE_MAX_GAP_MS)).toBe('yz');
    expect(detector.holding).toBe(false);
  });

  it('ignores Shift (scanners send it for capitals) without breaking the burst', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, ['A', 'Shift', 'B', 'C', 'D', 'Enter'], [0, 2, 3, 5, 5, 5]);
    expect(results.at(-1)).toEqual({ action: 'scan', code: 'ABCD' });
  });

  it('lets other keys (Backspace, arrows) through after giving back held keys', () => {
    const detector = new WedgeDetector();
    const results = feed(detector, ['1', '2', 'Backspace'], [0, 5, 5]);
    expect(results[2]).toEqual({ action: 'pass', flush: '2', startsBurst: false });
  });
});
