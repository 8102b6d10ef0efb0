/** What the clerk shell shows about sync: sales still queued, and when the view was last confirmed. */
export type SyncStatus = { pending: number; lastPulledAt: number | null };

/** A tiny store for `useSyncExternalStore`: the shell re-renders when the status changes. */
export class SyncStatusStore {
  private value: SyncStatus = { pending: 0, lastPulledAt: null };
  private readonly listeners = new Set<() => void>();

  get = (): SyncStatus => this.value;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  set(patch: Partial<SyncStatus>): void {
    const next = { ...this.value, ...patch };
    if (next.pending === this.value.pending && next.lastPulledAt === this.value.lastPulledAt) return;
    this.value = next;
    for (const fn of this.listeners) fn();
  }
}
