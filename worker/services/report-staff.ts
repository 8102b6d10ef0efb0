import type { Actor } from '../../shared/domain/authz';
import type { ReportQuery } from '../../shared/schemas/report-query';
import type { StaffReport, StaffRow } from '../../shared/schemas/reports-staff';
import { periodStart } from '../jobs/periods';
import { dayWhere, n, selectAll, type Q } from './report-sql';
import { reportScope, scopeSql, type ReportScope } from './report-scope';

const DAY = 86_400_000;
/** The business days from..to as UTC ms [start, end). */
export const msRange = (from: string, to: string) => ({ start: periodStart(from), end: periodStart(to) + DAY });

/** Members each clerk registered at each store in the period (the `member.register` audit rows; audit_action_at_idx). */
export function cardsOpenedQuery(from: string, to: string, scope: ReportScope): Q {
  const { start, end } = msRange(from, to);
  const s = scopeSql(scope, 'a.store_id');
  return {
    sql: `SELECT a.actor_id AS staffId, a.store_id AS storeId, count(*) AS cards FROM audit_log a
      WHERE a.action = 'member.register' AND a.at >= ? AND a.at < ? AND a.actor_kind = 'staff'${s.sql} GROUP BY a.actor_id, a.store_id`,
    binds: [start, end, ...s.binds],
  };
}

const key = (staffId: unknown, storeId: unknown) => `${String(storeId)}|${String(staffId)}`;

/**
 * Per clerk and store: sales, orders, average ticket, refunds, cards opened, recharges taken,
 * punch cards sold and the visit ratings their sales got. Three GROUP BYs in one batch.
 */
export async function staffReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<StaffReport> {
  const scope = reportScope(actor, q.storeId);
  const w = dayWhere(q.from, q.to, scope, 'd');
  const { start, end } = msRange(q.from, q.to);
  // All stores as an IN over the stores, so visit_ratings_store_idx serves it (one range per store) rather than a scan.
  const rs = scope.storeIds ? scopeSql(scope, 'v.store_id') : { sql: ' AND v.store_id IN (SELECT id FROM stores)', binds: [] as string[] };
  type R = Record<string, unknown>;
  const [daily, cards, ratings, names] = await selectAll<R[]>(d1, [
    { sql: `SELECT d.staff_id AS staffId, d.store_id AS storeId, sum(d.orders) AS orders, sum(d.net_fen) - sum(d.refund_fen) AS salesFen, sum(d.refunds) AS refunds,
      sum(d.refund_fen) AS refundFen, sum(d.recharges) AS recharges, sum(d.recharge_fen) AS rechargeFen, sum(d.punch_cards) AS punchCards, sum(d.punch_fen) AS punchFen
      FROM staff_daily d WHERE ${w.sql} GROUP BY d.staff_id, d.store_id`, binds: w.binds },
    cardsOpenedQuery(q.from, q.to, scope),
    { sql: `SELECT v.staff_id AS staffId, v.store_id AS storeId, count(*) AS ratings, sum(v.score) AS ratingSum FROM visit_ratings v
      WHERE v.created_at >= ? AND v.created_at < ? AND v.staff_id IS NOT NULL${rs.sql} GROUP BY v.staff_id, v.store_id`, binds: [start, end, ...rs.binds] },
    staffNamesQuery(scope),
  ]);
  const rows = new Map<string, StaffRow>();
  const row = (r: R) => {
    const k = key(r.staffId, r.storeId);
    let x = rows.get(k);
    if (!x) rows.set(k, (x = blank(String(r.staffId), String(r.storeId))));
    return x;
  };
  for (const r of daily!) Object.assign(row(r), { orders: n(r.orders), salesFen: n(r.salesFen), refunds: n(r.refunds), refundFen: n(r.refundFen), recharges: n(r.recharges), rechargeFen: n(r.rechargeFen), punchCards: n(r.punchCards), punchFen: n(r.punchFen) });
  for (const r of cards!) row(r).cardsOpened = n(r.cards);
  for (const r of ratings!) Object.assign(row(r), { ratings: n(r.ratings), ratingSum: n(r.ratingSum) });
  return { period: { from: q.from, to: q.to }, rows: named([...rows.values()], names!).map((x) => ({ ...x, avgTicketFen: x.orders ? Math.round(x.salesFen / x.orders) : 0 })).sort((a, b) => b.salesFen - a.salesFen) };
}

const blank = (staffId: string, storeId: string): StaffRow => ({
  staffId, staffName: staffId, storeId, storeName: storeId, orders: 0, salesFen: 0, avgTicketFen: 0, refunds: 0, refundFen: 0,
  cardsOpened: 0, recharges: 0, rechargeFen: 0, punchCards: 0, punchFen: 0, ratings: 0, ratingSum: 0,
});

/** Names of the staff and stores in scope: one small SELECT instead of a join per figure. */
export function staffNamesQuery(scope: ReportScope): Q {
  const s = scopeSql(scope, 'id');
  return { sql: `SELECT 'staff' AS t, id, name FROM staff UNION ALL SELECT 'store', id, name FROM stores WHERE 1 = 1${s.sql}`, binds: s.binds };
}

export function named<T extends { staffId: string; storeId: string; staffName: string; storeName: string }>(rows: T[], names: Record<string, unknown>[]): T[] {
  const staff = new Map(names.filter((r) => r.t === 'staff').map((r) => [String(r.id), String(r.name)]));
  const stores = new Map(names.filter((r) => r.t === 'store').map((r) => [String(r.id), String(r.name)]));
  return rows.map((r) => ({ ...r, staffName: staff.get(r.staffId) ?? r.staffId, storeName: stores.get(r.storeId) ?? r.storeId }));
}
