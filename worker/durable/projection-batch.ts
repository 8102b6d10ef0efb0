import { and, sql } from 'drizzle-orm';
import { businessDay } from '../../shared/domain/business-day';
import type { Db } from '../db/client';
import { accountOps, auditLog, ledgerEntries, memberStoreVisits, orderLines, orders, payments, storeDailySales } from '../db/schema';
import { insertRows, statement } from '../db/statements';
import { ledgerRollupStatements, memberRefundRollups, saleRollupStatements } from '../reports/rollup-statements';
import { heldFen } from '../../shared/domain/allowance/leases';
import { enqueueStatements, eventsOfDocs } from '../notify/enqueue';
import { refundStockStatements, saleStockStatements } from '../services/inventory-stock';
import { ORDER_UPSERT, orderRows, setBalances, setBalancesAfterSale, setOrderRefunded, setReviewedTier, upsertAllowance, type ProjectionDoc } from './account-projection';

const addDailySales = statement<{ storeId: string; day: string; orders: number; totalFen: number; costFen: number }>((db, p) =>
  db.insert(storeDailySales).values({ storeId: p('storeId'), day: p('day'), orders: p('orders'), salesFen: p('totalFen'), costFen: p('costFen') })
    .onConflictDoUpdate({ target: [storeDailySales.storeId, storeDailySales.day], set: { orders: sql`${storeDailySales.orders} + ${p('orders')}`, salesFen: sql`${storeDailySales.salesFen} + ${p('totalFen')}`, costFen: sql`${storeDailySales.costFen} + ${p('costFen')}` } }));

const VISIT_UPSERT = `ON CONFLICT("member_id", "store_id") DO UPDATE SET "last_visit_at" = max("last_visit_at", excluded."last_visit_at")`;

// Which stores served these members lately: their tablets hold them and are poked.
const visitStoresOfMany = statement<{ members: string; since: number }>((db, p) =>
  db.selectDistinct({ pokeStore: sql<string>`${memberStoreVisits.storeId}`.as('poke_store') }).from(memberStoreVisits)
    .where(and(sql`${memberStoreVisits.memberId} IN (SELECT value FROM json_each(${p('members')}))`, sql`${memberStoreVisits.lastVisitAt} > ${p('since')}`)));

/**
 * The D1 batch for many members' documents at once (the projector's group commit): each table's
 * new rows in one statement, whatever the number of documents, so a batch costs per table rather
 * than per row. It opens with a plain INSERT of every op: if any was projected before, the whole
 * batch rolls back and the projector goes document by document (docs/decisions/007, 008).
 * Balances move per member, in ledger order (`ledger_seq < seq`); `balanceAt[i]` is the statement
 * that moved document i's member (its RETURNING says the member's tier).
 */
export function projectionBatchOf(db: Db, docs: readonly ProjectionDoc[], now: number, visitsSince: number | null = null): { stmts: D1PreparedStatement[]; balanceAt: number[] } {
  const stmts: D1PreparedStatement[] = [];
  const applied = (d: ProjectionDoc) => d.op.status === 'applied';
  stmts.push(...insertRows(db, accountOps, docs.map((d) => ({ opId: d.op.opId, memberId: d.memberId, kind: d.op.kind, status: d.op.status, code: d.op.code, message: d.op.message, storeId: d.op.storeId, staffId: d.op.staffId, at: d.op.at, detail: JSON.stringify(d.op.detail) }))));
  stmts.push(...insertRows(db, ledgerEntries, docs.flatMap((d) => d.entries.map((e) => ({ memberId: d.memberId, ...e }))), { ignore: true }));
  const balanceAt = docs.map((d) => {
    const balances = { memberId: d.memberId, ...d.balances, status: d.status, cardNo: d.cardNo, seq: d.seq, now, nextExpiryAt: d.nextExpiryAt ?? null };
    const sale = d.order && applied(d) ? d.order : null;
    // A tier change moves no balance (its seq is the last entry's): it sets the tier instead.
    if (d.op.kind === 'tier_change' && applied(d)) stmts.push(setReviewedTier(db, { memberId: d.memberId, from: String(d.op.detail.from), to: String(d.op.detail.to), at: d.op.at, now }));
    else stmts.push(sale ? setBalancesAfterSale(db, { ...balances, storeId: sale.storeId, totalFen: sale.totalFen, createdAt: sale.createdAt }) : setBalances(db, balances));
    return stmts.length - 1;
  });
  for (const d of docs) {
    for (const l of d.leases ?? []) {
      stmts.push(upsertAllowance(db, {
        leaseId: l.id, memberId: d.memberId, deviceId: l.deviceId, heldFen: heldFen(l), expiresAt: l.expiresAt, state: l.state,
        releaseRequestedAt: l.releaseRequestedAt ?? null, writtenOffFen: l.writtenOffFen ?? 0, seq: l.rev ?? 1, now,
      }));
    }
  }
  stmts.push(...insertRows(db, auditLog, docs.flatMap((d) => (d.audit ? [d.audit] : [])), { ignore: true }));
  const sold = docs.flatMap((d) => (d.order ? [orderRows(d.order, applied(d) ? null : (d.op.message ?? d.op.code), now)] : []));
  stmts.push(...insertRows(db, orders, sold.map((r) => r.order), { conflict: ORDER_UPSERT }));
  stmts.push(...insertRows(db, orderLines, sold.flatMap((r) => r.lines)));
  stmts.push(...insertRows(db, payments, sold.flatMap((r) => r.payments)));
  // Report rollups of the sales and ledger entries just written, once with them (decision 028).
  stmts.push(...saleRollupStatements(db.$client, docs.flatMap((d) => (d.order && applied(d) ? [d.order.id] : []))));
  stmts.push(...ledgerRollupStatements(db.$client, docs.flatMap((d) => d.entries.map((e) => ({ ...e, memberId: d.memberId }))),
    docs.flatMap((d) => (applied(d) && d.op.kind === 'punch_sale' && d.audit ? [{ actorId: d.audit.actorId, storeId: d.audit.storeId ?? null, at: d.audit.at, detail: d.audit.detail ?? null }] : []))));
  // Sales move stock exactly once, keyed by order and line (decision 025).
  stmts.push(...saleStockStatements(db, docs.flatMap((d) => (d.order && applied(d) ? [d.order.id] : [])), now));
  const sales = docs.flatMap((d) => (d.order && applied(d) ? [{ memberId: d.memberId, w: d.order }] : []));
  const days = new Map<string, { storeId: string; day: string; orders: number; totalFen: number; costFen: number }>();
  for (const { w } of sales) {
    const k = `${w.storeId}|${businessDay(w.createdAt)}`;
    const row = days.get(k) ?? { storeId: w.storeId, day: businessDay(w.createdAt), orders: 0, totalFen: 0, costFen: 0 };
    days.set(k, { ...row, orders: row.orders + 1, totalFen: row.totalFen + w.totalFen, costFen: row.costFen + w.costFen });
  }
  for (const row of days.values()) stmts.push(addDailySales(db, row));
  stmts.push(...insertRows(db, memberStoreVisits, sales.map(({ memberId, w }) => ({ memberId, storeId: w.storeId, lastVisitAt: w.createdAt })), { conflict: VISIT_UPSERT }));
  for (const d of docs) if (d.refundOf && applied(d)) stmts.push(...memberRefundRollups(db.$client, d.refundOf, Number(d.op.detail.cumulativeFen ?? 0)), setOrderRefunded(db, { id: d.refundOf, refundedFen: Number(d.op.detail.cumulativeFen ?? 0), now }), ...refundStockStatements(db, [d.refundOf], now, d.op.staffId));
  // The members' notifications of these ops, keyed by op id: a re-projection adds none (decision 020).
  stmts.push(...enqueueStatements(db.$client, eventsOfDocs(docs), now));
  if (visitsSince !== null) stmts.push(visitStoresOfMany(db, { members: JSON.stringify([...new Set(docs.map((d) => d.memberId))]), since: visitsSince }));
  return { stmts, balanceAt };
}
