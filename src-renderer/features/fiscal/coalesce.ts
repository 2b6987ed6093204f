export interface Coalescer {
  /** Something happened: run the task soon, once for the whole burst. */
  trigger(): void;
  cancel(): void;
}

/**
 * Runs `task` once calls have stopped for `quietMs`, and at least every `maxWaitMs` while they
 * keep coming: a busy SUNAT queue sends many events, and the screen should still move.
 */
export function coalesce(task: () => void, quietMs: number, maxWaitMs: number): Coalescer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt: number | null = null;

  const fire = () => {
    timer = null;
    firstAt = null;
    task();
  };

  return {
    trigger() {
      const now = Date.now();
      firstAt ??= now;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      firstAt = null;
    },
  };
}
