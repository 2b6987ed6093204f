import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a test may compare the renderer's copy with the core's list.
import * as core from '../../../src-main/cash/denominations';
import { countedCents, parseCounts, PEN_DENOMINATIONS, USD_DENOMINATIONS } from './denominations';

describe('count form', () => {
  it('offers the same bills and coins the core accepts', () => {
    expect(PEN_DENOMINATIONS).toEqual(core.PEN_DENOMINATIONS);
    expect(USD_DENOMINATIONS).toEqual(core.USD_DENOMINATIONS);
  });

  it('adds up what was typed and names the first field that is not a count', () => {
    expect(countedCents({ '10000': '2', '50': '1', '10': '' })).toBe(20_050);
    expect(parseCounts({ '10000': '2', '50': ' 1 ', '20': '0' }, { '2000': '1' })).toEqual({
      count: { pen: { '10000': 2, '50': 1 }, usd: { '2000': 1 } },
    });
    expect(parseCounts({ '10000': '2.5' }, {})).toEqual({ invalid: 'pen-10000' });
    expect(parseCounts({}, { '100': '-1' })).toEqual({ invalid: 'usd-100' });
  });
});
