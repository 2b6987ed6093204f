import type { BenchContext } from './context';

export type Better = 'lower' | 'higher';

/** One figure as stored in bench/results.json. */
export interface BenchResult {
  id: string;
  value: number;
  unit: string;
  target: number;
  better: Better;
}

/** A benchmark measures and reports; it never asserts, so one slow figure does not hide the others. */
export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
