import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, read at every render so that it agrees with the times around it ("3 min ago" in the same row);
 * the timer renders a quiet view again every `everyMs`, so that "in 3 h" keeps telling the truth while it stays open.
 */
export function useNow(everyMs = 30_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Date.now();
}
