import { useEffect, useState } from 'preact/hooks';
import type { LiveHub } from './liveHub';

export interface LoadState {
  error: unknown;
  loading: boolean;
  retry: () => void;
}

/**
 * Loads a list that live events then keep current: again when `deps` change, on retry, and after every (re)connection
 * of the hub, since events sent while the connection was down are lost. A load that a newer one overtook is ignored.
 */
export function useResyncedLoad<T>(hub: LiveHub, load: () => Promise<T>, apply: (value: T) => void, deps: readonly unknown[]): LoadState {
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reload, setReload] = useState(0);

  useEffect(() => {
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
  }, [...deps, reload]);

  useEffect(() => hub.onResync(() => setReload((r) => r + 1)), [hub]);
  return { error, loading, retry: () => setReload((r) => r + 1) };
}
