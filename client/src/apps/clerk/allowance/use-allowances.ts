import { useEffect, useRef } from 'react';
import type { ReadTransaction } from 'replicache';
import { ulid } from 'ulid';
import type { SyncedAllowance } from '../../../../../shared/schemas/device';
import { allowanceView } from '../../../../../shared/domain/allowance/device-check';
import { keys, prefixes } from '../../../../../shared/sync/keys';
import { useCloudSync, useSubscribe } from '../../../lib/sync/use-cloud-sync';
import type { OwnAllowance } from '../counter/tenders';

/** How often a registered tablet renews its allowances while online (a lease lasts the policy's hours). */
export const RENEW_EVERY_MS = 15 * 60_000;
/** A pull this recent says the tablet is really online (navigator.onLine alone can be wrong). */
const ONLINE_EVIDENCE_MS = 2 * 60_000;

const lastRenewKey = (deviceId: string) => `cloudcard-allowance-renewed-${deviceId}`;
export const lastRenewAt = (deviceId: string) => Number(localStorage.getItem(lastRenewKey(deviceId)) ?? 0) || null;

const ownRows = (deviceId: string) => async (tx: ReadTransaction) =>
  (await tx.scan({ prefix: `${prefixes.allowance}${deviceId}/` }).values().toArray()) as SyncedAllowance[];

/** This tablet's allowances (all members), live. */
export function useOwnAllowances(): SyncedAllowance[] {
  const device = useCloudSync()?.device ?? null;
  return useSubscribe(device ? ownRows(device.id) : async () => [], [], [device?.id]);
}

/** This tablet's allowance for one member, as the pay sheet uses it. */
export function useOwnAllowance(memberId: string | null): OwnAllowance | null {
  const device = useCloudSync()?.device ?? null;
  const row = useSubscribe(async (tx) => (device && memberId ? (((await tx.get(keys.allowance(device.id, memberId))) as SyncedAllowance | undefined) ?? null) : null), null, [device?.id, memberId]);
  return row ? allowanceView(row) : null;
}

/**
 * Keeps a registered tablet's allowances (decision 015): renews them while it is online, and gives
 * back at once any another branch asked for. Both are mutations, so each goes out after every sale
 * the tablet queued before it: nothing it spent under an allowance can be lost by the release.
 */
export function useAllowanceKeeper(storeId: string): { renewNow: () => void } {
  const sync = useCloudSync();
  const device = sync?.device && sync.device.storeId === storeId ? sync.device : null;
  const asked = useOwnAllowances().filter((a) => a.releaseRequestedAt !== null);
  const acked = useRef(new Set<string>());

  const renew = (force: boolean) => {
    if (!sync || !device) return;
    const { lastPulledAt } = sync.status.get();
    const online = navigator.onLine && lastPulledAt !== null && Date.now() - lastPulledAt < ONLINE_EVIDENCE_MS;
    if (!force && (!online || Date.now() - (lastRenewAt(device.id) ?? 0) < RENEW_EVERY_MS)) return;
    localStorage.setItem(lastRenewKey(device.id), String(Date.now()));
    void sync.rep.mutate.renewAllowances({ id: ulid(), storeId, at: Date.now() }).catch(() => {});
  };

  useEffect(() => {
    if (!device) return;
    const tick = () => renew(false);
    const first = setTimeout(tick, 3_000);
    const timer = setInterval(tick, 30_000);
    window.addEventListener('online', tick);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      window.removeEventListener('online', tick);
    };
  }, [sync, device?.id, storeId]);

  const askedIds = asked.map((a) => a.leaseId).filter((id) => !acked.current.has(id));
  useEffect(() => {
    if (!sync || !device || askedIds.length === 0) return;
    for (const id of askedIds) acked.current.add(id);
    void sync.rep.mutate.releaseAllowances({ id: ulid(), storeId, leaseIds: askedIds }).catch(() => {});
  }, [sync, device?.id, askedIds.join(',')]);

  return { renewNow: () => renew(true) };
}
