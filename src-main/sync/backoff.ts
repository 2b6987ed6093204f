/**
 * Retry pacing after a failed exchange with headquarters: exponential with "full jitter"
 * (a uniform draw between 0 and the exponential ceiling). The jitter matters when a whole
 * chain's terminals lose HQ at once: they must not all come back in the same second.
 */
export interface BackoffPolicy {
  /** Ceiling of the first retry; it doubles with every further failure in a row. */
  baseMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
  /** Uniform in [0, 1); injectable so tests can pin the draw. */
  random?: () => number;
}

/** The exponential ceiling for the n-th failure in a row (1-based). */
export function backoffCeiling(failures: number, policy: Pick<BackoffPolicy, 'baseMs' | 'maxMs'>): number {
  const base = Math.max(0, policy.baseMs);
  const max = Math.max(base, policy.maxMs);
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // 2^exponent overflows to Infinity long after it passed any sane max; min() keeps it finite.
  return Math.min(max, base * 2 ** Math.min(exponent, 60));
}

/** How long to wait before the next attempt after `failures` failures in a row. */
export function backoffDelay(failures: number, policy: BackoffPolicy): number {
  const random = policy.random ?? Math.random;
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.floor(draw * backoffCeiling(failures, policy));
}

/**
 * The failures-in-a-row counter and its next delay. `fail()` answers the wait before the
 * next attempt; `succeed()` starts over.
 */
export class Backoff {
  private failures = 0;

  constructor(private readonly policy: BackoffPolicy) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  fail(): number {
    this.failures += 1;
    return backoffDelay(this.failures, this.policy);
  }

  /**
   * A refusal that retrying soon cannot fix (revoked credential, schema too old): wait near
   * the ceiling, still jittered so the whole chain does not knock at once.
   */
  failSlowly(slowMs: number): number {
    this.failures += 1;
    const random = this.policy.random ?? Math.random;
    const draw = Math.min(Math.max(random(), 0), 1);
    return Math.floor(slowMs / 2 + (draw * slowMs) / 2);
  }

  succeed(): void {
    this.failures = 0;
  }
}
