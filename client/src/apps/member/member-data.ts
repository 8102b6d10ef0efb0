import { useEffect, useState } from 'react';
import type { AccountView } from '../../../../shared/schemas/account-api';
import type { Member, Tier } from '../../../../shared/schemas/member';
import type { Store } from '../../../../shared/schemas/store';
import type { SyncedAccountOp, SyncedOrder } from '../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../shared/sync/keys';
import type { Api } from '../../lib/api';
import { useSubscribe } from '../../lib/sync/sync-context';

/**
 * What the phone reads from its Replicache view (the member's own: decision 009): it is there
 * offline from the last sync, and a poke brings a spend at any store in within a second.
 */
const NONE: never[] = [];

export const useSyncedMember = (id: string): Member | undefined =>
  useSubscribe(async (tx) => (await tx.get(keys.member(id))) as Member | undefined, undefined, [id]);

export const useAccount = (id: string): AccountView | undefined =>
  useSubscribe(async (tx) => (await tx.get(keys.account(id))) as AccountView | undefined, undefined, [id]);

export const useMyOrders = (): SyncedOrder[] =>
  useSubscribe(async (tx) => (await tx.scan({ prefix: prefixes.order }).values().toArray()) as SyncedOrder[], NONE, []);

export const useMyAccountOps = (): SyncedAccountOp[] =>
  useSubscribe(async (tx) => (await tx.scan({ prefix: prefixes.accountOp }).values().toArray()) as SyncedAccountOp[], NONE, []);

export const useTiers = (): Tier[] =>
  useSubscribe(async (tx) => ((await tx.scan({ prefix: prefixes.tier }).values().toArray()) as Tier[]).sort((a, b) => a.rank - b.rank), NONE, []);

/** The member's tier and the next one up, from the synced tiers. */
export function tierPair(tiers: readonly Tier[], code: string): { tier: Tier | null; nextTier: Tier | null } {
  const tier = tiers.find((t) => t.code === code) ?? null;
  const nextTier = tier ? (tiers.filter((t) => t.rank > tier.rank).sort((a, b) => a.rank - b.rank)[0] ?? null) : null;
  return { tier, nextTier };
}

const STORES_KEY = 'cloudcard.member.stores';
let storesLoad: Promise<Store[]> | null = null;

function cachedStores(): Store[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Store[]) : [];
  } catch {
    return [];
  }
}

/**
 * The chain's store directory (GET /api/stores: open stores, for members), kept in localStorage so
 * history and the store list still name stores offline. Loaded once per page.
 */
export function useStores(api: Api): { stores: Store[]; byId: Map<string, Store>; failed: boolean } {
  const [stores, setStores] = useState<Store[]>(cachedStores);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    storesLoad ??= api.get<{ stores: Store[] }>('/api/stores').then((r) => {
      localStorage.setItem(STORES_KEY, JSON.stringify(r.stores));
      return r.stores;
    });
    storesLoad.then(
      (s) => live && setStores(s),
      () => {
        storesLoad = null;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { stores, byId: new Map(stores.map((s) => [s.id, s])), failed };
}
