import { and, eq, lt, sql } from 'drizzle-orm';
import { businessDay } from '../../shared/domain/business-day';
import type { Balances, LedgerEntry } from '../../shared/schemas/account';
import type { Lease } from '../../shared/domain/allowance/leases';
import type { PricedLine } from '../../shared/schemas/order';
import type { Db } from '../db/client';
import { insertRow, statement } from '../db/statements';
import { brokenConstraint } from '../db/constraint';
import type { AuditRow } from '../services/audit';
import { deviceAllowances, devices, members, orderLines, orders, payments, storeDailySales, tiers } from '../db/schema';

/** A discount on an order line as kept for reports: which campaign, coupon or tier gave how much. */
export type LineDiscount = { kind: string; refId: string | null; fen: number };

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
  /** `discounts`: the engine's discounts with their campaign, coupon or tier (absent in documents written before 0014). */
  lines: (PricedLine & { discounts?: LineDiscount[] })[];
  /** The points campaign whose multiplier the sale earned under. */
  pointsCampaignId?: string | null;
  /** The order request's fingerprint (shared/domain/idempotency.ts); absent in outbox documents written before it. */
  requestHash?: string | null;
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
  /** The soonest anything of the account expires after this op (absent in documents written before it was kept). */
  nextExpiryAt?: number | null;
};

export const setBalances = statement<{ memberId: string; principalFen: number; bonusFen: number; reservedFen: number; points: number; lockedPoints: number; status: string; cardNo: string; seq: number; now: number; nextExpiryAt: number | null }>((db, p) =>
  db.update(members)
    .set({ principalFen: p('principalFen'), bonusFen: p('bonusFen'), reservedFen: p('reservedFen'), points: p('points'), lockedPoints: p('lockedPoints'), status: p('status'), cardNo: p('cardNo'), ledgerSeq: p('seq'), updatedAt: p('now'), nextExpiryAt: p('nextExpiryAt') })
    .where(and(eq(members.id, p('memberId')), lt(members.ledgerSeq, p('seq'))))
    .returning({ tierCode: members.tierCode, homeStoreId: members.homeStoreId }));

export const addDailySales = statement<{ storeId: string; day: string; totalFen: number; costFen: number }>((db, p) =>
  db.insert(storeDailySales).values({ storeId: p('storeId'), day: p('day'), orders: 1, salesFen: p('totalFen'), costFen: p('costFen') })
    .onConflictDoUpdate({ target: [storeDailySales.storeId, storeDailySales.day], set: { orders: sql`${storeDailySales.orders} + 1`, salesFen: sql`${storeDailySales.salesFen} + ${p('totalFen')}`, costFen: sql`${storeDailySales.costFen} + ${p('costFen')}` } }));

// A sale moves the balances and records the visit in one UPDATE. Upgrades happen at once;
// downgrades wait for the scheduled review.
export const setBalancesAfterSale = statement<{ memberId: string; principalFen: number; bonusFen: number; reservedFen: number; points: number; lockedPoints: number; status: string; cardNo: string; seq: number; now: number; storeId: string; totalFen: number; createdAt: number; nextExpiryAt: number | null }>((db, p) => {
  const upgrade = sql`(SELECT t.code FROM ${tiers} t WHERE t.upgrade_spend_fen <= ${members.lifetimeSpendFen} + ${p('totalFen')} AND t.rank > (SELECT rank FROM ${tiers} WHERE code = ${members.tierCode}) ORDER BY t.rank DESC LIMIT 1)`;
  return db.update(members).set({
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
    nextExpiryAt: sql`CASE WHEN ${members.ledgerSeq} < ${p('seq')} THEN ${p('nextExpiryAt')} ELSE ${members.nextExpiryAt} END`,
    tierCode: sql`coalesce(${upgrade}, ${members.tierCode})`,
    // The tier review counts a tier's time from here (shared/domain/tier-review.ts).
    tierSince: sql`CASE WHEN ${upgrade} IS NULL THEN ${members.tierSince} ELSE ${p('createdAt')} END`,
  }).where(eq(members.id, p('memberId'))).returning({ tierCode: members.tierCode, homeStoreId: members.homeStoreId });
});

// The tier review's change (decision 019), only if the tier is still the one reviewed: a sale's
// upgrade in between wins. Its RETURNING tells the member's object the tier D1 now has.
export const setReviewedTier = statement<{ memberId: string; from: string; to: string; at: number; now: number }>((db, p) =>
  db.update(members).set({
    tierCode: sql`CASE WHEN ${members.tierCode} = ${p('from')} THEN ${p('to')} ELSE ${members.tierCode} END`,
    tierSince: sql`CASE WHEN ${members.tierCode} = ${p('from')} THEN ${p('at')} ELSE ${members.tierSince} END`,
    updatedAt: sql`CASE WHEN ${members.tierCode} = ${p('from')} THEN ${p('now')} ELSE ${members.updatedAt} END`,
  }).where(eq(members.id, p('memberId'))).returning({ tierCode: members.tierCode, homeStoreId: members.homeStoreId }));

// A lease row only moves forward (the lease's revision), and knows its device's store.
export const upsertAllowance = statement<{ leaseId: string; memberId: string; deviceId: string; heldFen: number; expiresAt: number; state: string; releaseRequestedAt: number | null; writtenOffFen: number; seq: number; now: number }>((db, p) =>
  db.insert(deviceAllowances).values({
    leaseId: p('leaseId'), memberId: p('memberId'), deviceId: p('deviceId'), storeId: sql`(SELECT ${devices.storeId} FROM ${devices} WHERE ${devices.id} = ${p('deviceId')})`,
    heldFen: p('heldFen'), expiresAt: p('expiresAt'), state: p('state') as unknown as 'open', releaseRequestedAt: p('releaseRequestedAt'), writtenOffFen: p('writtenOffFen'), seq: p('seq'), updatedAt: p('now'),
  }).onConflictDoUpdate({
    target: deviceAllowances.leaseId,
    set: { heldFen: sql`excluded.held_fen`, expiresAt: sql`excluded.expires_at`, state: sql`excluded.state`, releaseRequestedAt: sql`excluded.release_requested_at`, writtenOffFen: sql`excluded.written_off_fen`, seq: sql`excluded.seq`, updatedAt: sql`excluded.updated_at` },
    where: sql`${deviceAllowances.seq} < excluded.seq`,
  }));

// Projections of one member land in order, but max() keeps the figure from ever moving back.
export const setOrderRefunded = statement<{ id: string; refundedFen: number; now: number }>((db, p) =>
  db.update(orders).set({
    refundedFen: sql`max(${orders.refundedFen}, ${p('refundedFen')})`,
    status: sql`CASE WHEN max(${orders.refundedFen}, ${p('refundedFen')}) >= ${orders.totalFen} THEN 'refunded' ELSE 'partially_refunded' END`,
    updatedAt: p('now'),
  }).where(eq(orders.id, p('id'))));

/** The sale's row in the store's daily rollup for HQ. */
export function dailySales(db: Db, w: OrderWrite): D1PreparedStatement {
  return addDailySales(db, { storeId: w.storeId, day: businessDay(w.createdAt), totalFen: w.totalFen, costFen: w.costFen });
}

const ORDER_COLUMNS = ['storeId', 'staffId', 'memberId', 'kind', 'status', 'rejectReason', 'subtotalFen', 'discountFen', 'totalFen', 'costFen', 'pointsEarned', 'pointsCampaignId', 'note', 'createdAt', 'receivedAt', 'updatedAt', 'requestHash'] as const;

/** An order as rows of `orders`, `order_lines` and `payments`; a refused one earns nothing. */
export function orderRows(w: OrderWrite, rejectReason: string | null, now = Date.now()) {
  const order = {
    id: w.id, storeId: w.storeId, staffId: w.staffId, memberId: w.memberId, kind: 'sale' as const, status: rejectReason ? ('rejected' as const) : ('completed' as const), rejectReason,
    subtotalFen: w.subtotalFen, discountFen: w.discountFen, totalFen: w.totalFen, costFen: w.costFen, pointsEarned: rejectReason ? 0 : w.pointsEarned, pointsCampaignId: rejectReason ? null : (w.pointsCampaignId ?? null),
    note: w.note, createdAt: w.createdAt, receivedAt: now, updatedAt: now, requestHash: w.requestHash ?? null,
  };
  const lines = w.lines.map((l) => ({ orderId: w.id, lineNo: l.lineNo, productId: l.productId, name: l.name, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen, unitCostFen: l.unitCostFen, explanation: JSON.stringify(l.explanation), categoryId: l.categoryId, discounts: JSON.stringify(l.discounts ?? []) }));
  const paid = w.payments.map((p, i) => ({ id: `${w.id}-${i + 1}`, orderId: w.id, tender: p.tender as 'cash', amountFen: p.amountFen, reference: p.reference, createdAt: w.createdAt }));
  return { order, lines, payments: paid };
}

/**
 * The member's object is the record of its sales: its order replaces a placeholder that a push
 * wrote as rejected before the object's projection landed (worker/sync/push.ts), never a real one.
 */
export const ORDER_UPSERT = `ON CONFLICT("id") DO UPDATE SET ${ORDER_COLUMNS.map((c) => `"${orders[c].name}" = excluded."${orders[c].name}"`).join(', ')} WHERE "orders"."status" = 'rejected'`;

/** A walk-in sale's rows: a plain insert, which fails on a repeat — that is how a repeat is told. */
export function orderInserts(db: Db, w: OrderWrite, rejectReason: string | null): D1PreparedStatement[] {
  const r = orderRows(w, rejectReason);
  return [
    insertRow(db, orders, r.order),
    ...r.lines.map((l) => insertRow(db, orderLines, l)),
    ...r.payments.map((p) => insertRow(db, payments, p)),
  ];
}

/** The member's tier as the last balances UPDATE in a projection batch returned it (null: none did). */
export function tierReturned(results: D1Result[]): string | null {
  let tier: string | null = null;
  for (const r of results) for (const row of (r.results ?? []) as { tier_code?: unknown }[]) if (typeof row.tier_code === 'string') tier = row.tier_code;
  return tier;
}

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
