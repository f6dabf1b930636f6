// Re-renders every `ms` so "5 min ago" stays true while a screen stays open.
import { useEffect, useState } from 'react';

export function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}
