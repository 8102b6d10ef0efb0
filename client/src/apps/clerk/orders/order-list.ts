import { businessDay } from '../../../../../shared/domain/business-day';
import type { SyncedOrder } from '../../../../../shared/sync/entities';

export type OrderFilter = { today: boolean; mine: boolean };

/**
 * Orders this tablet wrote and has not heard back about carry staffId '' (the optimistic row does
 * not know who the server will record): they are the signed-in clerk's own.
 */
export const isMine = (o: Pick<SyncedOrder, 'staffId'>, actorId: string): boolean => o.staffId === actorId || o.staffId === '';

/** Today's business day (Asia/Shanghai), or every order the tablet holds; mine or everyone's; newest first. */
export function filterOrders<T extends Pick<SyncedOrder, 'staffId' | 'createdAt' | 'id'>>(orders: readonly T[], f: OrderFilter, actorId: string, now: number): T[] {
  const day = businessDay(now);
  return orders
    .filter((o) => (!f.today || businessDay(o.createdAt) === day) && (!f.mine || isMine(o, actorId)))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** The badge: a sale's status, with "refunded" split into whole and part (the amount shown beside it). */
export type OrderBadge = SyncedOrder['status'] | 'refund';
export const badgeOf = (o: Pick<SyncedOrder, 'kind' | 'status'>): OrderBadge => (o.kind === 'refund' ? 'refund' : o.status);

/** Tenders in one short line, one name per kind in the order they were paid: "现金 · 储值". */
export function tenderKinds(o: Pick<SyncedOrder, 'tenders'>): SyncedOrder['tenders'][number]['kind'][] {
  return [...new Set(o.tenders.map((t) => t.kind))];
}

/** Money summary of a list: how many sales and what they took, net of refunds (for the header). */
export function summarize(orders: readonly Pick<SyncedOrder, 'kind' | 'status' | 'totalFen' | 'refundedFen'>[]): { count: number; netFen: number } {
  let count = 0;
  let netFen = 0;
  for (const o of orders) {
    if (o.kind !== 'sale' || o.status === 'rejected') continue;
    count += 1;
    netFen += o.totalFen - (o.refundedFen ?? 0);
  }
  return { count, netFen };
}
