import { createContext, useContext, useEffect, useState, useSyncExternalStore, type DependencyList, type ReactNode } from 'react';
import type { ReadTransaction } from 'replicache';
import type { Session } from '../session';
import { loadDevice, onDeviceChange } from '../device';
import { openCloudSync, type CloudSync } from './cloud-sync';
import type { SyncStatus } from './sync-status';

const CloudSyncContext = createContext<CloudSync | null>(null);

/**
 * One CloudSync for the signed-in session. It is opened in an effect (not during render) so that
 * StrictMode's double mount and a sign-out both close what they opened: a Replicache left open
 * would keep pulling with a revoked token. A new token or another user gets a fresh instance.
 */
export function CloudSyncProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [sync, setSync] = useState<CloudSync | null>(null);
  const { token, user } = session;
  // A tablet registered (or forgotten) reopens the store with its credential.
  const device = useSyncExternalStore(onDeviceChange, () => loadDevice()?.credential ?? '', () => '');
  // The user object is rebuilt from localStorage on a reload; only who it is matters here.
  const identity = `${token}\n${user.kind}\n${user.id}\n${device}`;
  useEffect(() => {
    const opened = openCloudSync({ baseUrl: '', token, user, device: user.kind === 'staff' ? loadDevice() : null });
    setSync(opened);
    return () => {
      setSync((current) => (current === opened ? null : current));
      void opened.close().catch(() => {});
    };
    // Keyed by identity alone (see above): a re-render with an equal session must not reopen.
  }, [identity]);
  return <CloudSyncContext.Provider value={sync}>{children}</CloudSyncContext.Provider>;
}

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
