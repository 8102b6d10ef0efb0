import { useEffect, useState } from 'react';
import { secondsLeft } from './countdown';

/** Seconds left until `until` (ms since epoch, or null for none), ticking once a second. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const id = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) window.clearInterval(id);
    }, 250);
    return () => window.clearInterval(id);
  }, [until]);
  return until === null ? 0 : secondsLeft(until, now);
}
