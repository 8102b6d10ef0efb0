import { useEffect, useState } from 'react';
import type { AccountView } from '../../../../../shared/schemas/account-api';
import type { Member } from '../../../../../shared/schemas/member';
import type { ChainRules } from '../../../../../shared/schemas/rules';
import type { SyncedProduct } from '../../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../../shared/sync/keys';
import { useApi } from '../../../lib/app-context';
import { ApiError } from '../../../lib/api';
import { useOnline } from '../../../lib/use-online';
import { useCloudSync, useSubscribe, useSyncStatus } from '../../../lib/sync/use-cloud-sync';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * The member as the tablet holds them (Replicache, so the desk's own changes show at once). A
 * member this store does not keep offline is read from the API instead, when online.
 */
export function useDeskMember(memberId: string): (Loaded<Member> | { status: 'offline' }) & { local: boolean } {
  const local = useSubscribe(async (tx) => ((await tx.get(keys.member(memberId))) as Member | undefined) ?? 'missing', null as Member | 'missing' | null, [memberId]);
  const api = useApi();
  const online = useOnline();
  const [remote, setRemote] = useState<{ id: string; r: Loaded<Member> } | null>(null);
  useEffect(() => {
    if (local !== 'missing' || !online) return;
    let live = true;
    api.get<Member>(`/api/members/${encodeURIComponent(memberId)}`).then(
      (value) => live && setRemote({ id: memberId, r: { status: 'ready', value } }),
      (error) => live && setRemote({ id: memberId, r: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
  }, [api, memberId, local, online]);
  if (local && local !== 'missing') return { status: 'ready', value: local, local: true };
  if (local === 'missing' && remote?.id === memberId) return { ...remote.r, local: false };
  if (local === 'missing' && !online) return { status: 'offline', local: false };
  return { status: 'loading', local: false };
}

export const useRules = (): ChainRules | null => useSubscribe(async (tx) => ((await tx.get(keys.rules())) as ChainRules | undefined) ?? null, null, []);

/** The store's services (what a punch card can be sold for), by name. */
export const useServices = (): SyncedProduct[] =>
  useSubscribe(
    async (tx) => ((await tx.scan({ prefix: prefixes.product }).values().toArray()) as SyncedProduct[]).filter((p) => p.kind === 'service' && p.punchEligible !== false).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [] as SyncedProduct[],
    [],
  );

/** Which of these products this store sells (a punch visit is priced from the store's catalog); null until read. */
export function useSoldProducts(productIds: readonly string[]): ReadonlySet<string> | null {
  const ids = [...new Set(productIds)].sort();
  return useSubscribe(
    async (tx) => new Set((await Promise.all(ids.map(async (id) => ((await tx.has(keys.product(id))) ? [id] : [])))).flat()),
    null as ReadonlySet<string> | null,
    [ids.join()],
  );
}

/**
 * Punch cards and coupons. A member's phone holds `account/<id>`; a clerk's tablet does not, so
 * the desk reads GET /api/members/:id/account and reads again once the tablet's queue has gone
 * out (`pending` back to 0), so its own redeems and sales show.
 */
export function useDeskAccount(memberId: string): { account: AccountView | null; error: unknown; reload(): void } {
  const synced = useSubscribe(async (tx) => ((await tx.get(keys.account(memberId))) as AccountView | undefined) ?? null, null as AccountView | null, [memberId]);
  const api = useApi();
  const online = useOnline();
  const hasRep = useCloudSync() !== null;
  const { pending } = useSyncStatus();
  const [tick, setTick] = useState(0);
  const [fetched, setFetched] = useState<{ id: string; account: AccountView | null; error: unknown }>({ id: memberId, account: null, error: null });
  useEffect(() => {
    // Read at once; read again (for this desk's own redeems and sales) only once the queue has gone out.
    const have = fetched.id === memberId && fetched.account !== null;
    if (synced || !online || !hasRep || (have && pending > 0)) return;
    let live = true;
    api.get<AccountView>(`/api/members/${encodeURIComponent(memberId)}/account`).then(
      (account) => live && setFetched({ id: memberId, account, error: null }),
      (error) => live && setFetched((f) => ({ id: memberId, account: f.id === memberId ? f.account : null, error })),
    );
    return () => {
      live = false;
    };
  }, [api, memberId, synced !== null, online, pending === 0, hasRep, tick]);
  // A member registered on this tablet a moment ago is not on the server until the push lands: ask again.
  const notYet = fetched.id === memberId && fetched.error instanceof ApiError && fetched.error.status === 404;
  useEffect(() => {
    if (!notYet || tick >= 20) return;
    const t = setTimeout(() => setTick((n) => n + 1), 1_500);
    return () => clearTimeout(t);
  }, [notYet, tick]);
  const mine = fetched.id === memberId ? fetched : { account: null, error: null };
  return { account: synced ?? mine.account, error: synced || (notYet && tick < 20) ? null : mine.error, reload: () => setTick((n) => n + 1) };
}
