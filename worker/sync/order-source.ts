import { and, asc, gt, gte, inArray, type SQL } from 'drizzle-orm';
import type { SyncedOrder } from '../../shared/sync/entities';
import { keys } from '../../shared/sync/keys';
import type { Db } from '../db/client';
import { orderLines, orders, payments } from '../db/schema';
import { after, row, type Plan, type Source } from './source';
import { parseExplanation } from '../services/order-replay';

function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Orders with their lines and tenders, for `scope` (a store's recent orders, or one member's). */
export function orderSource(db: Db, name: string, scope: SQL, createdSince: () => number): Source {
  // The orders, and the lines and tenders of exactly those (a list of ids would pass D1's 100 bound parameters).
  const queries = (where: SQL | undefined, order: SQL[], limit: number) => {
    const ids = db.select({ id: orders.id }).from(orders).where(where).orderBy(...order).limit(limit);
    return [
      db.select().from(orders).where(where).orderBy(...order).limit(limit),
      db.select().from(orderLines).where(inArray(orderLines.orderId, ids)),
      db.select().from(payments).where(inArray(payments.orderId, ids)),
    ] as const;
  };
  type Head = typeof orders.$inferSelect;
  const read = (results: unknown[]) => {
    const [head, lines, pays] = results as [Head[], (typeof orderLines.$inferSelect)[], (typeof payments.$inferSelect)[]];
    const linesOf = groupBy(lines, (l) => l.orderId);
    const paysOf = groupBy(pays, (p) => p.orderId);
    return head.map((o) => {
      const value: SyncedOrder = {
        id: o.id, storeId: o.storeId, staffId: o.staffId, memberId: o.memberId, kind: o.kind, status: o.status, rejectReason: o.rejectReason,
        subtotalFen: o.subtotalFen, discountFen: o.discountFen, totalFen: o.totalFen, refundedFen: o.refundedFen, pointsEarned: o.pointsEarned, note: o.note, createdAt: o.createdAt,
        lines: (linesOf.get(o.id) ?? []).sort((a, b) => a.lineNo - b.lineNo).map(({ lineNo, productId, name, quantity, unitPriceFen, discountFen, totalFen, explanation }) => ({ lineNo, productId, name, quantity, unitPriceFen, discountFen, totalFen, explanation: parseExplanation(explanation) })),
        tenders: (paysOf.get(o.id) ?? []).map((p) => ({ kind: p.tender, amountFen: p.amountFen })),
      };
      return { o, row: row(o.id, keys.order(o.id), value) };
    });
  };
  return {
    name,
    page: async (after, limit) => read(await db.batch([...queries(and(scope, gt(orders.id, after), gte(orders.createdAt, createdSince())), [asc(orders.id)], limit)])).map((x) => x.row),
    changed: (since, from, limit): Plan => ({
      queries: [...queries(and(scope, gt(orders.updatedAt, since), after(orders.updatedAt, orders.id, from)), [asc(orders.updatedAt), asc(orders.id)], limit)],
      read: (results) => {
        const got = read(results);
        const last = got[got.length - 1];
        // An order older than the view keeps (refunded long after, say) is not (or no longer) in it.
        const from = createdSince();
        return { changes: got.map(({ o, row: { key, value } }) => ({ key, value: o.createdAt >= from ? value : null })), next: got.length === limit && last ? { at: last.o.updatedAt, id: last.o.id } : null };
      },
    }),
  };
}
