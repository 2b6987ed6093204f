import type { Core } from '../src-main/core/core';
import { loginAs } from '../src-main/testing/temp-core';
import type { Actor } from '../src-main/users/authenticator';
import { pick, seededRandom } from './random';
import { elapsedMs, percentile, round, spread } from './stats';
import type { Benchmark } from './types';

const WARM_UP = 20;
const SALES = 300;
const LINES = 10;
/** Cheap enough that 10 lines stay under the boleta threshold that would require identifying the customer. */
const MAX_PRICE_CENTS = 6_000;
const SQLITE_SYNCHRONOUS_FULL = 2;

function fillCart(core: Core, actor: Actor, codes: readonly string[], rand: () => number): number {
  const chosen = new Set<string>();
  while (chosen.size < LINES) chosen.add(pick(codes, rand));
  let totalCents = 0;
  for (const code of chosen) totalCents = core.carts.scan(actor, code).totals.totalCents;
  return totalCents;
}

/** Only checkout.complete is timed: one transaction with its fsync, which is what the cashier waits for. */
export const saleCommitBenchmark: Benchmark = {
  name: 'sale commit',
  async run(ctx) {
    const store = await ctx.bigStore();
    const core = await store.core();
    // The figure only means something with the durability the till runs with.
    const synchronous: unknown = core.ctx.sql.sqlite.pragma('synchronous', { simple: true });
    if (synchronous !== SQLITE_SYNCHRONOUS_FULL)
      throw new Error(`expected synchronous=FULL, got ${String(synchronous)}`);
    const { actor } = await loginAs(core, 'cajero');
    const codes = store.barcodes((p) => p.unit === 'NIU' && p.priceCents <= MAX_PRICE_CENTS);
    const rand = seededRandom(4);
    const samples: number[] = [];
    for (let i = 0; i < WARM_UP + SALES; i++) {
      const totalCents = fillCart(core, actor, codes, rand);
      const input = {
        expectedTotalCents: totalCents,
        payments: [{ method: 'cash' as const, tenderedCents: totalCents }],
      };
      const start = process.hrtime.bigint();
      core.checkout.complete(actor, input);
      if (i >= WARM_UP) samples.push(elapsedMs(start));
    }
    console.error(`    ${spread(samples, 'ms')}`);
    return [
      {
        id: 'sale.commit.p99_ms',
        value: round(percentile(samples, 99), 3),
        unit: 'ms',
        target: 250,
        better: 'lower',
      },
    ];
  },
};
