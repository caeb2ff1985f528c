import { useCallback, useEffect, useRef, useState } from 'react';

/** What a polled panel shows: the newest good answer, and why a refresh failed. */
export interface Polled<T> {
  /** The newest good answer; kept while a refresh fails, so nothing flickers. */
  value?: T;
  /** The error of the last attempt, when it failed. */
  error?: Error;
  /** True only until the first answer or error: refreshes do not blank the panel. */
  loading: boolean;
  /** When `value` was received (ms since epoch). */
  loadedAt?: number;
  /** Asks again now. */
  retry: () => void;
}

/**
 * Loads with `load`, then again every `intervalMs` while mounted. A new
 * `deps` (another pipeline, another time range) starts over; answers to an
 * older question are dropped, so a slow response cannot overwrite a new one.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  deps: unknown[],
  options: { intervalMs?: number } = {},
): Polled<T> {
  const intervalMs = options.intervalMs ?? 30_000;
  const [state, setState] = useState<Omit<Polled<T>, 'retry'>>({
    loading: true,
  });
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const fetchOnce = useCallback(() => {
    const mine = generation.current;
    run().then(
      value => {
        if (mine !== generation.current) return;
        setState({ value, loading: false, loadedAt: Date.now() });
      },
      error => {
        if (mine !== generation.current) return;
        setState(previous => ({ ...previous, error, loading: false }));
      },
    );
  }, [run]);

  useEffect(() => {
    generation.current += 1;
    setState({ loading: true });
    fetchOnce();
    const timer = setInterval(fetchOnce, intervalMs);
    return () => {
      clearInterval(timer);
      generation.current += 1;
    };
  }, [fetchOnce, intervalMs]);

  return { ...state, retry: fetchOnce };
}
