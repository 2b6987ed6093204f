import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after a burst has been quiet for the wait', () => {
    const task = vi.fn();
    const c = coalesce(task, 500, 3_000);
    c.trigger();
    vi.advanceTimersByTime(300);
    c.trigger();
    vi.advanceTimersByTime(300);
    c.trigger();
    vi.advanceTimersByTime(499);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('still runs every max wait while events keep coming', () => {
    const task = vi.fn();
    const c = coalesce(task, 500, 2_000);
    // An event every 200 ms for 3 s: never 500 ms of quiet.
    for (let t = 0; t < 3_000; t += 200) {
      c.trigger();
      vi.advanceTimersByTime(200);
    }
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a pending run and starts the next burst afresh', () => {
    const task = vi.fn();
    const c = coalesce(task, 500, 2_000);
    c.trigger();
    c.cancel();
    vi.advanceTimersByTime(5_000);
    expect(task).not.toHaveBeenCalled();
    c.trigger();
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
