// What the clerk shell says about sync, as pure functions (tested in sync-display.test.ts).

/** Past this, prices and balances on the tablet may no longer be the chain's: say so. */
export const STALE_AFTER_MS = 5 * 60_000;

export type SnapshotState = 'none' | 'fresh' | 'stale';

/** How old the tablet's copy of the data is: never pulled, recent, or older than STALE_AFTER_MS. */
export function snapshotState(lastPulledAt: number | null, now: number): SnapshotState {
  if (lastPulledAt === null) return 'none';
  return now - lastPulledAt > STALE_AFTER_MS ? 'stale' : 'fresh';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 14:05, in the tablet's own time zone (the store's wall clock), 24-hour in both languages. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
