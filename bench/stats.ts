/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile (p in 0..100]: an actual sample, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** One-line spread of a sample set, printed as progress so a p99 can be read in context. */
export function spread(samples: readonly number[], unit: string): string {
  const at = (p: number): string => percentile(samples, p).toFixed(3);
  return `n=${samples.length} p50=${at(50)} p90=${at(90)} p99=${at(99)} max=${at(100)} ${unit}`;
}
