import { and, eq, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { businessDay } from '../../shared/domain/business-day';
import type { Balances, LedgerEntry } from '../../shared/schemas/account';
import type { PricedLine } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import type { AuditRow } from '../services/audit';
import { accountOps, auditLog, ledgerEntries, members, orderLines, orders, payments, storeDailySales, tiers } from '../db/schema';

export type OrderWrite = {
  id: string;
  storeId: string;
  staffId: string;
  memberId: string | null;
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  costFen: number;
  pointsEarned: number;
  note: string;
  createdAt: number;
  lines: PricedLine[];
  payments: { tender: string; amountFen: number; reference: string }[];
};

/** What reaches D1 after one committed operation (kept in the object's outbox until it has). */
export type ProjectionDoc = {
  memberId: string;
  op: { opId: string; kind: string; status: 'applied' | 'rejected'; code: string | null; message: string | null; storeId: string | null; staffId: string | null; at: number; detail: Record<string, unknown> };
  entries: LedgerEntry[];
  balances: Balances;
  status: string;
  cardNo: string;
  seq: number;
  order: OrderWrite | null;
  refundOf: string | null;
  // The staff action that caused it, recorded in the same D1 batch.
  audit: AuditRow | null;
};

/**
 * One D1 batch per operation. It opens with a plain INSERT of the op: if the op was already
 * projected, that insert fails and the whole batch rolls back, so a repeat changes nothing.
 * Balances only move forward (`ledger_seq < seq`), so a late write never moves them back.
 */
export function projectionBatch(db: Db, d: ProjectionDoc, now: number) {
  const o = d.op;
  const stmts: BatchItem<'sqlite'>[] = [
    db.insert(accountOps).values({ opId: o.opId, memberId: d.memberId, kind: o.kind, status: o.status, code: o.code, message: o.message, storeId: o.storeId, staffId: o.staffId, at: o.at, detail: JSON.stringify(o.detail) }),
    ...d.entries.map((e) => db.insert(ledgerEntries).values({ memberId: d.memberId, ...e }).onConflictDoNothing()),
    db
      .update(members)
      .set({ principalFen: d.balances.principalFen, bonusFen: d.balances.bonusFen, points: d.balances.points, lockedPoints: d.balances.lockedPoints, status: d.status as 'active', cardNo: d.cardNo, ledgerSeq: d.seq, updatedAt: now })
      .where(and(eq(members.id, d.memberId), lt(members.ledgerSeq, d.seq))),
  ];
  if (d.audit) stmts.push(db.insert(auditLog).values(d.audit).onConflictDoNothing());
  if (d.order) stmts.push(...orderInserts(db, d.order, o.status === 'applied' ? null : (o.message ?? o.code)));
  if (d.order && o.status === 'applied') {
    const day = businessDay(d.order.createdAt);
    stmts.push(
      db.insert(storeDailySales).values({ storeId: d.order.storeId, day, orders: 1, salesFen: d.order.totalFen, costFen: d.order.costFen })
        .onConflictDoUpdate({ target: [storeDailySales.storeId, storeDailySales.day], set: { orders: sql`${storeDailySales.orders} + 1`, salesFen: sql`${storeDailySales.salesFen} + ${d.order.totalFen}`, costFen: sql`${storeDailySales.costFen} + ${d.order.costFen}` } }),
      db.update(members).set({
        lifetimeSpendFen: sql`${members.lifetimeSpendFen} + ${d.order.totalFen}`,
        lastVisitAt: sql`max(coalesce(${members.lastVisitAt}, 0), ${d.order.createdAt})`,
        lastVisitStoreId: d.order.storeId,
        // Upgrades happen at once; downgrades wait for the scheduled review.
        tierCode: sql`coalesce((SELECT t.code FROM ${tiers} t WHERE t.upgrade_spend_fen <= ${members.lifetimeSpendFen} + ${d.order.totalFen} AND t.rank > (SELECT rank FROM ${tiers} WHERE code = ${members.tierCode}) ORDER BY t.rank DESC LIMIT 1), ${members.tierCode})`,
      }).where(eq(members.id, d.memberId)),
    );
  }
  if (d.refundOf && o.status === 'applied') {
    const full = d.op.detail.cumulativeFen === d.op.detail.baseFen;
    stmts.push(db.update(orders).set({ status: full ? 'refunded' : 'partially_refunded' }).where(eq(orders.id, d.refundOf)));
  }
  return stmts as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];
}

export function orderInserts(db: Db, w: OrderWrite, rejectReason: string | null): BatchItem<'sqlite'>[] {
  return [
    db.insert(orders).values({
      id: w.id, storeId: w.storeId, staffId: w.staffId, memberId: w.memberId, kind: 'sale', status: rejectReason ? 'rejected' : 'completed', rejectReason,
      subtotalFen: w.subtotalFen, discountFen: w.discountFen, totalFen: w.totalFen, costFen: w.costFen, pointsEarned: rejectReason ? 0 : w.pointsEarned,
      note: w.note, createdAt: w.createdAt, receivedAt: Date.now(),
    }),
    ...w.lines.map((l) => db.insert(orderLines).values({ orderId: w.id, lineNo: l.lineNo, productId: l.productId, name: l.name, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen, unitCostFen: l.unitCostFen })),
    ...w.payments.map((p, i) => db.insert(payments).values({ id: `${w.id}-${i + 1}`, orderId: w.id, tender: p.tender as 'cash', amountFen: p.amountFen, reference: p.reference, createdAt: w.createdAt })),
  ];
}

export const isAlreadyProjected = (e: unknown) => /UNIQUE constraint failed: account_ops\.op_id/.test(String((e as Error)?.message ?? e));
