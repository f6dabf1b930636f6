// Screens read the device database through live queries: they re-render when the tables a query
// read change (a save, a pulled page), so what is shown is never stale.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export interface LiveResult<T> {
  /** undefined while the first answer is loading. */
  data: T | undefined;
  error: unknown;
}

export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ data: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (data) => setResult({ data, error: null }),
      error: (error: unknown) => setResult((r) => ({ data: r.data, error })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
