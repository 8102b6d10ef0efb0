import { useEffect, useState, type ReactNode } from 'react';
import { Replicache, type PullerResult } from 'replicache';
import type { SessionUser } from '../../../../shared/schemas/auth';
import { keys } from '../../../../shared/sync/keys';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/constants';
import type { Session } from '../../lib/session';
import type { CloudRep, CloudSync } from '../../lib/sync/cloud-sync';
import { PokeSocket } from '../../lib/sync/poke-socket';
import { CloudSyncContext } from '../../lib/sync/sync-context';
import { SyncStatusStore } from '../../lib/sync/sync-status';

type PatchOp = { op: string; key?: string; value?: unknown };
const morePromised = (res: { patch?: PatchOp[] }) => (res.patch ?? []).some((p) => p.op === 'put' && p.key === keys.meta() && (p.value as { more?: boolean } | null)?.more === true);

/**
 * The member's phone reads its own view (decision 009) and writes nothing through sync (its
 * writes are API calls: freeze, preferences), so it opens Replicache pull-only, without the shared
 * mutators (pricing, checkout: ~60 KiB the phone never runs). Same store name as the tablets'
 * opener (`cloudcard-member-<id>`), kept in IndexedDB: the view reads offline from the last sync,
 * and the member's poke channel brings a spend at any store within a second.
 */
export function openMemberSync(token: string, user: SessionUser): CloudSync {
  const status = new SyncStatusStore();
  const rep = new Replicache({
    name: `cloudcard-${user.kind}-${user.id}`,
    mutators: {},
    schemaVersion: SYNC_SCHEMA_VERSION,
    kvStore: 'idb',
    pullInterval: 30_000,
    puller: async (req) => {
      const res = await fetch('/api/replicache/pull', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(req) });
      const httpRequestInfo = { httpStatusCode: res.status, errorMessage: res.ok ? '' : await res.clone().text() };
      const response = res.ok ? ((await res.json()) as { patch?: PatchOp[]; error?: unknown }) : undefined;
      if (response && !('error' in response)) {
        status.set({ lastPulledAt: Date.now() });
        if (morePromised(response)) setTimeout(pullNow, 0);
      }
      return { response, httpRequestInfo } as PullerResult;
    },
  });
  rep.onClientStateNotFound = () => location.reload();
  const pullNow = () => void rep.pull({ now: true }).catch(() => {});
  const socket = new PokeSocket('', token, pullNow, globalThis.WebSocket);
  return {
    rep: rep as unknown as CloudRep,
    pokes: socket,
    status,
    device: null,
    close: async () => {
      socket.close();
      await rep.close();
    },
  };
}

/** One read-only store per signed-in member, closed on sign-out (as CloudSyncProvider does for tablets). */
export function MemberSyncProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [sync, setSync] = useState<CloudSync | null>(null);
  const { token, user } = session;
  const identity = `${token}\n${user.kind}\n${user.id}`;
  useEffect(() => {
    const opened = openMemberSync(token, user);
    setSync(opened);
    return () => {
      setSync((current) => (current === opened ? null : current));
      void opened.close().catch(() => {});
    };
  }, [identity]);
  return <CloudSyncContext.Provider value={sync}>{children}</CloudSyncContext.Provider>;
}
