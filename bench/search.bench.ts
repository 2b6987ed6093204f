import { seededRandom } from './random';
import { asYouTypeQueries } from './search-queries';
import { elapsedMs, percentile, round, spread } from './stats';
import type { Benchmark } from './types';

const WARM_UP = 200;
const QUERIES = 2_500;
const LIMIT = 30;

/** Every keystroke in the search box runs one query, so each keystroke state is a sample. */
export const searchBenchmark: Benchmark = {
  name: 'name search',
  async run(ctx) {
    const store = await ctx.bigStore();
    const { catalog } = (await store.core()).ctx;
    for (const text of asYouTypeQueries(store.products, WARM_UP, seededRandom(2)))
      catalog.search(text, LIMIT);
    const samples: number[] = [];
    for (const text of asYouTypeQueries(store.products, QUERIES, seededRandom(3))) {
      const start = process.hrtime.bigint();
      catalog.search(text, LIMIT);
      samples.push(elapsedMs(start));
    }
    console.error(`    ${spread(samples, 'ms')}`);
    return [
      {
        id: 'search.name.p99_ms',
        value: round(percentile(samples, 99), 3),
        unit: 'ms',
        target: 15,
        better: 'lower',
      },
    ];
  },
};
