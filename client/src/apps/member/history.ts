import type { SyncedAccountOp, SyncedOrder } from '../../../../shared/sync/entities';

/** One row of the member's history: a visit (an order), a recharge, or a refund. */
export type HistoryItem =
  | { type: 'order'; id: string; at: number; storeId: string | null; amountFen: number; sign: -1 | 1; order: SyncedOrder }
  | { type: 'recharge'; id: string; at: number; storeId: string | null; amountFen: number; sign: 1; op: SyncedAccountOp }
  | { type: 'refund'; id: string; at: number; storeId: string | null; amountFen: number; sign: 1 | -1; op: SyncedAccountOp; of: 'order' | 'recharge' | 'other' };

/**
 * Visits, recharges and refunds, newest first. A sale costs (−), a recharge adds (+); a refund of
 * a sale gives back (+), a refund of a recharge takes the stored value back out (−). Orders only on
 * the tablet that made them (`pending`) never reach a phone; a refused one is kept (it shows why).
 */
export function buildHistory(orders: readonly SyncedOrder[], ops: readonly SyncedAccountOp[]): HistoryItem[] {
  const orderIds = new Set(orders.map((o) => o.id));
  const rechargeIds = new Set(ops.filter((o) => o.kind === 'recharge').map((o) => o.opId));
  const items: HistoryItem[] = [];
  for (const order of orders) {
    if (order.status === 'pending') continue;
    items.push({ type: 'order', id: order.id, at: order.createdAt, storeId: order.storeId, amountFen: order.totalFen, sign: order.kind === 'refund' ? 1 : -1, order });
  }
  for (const op of ops) {
    if (op.kind === 'recharge') {
      items.push({ type: 'recharge', id: op.opId, at: op.at, storeId: op.storeId, amountFen: op.amountFen, sign: 1, op });
    } else {
      const of = op.refundOf && orderIds.has(op.refundOf) ? 'order' : op.refundOf && rechargeIds.has(op.refundOf) ? 'recharge' : 'other';
      items.push({ type: 'refund', id: op.opId, at: op.at, storeId: op.storeId, amountFen: op.amountFen, sign: of === 'recharge' ? -1 : 1, op, of });
    }
  }
  return items.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/** The refunds that gave back (part of) this sale or recharge, oldest first. */
export function refundsOf(id: string, ops: readonly SyncedAccountOp[]): SyncedAccountOp[] {
  return ops.filter((o) => o.kind === 'refund' && o.refundOf === id).sort((a, b) => a.at - b.at);
}

/** `YYYY-MM` of a moment in China time (the chain's stores are in Asia/Shanghai). */
export function monthOf(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Consecutive items of the same month (the list is newest first, so months come newest first). */
export function groupByMonth<T extends { at: number }>(items: readonly T[]): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const m = monthOf(item.at);
    const last = groups[groups.length - 1];
    if (last && last.month === m) last.items.push(item);
    else groups.push({ month: m, items: [item] });
  }
  return groups;
}
