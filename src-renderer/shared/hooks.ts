import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

/** `value`, once it has stopped changing for `ms` (search as you type without a call per key burst). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Runs a call to the core: busy while it runs, and its failure kept as the error to show. */
export function useBusyAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** A value the screen loads from the core once, with its load error and a retry. */
export function useLoaded<T>(fetch: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetch);
  useEffect(() => {
    fetchRef.current().then(
      (loaded) => {
        setValue(loaded);
        setLoadError(null);
      },
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, [attempt]);
  return { value, setValue, loadError, reload: () => setAttempt((n) => n + 1) };
}
