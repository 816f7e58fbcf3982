import { useEffect, useState } from 'preact/hooks';
import type { LiveHub } from './liveHub';

export interface LoadState {
  error: unknown;
  loading: boolean;
  retry: () => void;
}

/**
 * Loads a list that live events then keep current: once the hub's connection is ready (a load before it could miss an
 * event sent in between, and would have to be done again), again when `deps` change, on retry, and after every
 * reconnection, since events sent while the connection was down are lost. A load that a newer one overtook is ignored.
 */
export function useResyncedLoad<T>(hub: LiveHub, load: () => Promise<T>, apply: (value: T) => void, deps: readonly unknown[]): LoadState {
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // 0 until the hub is first ready; each resync or retry counts one up.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (generation === 0) return;
    let cancelled = false;
    setLoading(true);
    setError(null);
    load()
      .then((value) => !cancelled && apply(value))
      .catch((e: unknown) => !cancelled && setError(e))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // `load` and `apply` are new closures each render; `deps` are what they read.
  }, [...deps, generation]);

  useEffect(() => hub.onResync(() => setGeneration((g) => g + 1)), [hub]);
  return { error, loading, retry: () => setGeneration((g) => g + 1) };
}
