import { useEffect, useRef } from 'react';

/**
 * Counter shortcuts (F2 product search, F3 member, F4 new member, F9 pay, Esc back): function keys
 * work even while typing in a field, so a clerk never has to reach for the screen.
 */
export function useShortcuts(map: Record<string, () => void>): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const f = latest.current[e.key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
