import { businessDay, CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';
import { RFM_WINDOW_DAYS, scoreRfm } from '../../shared/domain/rfm';
import { periodStart } from './periods';
import type { JobContext, JobDef } from './types';

const DAY = 86_400_000;
/** Months of joining kept in member_cohorts (the period's month and the 11 before). */
export const COHORT_MONTHS = 12;
const STORES_PER_PAGE = 5;

type Member = { id: string; homeStoreId: string; status: string; lastVisitAt: number | null; orders: number; netFen: number };

// A member's year from member_daily by its primary key (member_id, day, …): a page of 500 members reads only their rows.
const MEMBERS_SQL = `SELECT m.id, m.home_store_id AS homeStoreId, m.status, m.last_visit_at AS lastVisitAt,
    coalesce(sum(d.orders), 0) AS orders, coalesce(sum(d.net_fen - d.refund_fen), 0) AS netFen
  FROM members m LEFT JOIN member_daily d ON d.member_id = m.id AND d.day >= ?1 AND d.day <= ?2
  WHERE m.id > ?3 GROUP BY m.id ORDER BY m.id LIMIT ?4`;
const UPSERT_SQL = `INSERT INTO member_rfm (member_id, home_store_id, last_visit_day, orders, net_fen, r, f, m, segment, computed_at)
  SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]', value ->> '$[4]', value ->> '$[5]', value ->> '$[6]', value ->> '$[7]', value ->> '$[8]', ?2 FROM json_each(?1) WHERE true
  ON CONFLICT(member_id) DO UPDATE SET home_store_id = excluded.home_store_id, last_visit_day = excluded.last_visit_day, orders = excluded.orders, net_fen = excluded.net_fen,
    r = excluded.r, f = excluded.f, m = excluded.m, segment = excluded.segment, computed_at = excluded.computed_at`;
// Of the store's members who joined in each month of the window, how many bought in each month since (their home store now).
const COHORT_SQL = `WITH c AS (SELECT id, strftime('%Y-%m', joined_at / 1000 + ?2, 'unixepoch') AS cohort FROM members WHERE home_store_id = ?1 AND joined_at >= ?3 AND joined_at < ?4),
  j AS (SELECT cohort, count(*) AS joined FROM c GROUP BY cohort),
  a AS (SELECT c.cohort, substr(d.day, 1, 7) AS month, count(DISTINCT d.member_id) AS active FROM c JOIN member_daily d ON d.member_id = c.id AND d.day >= ?5 AND d.day <= ?6 AND d.orders > 0 GROUP BY c.cohort, month)
  INSERT INTO member_cohorts (home_store_id, cohort, month, joined, active, computed_at)
  SELECT ?1, j.cohort, j.cohort, j.joined, coalesce((SELECT a.active FROM a WHERE a.cohort = j.cohort AND a.month = j.cohort), 0), ?7 FROM j
  UNION ALL SELECT ?1, a.cohort, a.month, j.joined, a.active, ?7 FROM a JOIN j ON j.cohort = a.cohort WHERE a.month > a.cohort`;

/** The first day of the month `back` months before `month` (YYYY-MM). */
export function monthsBack(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}

/** RFM for one page of members: scored as of the period's start over the 365 business days before it. */
async function rfmPage(ctx: JobContext, after: string, limit: number) {
  const d1 = ctx.env.DB;
  const asOf = periodStart(ctx.period);
  const from = businessDay(asOf - RFM_WINDOW_DAYS * DAY), to = businessDay(asOf - DAY);
  const rows = (await d1.prepare(MEMBERS_SQL).bind(from, to, after, limit).all<Member>()).results;
  const live = rows.filter((m) => m.status !== 'closed');
  const values = live.map((m) => {
    const s = scoreRfm({ daysSinceLastVisit: m.lastVisitAt === null ? null : Math.max(0, Math.floor((asOf - m.lastVisitAt) / DAY)), orders: Number(m.orders), netFen: Number(m.netFen) });
    return [m.id, m.homeStoreId, m.lastVisitAt === null ? null : businessDay(m.lastVisitAt), Number(m.orders), Number(m.netFen), s.r, s.f, s.m, s.segment];
  });
  const closed = rows.filter((m) => m.status === 'closed').map((m) => m.id);
  const stmts = [d1.prepare(UPSERT_SQL).bind(JSON.stringify(values), ctx.now)];
  if (closed.length) stmts.push(d1.prepare(`DELETE FROM member_rfm WHERE member_id IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(closed)));
  if (rows.length) await d1.batch(stmts);
  return { processed: rows.length, changed: live.length, last: rows.at(-1)?.id ?? null, done: rows.length < limit };
}

/** Retention for a few home stores: each store's rows replaced in one batch, so a rerun writes the same. */
async function cohortPage(ctx: JobContext, after: string) {
  const d1 = ctx.env.DB;
  const stores = (await d1.prepare(`SELECT id FROM stores WHERE id > ? ORDER BY id LIMIT ?`).bind(after, STORES_PER_PAGE).all<{ id: string }>()).results;
  const asOf = periodStart(ctx.period);
  const lastDay = businessDay(asOf - DAY);
  const first = monthsBack(lastDay.slice(0, 7), COHORT_MONTHS - 1);
  const fromMs = Date.parse(`${first}-01T00:00:00Z`) - CHAIN_UTC_OFFSET_MINUTES * 60_000;
  const stmts = stores.flatMap((s) => [
    d1.prepare(`DELETE FROM member_cohorts WHERE home_store_id = ?`).bind(s.id),
    d1.prepare(COHORT_SQL).bind(s.id, CHAIN_UTC_OFFSET_MINUTES * 60, fromMs, asOf, `${first}-01`, lastDay, ctx.now),
  ]);
  const written = stmts.length ? await d1.batch(stmts) : [];
  const changed = written.reduce((n, r, i) => n + (i % 2 === 1 ? (r.meta.changes ?? 0) : 0), 0);
  return { processed: stores.length, changed, last: stores.at(-1)?.id ?? null, done: stores.length < STORES_PER_PAGE };
}

/**
 * The nightly member analysis (issue 19, decision 029): RFM scores per member into member_rfm
 * (members walked by id, a page per D1 read and one write), then retention by month of joining
 * per home store into member_cohorts (a few stores a page). The cursor says which: `rfm:<id>`
 * then `cohort:<storeId>`. Every page overwrites what it computes, so a page done twice, a rerun
 * or a late run writes the same figures; closed members leave member_rfm.
 */
export const memberAnalysis: JobDef = {
  name: 'member-analysis',
  applies: () => true,
  async page(ctx, after, limit) {
    const cur = after ?? 'rfm:';
    if (cur.startsWith('rfm:')) {
      const p = await rfmPage(ctx, cur.slice(4), limit);
      return { processed: p.processed, changed: p.changed, failed: 0, error: null, next: p.done || p.last === null ? 'cohort:' : `rfm:${p.last}` };
    }
    const p = await cohortPage(ctx, cur.slice(7));
    return { processed: p.processed, changed: p.changed, failed: 0, error: null, next: p.done || p.last === null ? null : `cohort:${p.last}` };
  },
};
