import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Session } from '../session';
import { loadDevice, onDeviceChange } from '../device';
import { openCloudSync, type CloudSync } from './cloud-sync';
import { CloudSyncContext } from './sync-context';

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

export { useCloudSync, useSubscribe, useSyncStatus } from './sync-context';
