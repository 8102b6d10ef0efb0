import { and, eq, lt, sql } from 'drizzle-orm';
import { businessDay } from '../../shared/domain/business-day';
import type { Balances, LedgerEntry } from '../../shared/schemas/account';
import type { Lease } from '../../shared/domain/allowance/leases';
import type { PricedLine } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { insertRow, statement } from '../db/statements';
import { brokenConstraint } from '../db/constraint';
import type { AuditRow } from '../services/audit';
import { accountOps, auditLog, deviceAllowances, devices, ledgerEntries, members, memberStoreVisits, orderLines, orders, payments, storeDailySales, tiers } from '../db/schema';

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
  /** Offline allowances this op opened or changed, as they stand after it (decision 015). */
  leases?: Lease[];
  // The staff action that caused it, recorded in the same D1 batch.
  audit: AuditRow | null;
};

const setBalances = statement<{ memberId: string; principalFen: number; bonusFen: number; reservedFen: number; points: number; lockedPoints: number; status: string; cardNo: string; seq: number; now: number }>((db, p) =>
  db.update(members)
    .set({ principalFen: p('principalFen'), bonusFen: p('bonusFen'), reservedFen: p('reservedFen'), points: p('points'), lockedPoints: p('lockedPoints'), status: p('status'), cardNo: p('cardNo'), ledgerSeq: p('seq'), updatedAt: p('now') })
    .where(and(eq(members.id, p('memberId')), lt(members.ledgerSeq, p('seq'))))
    .returning({ tierCode: members.tierCode, homeStoreId: members.homeStoreId }));

const addDailySales = statement<{ storeId: string; day: string; totalFen: number; costFen: number }>((db, p) =>
  db.insert(storeDailySales).values({ storeId: p('storeId'), day: p('day'), orders: 1, salesFen: p('totalFen'), costFen: p('costFen') })
    .onConflictDoUpdate({ target: [storeDailySales.storeId, storeDailySales.day], set: { orders: sql`${storeDailySales.orders} + 1`, salesFen: sql`${storeDailySales.salesFen} + ${p('totalFen')}`, costFen: sql`${storeDailySales.costFen} + ${p('costFen')}` } }));

// A sale moves the balances and records the visit in one UPDATE. Upgrades happen at once;
// downgrades wait for the scheduled review.
const setBalancesAfterSale = statement<{ memberId: string; principalFen: number; bonusFen: number; reservedFen: number; points: number; lockedPoints: number; status: string; cardNo: string; seq: number; now: number; storeId: string; totalFen: number; createdAt: number }>((db, p) =>
  db.update(members).set({
    principalFen: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('principalFen')} ELSE ${members.principalFen} END`,
    bonusFen: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('bonusFen')} ELSE ${members.bonusFen} END`,
    reservedFen: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('reservedFen')} ELSE ${members.reservedFen} END`,
    points: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('points')} ELSE ${members.points} END`,
    lockedPoints: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('lockedPoints')} ELSE ${members.lockedPoints} END`,
    status: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('status')} ELSE ${members.status} END`,
    cardNo: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('cardNo')} ELSE ${members.cardNo} END`,
    ledgerSeq: sql`max(${members.ledgerSeq}, ${p('seq')})`,
    updatedAt: p('now'),
    lifetimeSpendFen: sql`${members.lifetimeSpendFen} + ${p('totalFen')}`,
    lastVisitAt: sql`max(coalesce(${members.lastVisitAt}, 0), ${p('createdAt')})`,
    lastVisitStoreId: p('storeId'),
    tierCode: sql`coalesce((SELECT t.code FROM ${tiers} t WHERE t.upgrade_spend_fen <= ${members.lifetimeSpendFen} + ${p('totalFen')} AND t.rank > (SELECT rank FROM ${tiers} WHERE code = ${members.tierCode}) ORDER BY t.rank DESC LIMIT 1), ${members.tierCode})`,
  }).where(eq(members.id, p('memberId'))).returning({ tierCode: members.tierCode, homeStoreId: members.homeStoreId }));

const addVisit = statement<{ memberId: string; storeId: string; at: number }>((db, p) =>
  db.insert(memberStoreVisits).values({ memberId: p('memberId'), storeId: p('storeId'), lastVisitAt: p('at') })
    .onConflictDoUpdate({ target: [memberStoreVisits.memberId, memberStoreVisits.storeId], set: { lastVisitAt: sql`max(${memberStoreVisits.lastVisitAt}, excluded.last_visit_at)` } }));

// A lease row only moves forward (the lease's revision), and knows its device's store.
const upsertAllowance = statement<{ leaseId: string; memberId: string; deviceId: string; heldFen: number; expiresAt: number; state: string; releaseRequestedAt: number | null; writtenOffFen: number; seq: number; now: number }>((db, p) =>
  db.insert(deviceAllowances).values({
    leaseId: p('leaseId'), memberId: p('memberId'), deviceId: p('deviceId'), storeId: sql`(SELECT ${devices.storeId} FROM ${devices} WHERE ${devices.id} = ${p('deviceId')})`,
    heldFen: p('heldFen'), expiresAt: p('expiresAt'), state: p('state') as unknown as 'open', releaseRequestedAt: p('releaseRequestedAt'), writtenOffFen: p('writtenOffFen'), seq: p('seq'), updatedAt: p('now'),
  }).onConflictDoUpdate({
    target: deviceAllowances.leaseId,
    set: { heldFen: sql`excluded.held_fen`, expiresAt: sql`excluded.expires_at`, state: sql`excluded.state`, releaseRequestedAt: sql`excluded.release_requested_at`, writtenOffFen: sql`excluded.written_off_fen`, seq: sql`excluded.seq`, updatedAt: sql`excluded.updated_at` },
    where: sql`${deviceAllowances.seq} < excluded.seq`,
  }));

// Projections of one member land in order, but max() keeps the figure from ever moving back.
const setOrderRefunded = statement<{ id: string; refundedFen: number; now: number }>((db, p) =>
  db.update(orders).set({
    refundedFen: sql`max(${orders.refundedFen}, ${p('refundedFen')})`,
    status: sql`CASE WHEN max(${orders.refundedFen}, ${p('refundedFen')}) >= ${orders.totalFen} THEN 'refunded' ELSE 'partially_refunded' END`,
    updatedAt: p('now'),
  }).where(eq(orders.id, p('id'))));

/**
 * One D1 batch per operation. It opens with a plain INSERT of the op: if the op was already
 * projected, that insert fails and the whole batch rolls back, so a repeat changes nothing.
 * Balances only move forward (`ledger_seq < seq`), so a late write never moves them back.
 */
export function projectionBatch(db: Db, d: ProjectionDoc, now: number): D1PreparedStatement[] {
  const o = d.op;
  const stmts = [
    insertRow(db, accountOps, { opId: o.opId, memberId: d.memberId, kind: o.kind, status: o.status, code: o.code, message: o.message, storeId: o.storeId, staffId: o.staffId, at: o.at, detail: JSON.stringify(o.detail) }),
    ...d.entries.map((e) => insertRow(db, ledgerEntries, { memberId: d.memberId, ...e }, { ignore: true })),
  ];
  const balances = { memberId: d.memberId, ...d.balances, status: d.status, cardNo: d.cardNo, seq: d.seq, now };
  const sale = d.order && o.status === 'applied' ? d.order : null;
  stmts.push(sale ? setBalancesAfterSale(db, { ...balances, storeId: sale.storeId, totalFen: sale.totalFen, createdAt: sale.createdAt }) : setBalances(db, balances));
  for (const l of d.leases ?? []) {
    stmts.push(upsertAllowance(db, {
      leaseId: l.id, memberId: d.memberId, deviceId: l.deviceId, heldFen: l.principalFen + l.bonusFen, expiresAt: l.expiresAt, state: l.state,
      releaseRequestedAt: l.releaseRequestedAt ?? null, writtenOffFen: l.writtenOffFen ?? 0, seq: l.rev ?? 1, now,
    }));
  }
  if (d.audit) stmts.push(insertRow(db, auditLog, d.audit, { ignore: true }));
  if (d.order) stmts.push(...orderInserts(db, d.order, o.status === 'applied' ? null : (o.message ?? o.code), true));
  if (sale) stmts.push(dailySales(db, sale), addVisit(db, { memberId: d.memberId, storeId: sale.storeId, at: sale.createdAt }));
  if (d.refundOf && o.status === 'applied') {
    stmts.push(setOrderRefunded(db, { id: d.refundOf, refundedFen: Number(d.op.detail.cumulativeFen ?? 0), now }));
  }
  return stmts;
}

/** The sale's row in the store's daily rollup for HQ. */
export function dailySales(db: Db, w: OrderWrite): D1PreparedStatement {
  return addDailySales(db, { storeId: w.storeId, day: businessDay(w.createdAt), totalFen: w.totalFen, costFen: w.costFen });
}

const ORDER_COLUMNS = ['storeId', 'staffId', 'memberId', 'kind', 'status', 'rejectReason', 'subtotalFen', 'discountFen', 'totalFen', 'costFen', 'pointsEarned', 'note', 'createdAt', 'receivedAt', 'updatedAt'] as const;
type OrderRow = typeof orders.$inferInsert;

// The member's object is the record of its sales: its order replaces a placeholder that a push
// wrote as rejected before the object's projection landed (worker/sync/push.ts), never a real one.
const upsertOrder = statement<Required<Pick<OrderRow, 'id' | (typeof ORDER_COLUMNS)[number]>>>((db, p) =>
  db.insert(orders).values({ id: p('id'), ...Object.fromEntries(ORDER_COLUMNS.map((c) => [c, p(c)])) } as unknown as OrderRow)
    .onConflictDoUpdate({
      target: orders.id,
      set: Object.fromEntries(ORDER_COLUMNS.map((c) => [c, sql.raw(`excluded.${orders[c].name}`)])),
      where: sql`${orders.status} = 'rejected'`,
    }));

/** The order's rows. `fromMember`: written by a member object's projection (see upsertOrder); a walk-in's plain insert fails on a repeat, which is how a repeat is told. */
export function orderInserts(db: Db, w: OrderWrite, rejectReason: string | null, fromMember = false): D1PreparedStatement[] {
  const row = {
    id: w.id, storeId: w.storeId, staffId: w.staffId, memberId: w.memberId, kind: 'sale' as const, status: rejectReason ? ('rejected' as const) : ('completed' as const), rejectReason,
    subtotalFen: w.subtotalFen, discountFen: w.discountFen, totalFen: w.totalFen, costFen: w.costFen, pointsEarned: rejectReason ? 0 : w.pointsEarned,
    note: w.note, createdAt: w.createdAt, receivedAt: Date.now(), updatedAt: Date.now(),
  };
  return [
    fromMember ? upsertOrder(db, row) : insertRow(db, orders, row),
    ...w.lines.map((l) => insertRow(db, orderLines, { orderId: w.id, lineNo: l.lineNo, productId: l.productId, name: l.name, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen, unitCostFen: l.unitCostFen, explanation: JSON.stringify(l.explanation) })),
    ...w.payments.map((p, i) => insertRow(db, payments, { id: `${w.id}-${i + 1}`, orderId: w.id, tender: p.tender as 'cash', amountFen: p.amountFen, reference: p.reference, createdAt: w.createdAt })),
  ];
}

/** The member's tier as the last balances UPDATE in a projection batch returned it (null: none did). */
export function tierReturned(results: D1Result[]): string | null {
  let tier: string | null = null;
  for (const r of results) for (const row of (r.results ?? []) as { tier_code?: unknown }[]) if (typeof row.tier_code === 'string') tier = row.tier_code;
  return tier;
}

const visitStores = statement<{ memberId: string; since: number }>((db, p) =>
  db.select({ pokeStore: sql<string>`${memberStoreVisits.storeId}`.as('poke_store') }).from(memberStoreVisits)
    .where(and(eq(memberStoreVisits.memberId, p('memberId')), sql`${memberStoreVisits.lastVisitAt} > ${p('since')}`)));

/** Asks, in the same batch, which stores served the member recently: their tablets hold the member. */
export const visitStoresOf = (db: Db, memberId: string, since: number) => visitStores(db, { memberId, since });

/** Stores whose tablets hold these members: home stores the balances UPDATEs returned, and recent visits. */
export function storesReturned(results: D1Result[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const row of (r.results ?? []) as { home_store_id?: unknown; poke_store?: unknown }[]) {
      if (typeof row.home_store_id === 'string') out.push(row.home_store_id);
      if (typeof row.poke_store === 'string') out.push(row.poke_store);
    }
  }
  return out;
}

export const isAlreadyProjected = (e: unknown) => brokenConstraint(e) === 'account_ops.op_id';
