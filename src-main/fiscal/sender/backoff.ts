export interface RetryPolicy {
  /** First wait after a failure. */
  baseMs: number;
  /** Longest wait, however long SUNAT stays down. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 15_000, maxMs: 15 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so terminals of
 * many stores that lost SUNAT at the same moment do not all come back at the same second.
 */
export function backoffDelayMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
