import 'fake-indexeddb/auto';
import type { SessionUser } from '../../../../shared/schemas/auth';
import type { ReadTransaction } from 'replicache';
import { openCloudSync, type CloudRep } from './cloud-sync';
import type { DeviceRegistration } from '../device';

export type Tablet = { rep: CloudRep; user: SessionUser; token: string; close: () => Promise<void>; online: boolean; pokes: { opened(): Promise<void> } | null };

export async function login(baseUrl: string, username: string): Promise<{ token: string; user: SessionUser }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; user: SessionUser };
}

/**
 * A tablet or phone as the apps run it (the same `openCloudSync`), with a switch that cuts its
 * network: while offline every push and pull fails the way fetch does without a connection.
 */
export type Trace = (event: 'poke' | 'push' | 'pushed' | 'pull' | 'pulled') => void;

export function openTablet(baseUrl: string, session: { token: string; user: SessionUser }, opts: { kvStore?: 'idb' | 'mem'; onReset?: () => void; pokes?: boolean; trace?: Trace; device?: DeviceRegistration | null } = {}): Tablet {
  const t = { online: true } as Tablet;
  const trace = opts.trace ?? (() => {});
  const guarded: typeof fetch = async (input, init) => {
    if (!t.online) throw new TypeError('fetch failed (offline)');
    const kind = String(input).endsWith('/push') ? 'push' : 'pull';
    trace(kind);
    const res = await fetch(input, init);
    trace(kind === 'push' ? 'pushed' : 'pulled');
    return res;
  };
  const s = openCloudSync({ baseUrl, token: session.token, user: session.user, kvStore: opts.kvStore ?? 'mem', pullInterval: null, fetch: guarded, onReset: opts.onReset ?? (() => {}), webSocket: opts.pokes === false ? null : WebSocket, onPoke: () => trace('poke'), device: opts.device ?? null });
  return Object.assign(t, { rep: s.rep, user: session.user, token: session.token, close: s.close, pokes: s.pokes });
}

/** Resolves with the first value `read` returns that `ok` accepts (a subscription, as a screen would use). */
export function waitFor<T>(rep: CloudRep, read: (tx: ReadTransaction) => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: unknown;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a value; last seen: ${JSON.stringify(last)?.slice(0, 400)}`));
    }, timeoutMs);
    const stop = rep.subscribe(read, {
      onData: (v) => {
        last = v;
        if (!ok(v)) return;
        clearTimeout(timer);
        stop();
        resolve(v);
      },
    });
  });
}

/** One pull, then waits while the sync module pulls on by itself until the view is complete (as the app does). */
export async function initialSync(rep: CloudRep, timeoutMs = 30_000): Promise<void> {
  void rep.pull({ now: true }).catch(() => {});
  await waitFor(rep, (tx) => tx.get('sync/meta') as Promise<{ more?: boolean } | undefined>, (m) => m?.more === false, timeoutMs);
}

/** Pulls until the server says the view is complete. */
export async function syncFully(rep: CloudRep): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await rep.pull({ now: true });
    const meta = (await rep.query((tx) => tx.get('sync/meta'))) as { more?: boolean } | undefined;
    if (meta && !meta.more) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the view did not finish syncing');
}

export async function api(baseUrl: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}
