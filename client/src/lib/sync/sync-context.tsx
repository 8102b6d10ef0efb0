import { createContext, useContext, useEffect, useState, useSyncExternalStore, type DependencyList } from 'react';
import type { ReadTransaction } from 'replicache';
import type { CloudSync } from './cloud-sync';
import type { SyncStatus } from './sync-status';

/**
 * The open CloudSync and the hooks that read it, apart from the code that opens one
 * (use-cloud-sync.tsx): the member's phone opens a read-only store of its own and need not bundle
 * the shared mutators (pricing, checkout) to read its view.
 */
export const CloudSyncContext = createContext<CloudSync | null>(null);

/** The session's CloudSync; null outside the provider and while it is being opened. */
export const useCloudSync = (): CloudSync | null => useContext(CloudSyncContext);

const NO_STATUS: SyncStatus = { pending: 0, lastPulledAt: null };
const noSubscribe = () => () => {};
const noStatus = () => NO_STATUS;

/** Queued changes and the last successful pull, live. */
export function useSyncStatus(): SyncStatus {
  const status = useCloudSync()?.status;
  return useSyncExternalStore(status?.subscribe ?? noSubscribe, status?.get ?? noStatus, noStatus);
}

/**
 * A Replicache query, re-run by Replicache whenever the keys it read change. `initial` is what is
 * shown until the first answer, and again after a switch to another user's store (so one clerk
 * never sees the previous one's data for a frame).
 */
export function useSubscribe<T>(query: (tx: ReadTransaction) => Promise<T>, initial: T, deps: DependencyList): T {
  const rep = useCloudSync()?.rep ?? null;
  const [state, setState] = useState<{ rep: unknown; value: T } | null>(null);
  useEffect(() => {
    if (!rep) return;
    return rep.subscribe(query, { onData: (value) => setState({ rep, value }) });
    // The query closure is new on every render; the caller's deps say when it really changes.
  }, [rep, ...deps]);
  return state && state.rep === rep ? state.value : initial;
}
