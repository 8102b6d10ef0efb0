import type { ReadTransaction } from 'replicache';
import type { Member, Tier } from '../../../../../shared/schemas/member';
import type { SyncedOrder } from '../../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../../shared/sync/keys';
import { toApprovers } from '../approval/approvers';

/** An order with the names the list shows: the member's (when the tablet holds them) and the clerk's. */
export type OrderView = SyncedOrder & { memberName: string | null; member: Member | null };
export type OrdersData = { orders: OrderView[]; staffNames: Map<string, string>; tierNames: Map<string, string> };
export const NO_ORDERS: OrdersData = { orders: [], staffNames: new Map(), tierNames: new Map() };

/**
 * Every order the tablet holds for this store with its member. Members are read one key each
 * (a few hundred a day at most), so the list re-renders when a member's balance syncs.
 */
export async function readOrders(tx: ReadTransaction, storeId: string): Promise<OrdersData> {
  const raw = (await tx.scan({ prefix: prefixes.order }).values().toArray()) as SyncedOrder[];
  const mine = raw.filter((o) => o && o.storeId === storeId);
  const ids = [...new Set(mine.flatMap((o) => (o.memberId ? [o.memberId] : [])))];
  const members = new Map<string, Member>();
  await Promise.all(ids.map(async (id) => {
    const m = (await tx.get(keys.member(id))) as Member | undefined;
    if (m) members.set(id, m);
  }));
  // Managers' names come with their approver rows; other clerks are not synced by name.
  const approvers = toApprovers(await tx.scan({ prefix: prefixes.approver }).values().toArray());
  const tiers = (await tx.scan({ prefix: prefixes.tier }).values().toArray()) as Tier[];
  return {
    orders: mine.map((o) => {
      const member = o.memberId ? (members.get(o.memberId) ?? null) : null;
      return { ...o, refundedFen: o.refundedFen ?? 0, member, memberName: member?.name ?? null };
    }),
    staffNames: new Map(approvers.map((a) => [a.id, a.name])),
    tierNames: new Map(tiers.map((t) => [t.code, t.name])),
  };
}
