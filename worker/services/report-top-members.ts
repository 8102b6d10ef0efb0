import { TOP_MEMBERS } from '../../shared/schemas/report-members';
import { scopeSql, type ReportScope } from './report-scope';

export type TopRow = { memberId: string; orders: number; netFen: number; refundFen: number; spendFen: number };
export type TopResult = { method: 'direct' | 'bounded'; scanned: number; rows: TopRow[] };

/** Longer periods than this walk member_spend (the bound); shorter ones sum member_daily's days directly. */
export const DIRECT_MAX_DAYS = 62;
const CHUNK = 250;
const MAX_CHUNKS = 12;

const num = (r: Record<string, unknown>): TopRow => ({
  memberId: String(r.memberId), orders: Number(r.orders ?? 0), netFen: Number(r.netFen ?? 0), refundFen: Number(r.refundFen ?? 0), spendFen: Number(r.spendFen ?? 0),
});
const byspend = (a: TopRow, b: TopRow) => b.spendFen - a.spendFen || a.memberId.localeCompare(b.memberId);

/**
 * One GROUP BY over the period's member_daily rows, read from member_daily_day_idx alone (it
 * covers day, store, member and the sums), never the table's rows.
 */
async function direct(d1: D1Database, scope: ReportScope, from: string, to: string, n: number, _days: number): Promise<TopResult> {
  const s = scopeSql(scope, 'store_id');
  const table = 'member_daily INDEXED BY member_daily_day_idx';
  const rows = (await d1.prepare(`SELECT member_id AS memberId, sum(orders) AS orders, sum(net_fen) AS netFen, sum(refund_fen) AS refundFen, sum(net_fen - refund_fen) AS spendFen
      FROM ${table} WHERE day >= ? AND day <= ?${s.sql} GROUP BY member_id HAVING spendFen > 0 ORDER BY spendFen DESC, member_id LIMIT ?`)
    .bind(from, to, ...s.binds, n).all<Record<string, unknown>>()).results.map(num);
  return { method: 'direct', scanned: rows.length, rows };
}

/**
 * Exact top N for a long period without summing every member's year: members are taken in order
 * of all-time net spend (member_spend.net_fen, indexed), which bounds any period's spend (a day's
 * refunds never exceed its sales); each chunk's period sums are read by the member_daily primary
 * key. Once the N-th best period spend is at least the bound of the next member, no one further
 * down can enter the top N. A chain whose top spenders spent elsewhere than the store asked for
 * could walk far: after MAX_CHUNKS it falls back to the direct sum.
 */
async function bounded(d1: D1Database, scope: ReportScope, from: string, to: string, n: number, days: number): Promise<TopResult> {
  const s = scopeSql(scope, 'd.store_id');
  const best: TopRow[] = [];
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const rows = (await d1.prepare(`WITH c AS (SELECT member_id, net_fen AS bound FROM member_spend ORDER BY net_fen DESC LIMIT ? OFFSET ?)
        SELECT c.member_id AS memberId, min(c.bound) AS bound, sum(d.orders) AS orders, sum(d.net_fen) AS netFen, sum(d.refund_fen) AS refundFen, sum(d.net_fen - d.refund_fen) AS spendFen
        FROM c LEFT JOIN member_daily d ON d.member_id = c.member_id AND d.day >= ? AND d.day <= ?${s.sql} GROUP BY c.member_id`)
      .bind(CHUNK, chunk * CHUNK, from, to, ...s.binds).all<Record<string, unknown>>()).results;
    for (const r of rows) if (Number(r.spendFen ?? 0) > 0) best.push(num(r));
    best.sort(byspend).splice(n);
    const scanned = chunk * CHUNK + rows.length;
    const lowestBound = rows.reduce((m, r) => Math.min(m, Number(r.bound)), Infinity);
    if (rows.length < CHUNK || (best.length === n && best[n - 1]!.spendFen >= lowestBound) || lowestBound <= 0) return { method: 'bounded', scanned, rows: best };
  }
  return direct(d1, scope, from, to, n, days);
}

/**
 * The bounded walk only for the whole chain: for one store the chain's top spenders' all-time
 * totals are loose bounds on their spending there (measured: no stop in the first 1,000), and the
 * store's own rows are a tenth of the table.
 */
export function topMembers(d1: D1Database, scope: ReportScope, from: string, to: string, days: number, n = TOP_MEMBERS): Promise<TopResult> {
  return days > DIRECT_MAX_DAYS && scope.storeIds === null ? bounded(d1, scope, from, to, n, days) : direct(d1, scope, from, to, n, days);
}
