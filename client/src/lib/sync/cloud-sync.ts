import { Replicache, type PullerResult, type PusherResult } from 'replicache';
import type { SessionUser } from '../../../../shared/schemas/auth';
import { keys } from '../../../../shared/sync/keys';
import { createMutators, type Mutators } from '../../../../shared/sync/mutators';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/protocol';
import { PokeSocket } from './poke-socket';
import { SyncStatusStore } from './sync-status';
import { deviceHeaders, type DeviceRegistration } from '../device';

export type CloudRep = Replicache<Mutators>;

export type SyncOptions = {
  /** '' in the browser (same origin); the worker's address elsewhere. */
  baseUrl: string;
  token: string;
  user: SessionUser;
  /** 'idb' in the browser: queued sales survive a reload. */
  kvStore?: 'idb' | 'mem';
  pullInterval?: number | null;
  fetch?: typeof fetch;
  /** The server forgot this device's state: start over (the browser reloads). */
  onReset?: () => void;
  /** Called on every poke (diagnostics and benchmarks). */
  onPoke?: () => void;
  /** A poke socket's constructor; null for none. */
  webSocket?: typeof WebSocket | null;
  /** This tablet's registration (offline allowances are lent to it), or null. */
  device?: DeviceRegistration | null;
};

/** Mutations per push request. */
const PUSH_SLICE = 100;

type PatchOp = { op: string; key?: string; value?: unknown };
const morePromised = (res: { patch?: PatchOp[] }) => (res.patch ?? []).some((p) => p.op === 'put' && p.key === keys.meta() && (p.value as { more?: boolean } | null)?.more === true);

/** One local store per user on a device: a clerk signing in after another never sees their data. */
export const storeName = (u: SessionUser) => `cloudcard-${u.kind}-${u.id}`;

/**
 * The device's Replicache: the shared mutators (optimistic here, authoritative on the server),
 * push and pull with the session token, pull again while the server says the view is still
 * paging in, and a poke socket so what another branch does shows up at once.
 */
export type CloudSync = { rep: CloudRep; pokes: PokeSocket | null; status: SyncStatusStore; device: DeviceRegistration | null; close: () => Promise<void> };

export function openCloudSync(o: SyncOptions): CloudSync {
  const status = new SyncStatusStore();
  const f = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const post = async (path: string, body: unknown) => {
    const res = await f(`${o.baseUrl}/api/replicache/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}`, ...deviceHeaders(o.device ?? null) },
      body: JSON.stringify(body),
    });
    const httpRequestInfo = { httpStatusCode: res.status, errorMessage: res.ok ? '' : await res.clone().text() };
    return { response: res.ok ? await res.json() : undefined, httpRequestInfo };
  };
  const rep = new Replicache({
    name: storeName(o.user),
    mutators: createMutators({ actor: o.user, deviceId: o.device?.id ?? null }),
    schemaVersion: SYNC_SCHEMA_VERSION,
    kvStore: o.kvStore ?? 'idb',
    pullInterval: o.pullInterval === undefined ? 30_000 : o.pullInterval,
    // A sale goes out at once; Replicache still sends whatever queued up meanwhile in one push.
    pushDelay: 0,
    // A long queue (a tablet back online) goes out in slices: each request stays short, and what a
    // slice applied is kept even if a later one fails. A processed push answers `{}`; Replicache
    // wants no response then, or the error it names.
    pusher: async (req) => {
      const all = (req as { mutations: unknown[] }).mutations;
      let r = await post('push', { ...req, mutations: all.slice(0, PUSH_SLICE) });
      for (let i = PUSH_SLICE; i < all.length && r.httpRequestInfo.httpStatusCode === 200 && !(r.response && 'error' in r.response); i += PUSH_SLICE) {
        r = await post('push', { ...req, mutations: all.slice(i, i + PUSH_SLICE) });
      }
      return { ...r, response: r.response && 'error' in r.response ? r.response : undefined } as PusherResult;
    },
    puller: async (req) => {
      const r = await post('pull', req);
      if (r.response && !('error' in r.response)) {
        status.set({ lastPulledAt: Date.now() });
        // The view is still paging in (or catching up): pull again once this one is applied.
        if (morePromised(r.response)) setTimeout(pullNow, 0);
      }
      return r as PullerResult;
    },
  });
  rep.onClientStateNotFound = o.onReset ?? (() => location.reload());
  // A failed pull is retried by Replicache itself; one cut short by close() has nobody to tell.
  const pullNow = () => void rep.pull({ now: true }).catch(() => {});
  // Queued mutations: Replicache has no event for them, so the count is refreshed each second.
  const refresh = () => void rep.experimentalPendingMutations().then((p) => status.set({ pending: p.length }), () => {});
  const timer = setInterval(refresh, 1_000);
  const socket = o.webSocket === null ? null : new PokeSocket(o.baseUrl, o.token, () => {
    o.onPoke?.();
    pullNow();
  }, o.webSocket ?? globalThis.WebSocket);
  return {
    rep,
    pokes: socket,
    status,
    device: o.device ?? null,
    close: async () => {
      clearInterval(timer);
      socket?.close();
      await rep.close();
    },
  };
}
