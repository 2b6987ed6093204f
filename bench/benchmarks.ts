import { coreStartBenchmark } from './core-start.bench';
import { fiscalBenchmark } from './fiscal.bench';
import { fiscalDrainBenchmark } from './fiscal-drain.bench';
import { lookupBenchmark } from './lookup.bench';
import { printerBenchmark } from './printer.bench';
import { saleCommitBenchmark } from './sale-commit.bench';
import { searchBenchmark } from './search.bench';
import { seedBenchmark } from './seed.bench';
import { syncBenchmark } from './sync.bench';
import type { Benchmark } from './types';

/**
 * Run order matters: the seed builds the shared 200k store, reads run before sales write to
 * it, and core start goes last because it closes the shared core. Add new benchmarks here.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  seedBenchmark,
  lookupBenchmark,
  searchBenchmark,
  saleCommitBenchmark,
  fiscalBenchmark,
  fiscalDrainBenchmark,
  printerBenchmark,
  coreStartBenchmark,
  // Its own stores and headquarters servers: independent of the shared 200k store.
  syncBenchmark,
];
