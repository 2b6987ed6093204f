import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- checks the renderer's copy of the core's defaults.
import { DEFAULT_DEVICE_SETTINGS } from '../../src-main/devices/device-settings-schema';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type WedgeResult } from './keyboard-wedge';

const WEDGE_MAX_GAP_MS = DEFAULT_WEDGE_SETTINGS.maxGapMs;

/** Feeds keys with the given gaps (ms) before each; returns every result. */
function feed(detector: WedgeDetector, keys: string[], gaps: number[], start = 1_000): WedgeResult[] {
  let at = start;
  return keys.map((key, i) => {
    at += gaps[i] ?? 0;
    return detector.key(key, at);
  });
}

const chars = (code: string) => [...code];
const fast = (count: number, gap = 8) => [0, ...Array<number>(count - 1).fill(gap)];
const wedge = (changes: Partial<typeof DEFAULT_WEDGE_SETTINGS>) =>
  new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, ...changes });

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

describe('WedgeDetector settings', () => {
  it("defaults to the core's wedge settings", () => {
    expect(DEFAULT_WEDGE_SETTINGS).toEqual(DEFAULT_DEVICE_SETTINGS.wedge);
  });

  it('strips a configured prefix from the code', () => {
    const detector = wedge({ prefix: ']C1' });
    const results = feed(detector, [...chars(']C17752242641970'), 'Enter'], fast(17));
    expect(results[0]).toEqual({ action: 'pass', flush: '', startsBurst: true });
    expect(results.at(-1)).toEqual({ action: 'scan', code: '7752242641970' });
  });

  it('does not take a burst without the required prefix as a scan', () => {
    const detector = wedge({ prefix: '*' });
    const results = feed(detector, [...chars('7752242641970'), 'Enter'], fast(14));
    // Nothing is held either: the keys are typing from the first one.
    expect(results).toEqual(
      Array.from({ length: 14 }, () => ({ action: 'pass', flush: '', startsBurst: false })),
    );
  });

  it('gives back what it held when a burst leaves the prefix halfway', () => {
    const detector = wedge({ prefix: ']C1' });
    const results = feed(detector, [...chars(']CX12'), 'Enter'], fast(6));
    expect(results.slice(0, 2)).toEqual([
      { action: 'pass', flush: '', startsBurst: true },
      { action: 'hold' },
    ]);
    // `C` goes back to the field, then `X` lands.
    expect(results[2]).toEqual({ action: 'pass', flush: 'C', startsBurst: false });
    expect(results.at(-1)?.action).toBe('pass');
  });

  it('needs minLength characters after the prefix', () => {
    const short = feed(wedge({ prefix: '*', minLength: 4 }), [...chars('*123'), 'Enter'], fast(5));
    expect(short.at(-1)).toEqual({ action: 'pass', flush: '123', startsBurst: false });
    const enough = feed(wedge({ prefix: '*', minLength: 4 }), [...chars('*1234'), 'Enter'], fast(6));
    expect(enough.at(-1)).toEqual({ action: 'scan', code: '1234' });
  });

  it('ends a scan with Tab when that is the suffix, and Enter then ends nothing', () => {
    const tab = feed(wedge({ suffix: 'Tab' }), [...chars('12345678'), 'Tab'], fast(9));
    expect(tab.at(-1)).toEqual({ action: 'scan', code: '12345678' });
    const enter = feed(wedge({ suffix: 'Tab' }), [...chars('12345678'), 'Enter'], fast(9));
    expect(enter.at(-1)).toEqual({ action: 'pass', flush: '2345678', startsBurst: false });
    // With the default suffix, Tab after a burst is just Tab.
    const defaultTab = feed(new WedgeDetector(), [...chars('12345678'), 'Tab'], fast(9));
    expect(defaultTab.at(-1)?.action).toBe('pass');
  });

  it('uses a custom gap threshold', () => {
    const slowScanner = wedge({ maxGapMs: 60 });
    expect(feed(slowScanner, [...chars('1234'), 'Enter'], fast(5, 60)).at(-1)).toEqual({
      action: 'scan',
      code: '1234',
    });
    expect(feed(wedge({ maxGapMs: 60 }), [...chars('1234'), 'Enter'], fast(5, 61)).at(-1)?.action).toBe(
      'pass',
    );
    // 40 ms is a scan for the 60 ms detector, not for the default 35 ms one.
    expect(feed(new WedgeDetector(), [...chars('1234'), 'Enter'], fast(5, 40)).at(-1)?.action).toBe('pass');
  });

  it('uses a custom minimum length', () => {
    expect(feed(wedge({ minLength: 8 }), [...chars('1234567'), 'Enter'], fast(8)).at(-1)?.action).toBe(
      'pass',
    );
    expect(feed(wedge({ minLength: 8 }), [...chars('12345678'), 'Enter'], fast(9)).at(-1)).toEqual({
      action: 'scan',
      code: '12345678',
    });
    expect(feed(wedge({ minLength: 1 }), ['7', 'Enter'], fast(2)).at(-1)).toEqual({
      action: 'scan',
      code: '7',
    });
  });

  it('does not take a burst of exactly minLength - 1 characters as a scan', () => {
    for (const minLength of [2, 4, 8, 13]) {
      const code = '7752242641970'.padEnd(minLength, '0').slice(0, minLength - 1);
      const results = feed(wedge({ minLength }), [...chars(code), 'Enter'], fast(minLength));
      expect(results.at(-1), `minLength ${minLength}`).toEqual({
        action: 'pass',
        flush: code.slice(1),
        startsBurst: false,
      });
    }
  });

  it('never takes slow typing (80–150 ms between keys) as a scan, whatever the settings allow', () => {
    // A fixed pseudo-random walk, so a failure can be replayed.
    let seed = 7;
    const gap = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return 80 + (seed % 71);
    };
    const settings = [{}, { minLength: 1 }, { maxGapMs: 75 }, { suffix: 'Tab' as const }, { prefix: '*' }];
    for (const changes of settings) {
      const detector = wedge(changes);
      for (const code of ['7752242641970', '*20100123453', '12', 'hola mundo']) {
        for (const suffix of ['Enter', 'Tab']) {
          const keys = [...chars(code), suffix];
          const results = feed(detector, keys, keys.map(gap));
          expect(
            results.every((r) => r.action === 'pass' && r.flush === ''),
            JSON.stringify(changes),
          ).toBe(true);
        }
      }
    }
  });
});
