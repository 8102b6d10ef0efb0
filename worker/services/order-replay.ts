import { asc, eq, sql } from 'drizzle-orm';
import { DomainError, type ErrorCode } from '../../shared/errors';
import { sameRequest } from '../../shared/domain/idempotency';
import type { OrderResult } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { accountOps, members, orderLines, orders, products } from '../db/schema';

/**
 * The order already settled under this id, as recorded — or null. A tablet that retries after a
 * timeout must get its first answer back even if prices, the member's tier or the rules changed in
 * between (which would make the repeat fail validation): the order id is the idempotency key.
 * A recorded refusal is raised again with its code; an order recorded under this id for another
 * request is IDEMPOTENCY_MISMATCH.
 */
export async function priorOrder(db: Db, id: string, storeId: string, fingerprint: string): Promise<OrderResult | null> {
  const [head, lines, op] = await db.batch([
    db.select({ o: orders, m: { principalFen: members.principalFen, bonusFen: members.bonusFen, points: members.points } })
      .from(orders).leftJoin(members, eq(members.id, orders.memberId)).where(eq(orders.id, id)),
    db.select({ l: orderLines, productCategory: sql<string>`${products.categoryId}`.as('product_category') }).from(orderLines).innerJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.lineNo)),
    db.select({ code: accountOps.code, message: accountOps.message }).from(accountOps).where(eq(accountOps.opId, id)),
  ]);
  const row = head[0];
  if (!row) return null;
  const o = row.o;
  // Another request under this id (another store, member, lines or tenders) is not a repeat.
  if (o.storeId !== storeId || !sameRequest(o.requestHash, fingerprint)) {
    throw new DomainError('IDEMPOTENCY_MISMATCH', `Order id ${id} was already used for another order; make a new id for a new order`, { details: { opId: id } });
  }
  if (o.status === 'rejected') throw new DomainError((op[0]?.code ?? 'CONFLICT') as ErrorCode, op[0]?.message ?? o.rejectReason ?? 'Refused', { details: { opId: id } });
  return {
    id: o.id, status: 'completed', rejectCode: null, rejectReason: null, storeId: o.storeId, memberId: o.memberId,
    lines: lines.map(({ l, productCategory }) => ({ lineNo: l.lineNo, productId: l.productId, name: l.name, categoryId: l.categoryId ?? productCategory, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen, unitCostFen: l.unitCostFen, explanation: parseExplanation(l.explanation) })),
    subtotalFen: o.subtotalFen, discountFen: o.discountFen, totalFen: o.totalFen, pointsEarned: o.pointsEarned,
    balances: o.memberId && row.m ? row.m : null,
    replayed: true,
  };
}

/** The stored discount words of a line ('[]' for lines written before they were kept). */
export function parseExplanation(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
