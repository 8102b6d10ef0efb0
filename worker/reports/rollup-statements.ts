import type { LedgerEntry } from '../../shared/schemas/account';
import { CAMPAIGN_MEMBERS_UPSERT, COUNTED_SALE, IN_BATCH, ROLLUPS, campaignSelects, jsonRows, punchStaffSelect, rechargeStaffSelect, refundSelects, saleSelects, upsert, valueSelect } from './rollup-sql';

const SALE_ROLLUPS = ['lines', 'products', 'cross', 'hourly', 'tenders', 'staff', 'spend'] as const;

/** The rollups' additions for the sales these statements follow in a batch (decision 028). */
export function saleRollupStatements(d1: D1Database, orderIds: readonly string[]): D1PreparedStatement[] {
  if (orderIds.length === 0) return [];
  const ids = JSON.stringify([...new Set(orderIds)]);
  const where = `${IN_BATCH} AND ${COUNTED_SALE}`;
  const s = saleSelects(where);
  const c = campaignSelects(where);
  return [
    ...SALE_ROLLUPS.map((k) => d1.prepare(upsert(ROLLUPS[k], s[k])).bind(ids)),
    d1.prepare(upsert(ROLLUPS.members, s.members, ['home_store_id'])).bind(ids),
    d1.prepare(upsert(ROLLUPS.campaigns, c.daily, [], c.with)).bind(ids),
    d1.prepare(CAMPAIGN_MEMBERS_UPSERT(c.members, c.with)).bind(ids),
  ];
}

const REFUND_ROLLUPS = ['lines', 'products', 'cross', 'hourly', 'staff', 'spend'] as const;

function refundStatements(d1: D1Database, where: string, r1: string, params: unknown[]): D1PreparedStatement[] {
  const r = refundSelects(where, 'o.refunded_fen', r1);
  return [
    ...REFUND_ROLLUPS.map((k) => d1.prepare(upsert(ROLLUPS[k], r[k], [], r.with)).bind(...params)),
    d1.prepare(upsert(ROLLUPS.members, r.members, ['home_store_id'], r.with)).bind(...params),
  ];
}

/**
 * A member's refund of a sale, to run in the projection batch BEFORE the statement that moves the
 * sale's refunded total to `cumulativeFen`: it adds alloc(after) − alloc(before), nothing if the
 * total is already there.
 */
export const memberRefundRollups = (d1: D1Database, orderId: string, cumulativeFen: number) =>
  refundStatements(d1, 'o.id = ?1', '?2', [orderId, cumulativeFen]);

/**
 * A walk-in refund of `amountFen`, between the batch's audit insert and its UPDATE of the sale:
 * counted only if this try's audit row is there (the refund fitted), like the UPDATE.
 */
export const walkInRefundRollups = (d1: D1Database, orderId: string, amountFen: number, opId: string, detail: string) =>
  refundStatements(d1, `o.id = ?1 AND EXISTS (SELECT 1 FROM audit_log a WHERE a.id = ?3 AND a.detail = ?4)`, 'o.refunded_fen + ?2', [orderId, amountFen, opId, detail]);

const ENTRY_COLS = ['member_id', 'kind', 'principal_delta', 'bonus_delta', 'points_delta', 'store_id', 'staff_id', 'at'] as const;
const AUDIT_COLS = ['action', 'actor_id', 'store_id', 'at', 'detail'] as const;

export type LedgerFact = Pick<LedgerEntry, 'kind' | 'principalDelta' | 'bonusDelta' | 'pointsDelta' | 'storeId' | 'staffId' | 'at'> & { memberId: string };
export type PunchSaleFact = { actorId: string; storeId: string | null; at: number; detail: string | null };

/** The ledger's rollups for a batch's new entries and the punch-card sales among its applied ops. */
export function ledgerRollupStatements(d1: D1Database, entries: readonly LedgerFact[], punchSales: readonly PunchSaleFact[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  if (entries.length > 0) {
    const json = JSON.stringify(entries.map((e) => ({ member_id: e.memberId, kind: e.kind, principal_delta: e.principalDelta, bonus_delta: e.bonusDelta, points_delta: e.pointsDelta, store_id: e.storeId, staff_id: e.staffId, at: e.at })));
    const source = jsonRows('?1', ENTRY_COLS);
    out.push(d1.prepare(upsert(ROLLUPS.value, valueSelect(source))).bind(json));
    if (entries.some((e) => e.kind === 'recharge')) out.push(d1.prepare(upsert(ROLLUPS.staff, rechargeStaffSelect(source))).bind(json));
  }
  if (punchSales.length > 0) {
    const json = JSON.stringify(punchSales.map((p) => ({ action: 'account.punch_sale', actor_id: p.actorId, store_id: p.storeId, at: p.at, detail: p.detail })));
    out.push(d1.prepare(upsert(ROLLUPS.staff, punchStaffSelect(jsonRows('?1', AUDIT_COLS)))).bind(json));
  }
  return out;
}
