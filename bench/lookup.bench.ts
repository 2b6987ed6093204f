import { resolveScan } from '../src-main/catalog/scan-resolver';
import { pick, seededRandom } from './random';
import { elapsedMs, percentile, round, spread } from './stats';
import type { Benchmark } from './types';

const WARM_UP = 2_000;
const LOOKUPS = 20_000;

/** What the counter does on every beep: resolveScan with the store's scale-label rules. */
export const lookupBenchmark: Benchmark = {
  name: 'barcode lookup',
  async run(ctx) {
    const store = await ctx.bigStore();
    const core = await store.core();
    const codes = store.barcodes();
    const rand = seededRandom(1);
    const resolve = (code: string): void => {
      resolveScan(code, core.ctx.catalog, core.ctx.settings.get('catalog.variableMeasureRules'));
    };
    for (let i = 0; i < WARM_UP; i++) resolve(pick(codes, rand));
    const samples: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const code = pick(codes, rand);
      const start = process.hrtime.bigint();
      resolve(code);
      samples.push(elapsedMs(start));
    }
    console.error(`    ${spread(samples, 'ms')}`);
    return [
      {
        id: 'lookup.barcode.p99_ms',
        value: round(percentile(samples, 99), 3),
        unit: 'ms',
        target: 1,
        better: 'lower',
      },
    ];
  },
};
