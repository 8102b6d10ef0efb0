import type { Actor } from '../../shared/domain/authz';
import { businessDay, CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';
import { phoneFor } from '../../shared/domain/phone-mask';
import { compared, comparisonPeriod, periodDays } from '../../shared/domain/report-period';
import { DORMANT_DAYS, type MembersReport } from '../../shared/schemas/report-members';
import type { ReportQuery } from '../../shared/schemas/report-query';
import { reportScope, scopeSql, type ReportScope } from './report-scope';
import { topMembers } from './report-top-members';

const DAY = 86_400_000;
/** Local midnight at the start of a business day, UTC ms. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - CHAIN_UTC_OFFSET_MINUTES * 60_000;
type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

export const storeList = async (d1: D1Database, scope: ReportScope) => {
  const s = scopeSql(scope, 'id');
  return (await d1.prepare(`SELECT id, name FROM stores WHERE 1 = 1${s.sql} ORDER BY code, id`).bind(...s.binds).all<{ id: string; name: string }>()).results;
};

/** Members who bought in from..to but were seen again after it (last_visit_at alone would miss them). */
const activeLaterSql = (s: { sql: string }) => `SELECT m.home_store_id AS storeId, count(*) AS n FROM members m
  WHERE m.last_visit_at >= ?${s.sql} AND EXISTS (SELECT 1 FROM member_daily d WHERE d.member_id = m.id AND d.day >= ? AND d.day <= ?) GROUP BY m.home_store_id`;

/**
 * 会员分析 for a period. Counts are by the member's home store: new (joined_at in the period),
 * active (a visit in the period: last_visit_at in it, or a purchase in it by someone seen since),
 * never visited and dormant (no visit for 90 / 180 days as of today). One pass over members, one
 * index walk for the active-since and tags in one D1 batch, and the top spenders
 * (report-top-members.ts). The cross-store matrix is its own request (report-cross-store.ts).
 */
export async function membersReport(d1: D1Database, actor: Actor, q: ReportQuery, now = Date.now()): Promise<MembersReport> {
  const scope = reportScope(actor, q.storeId);
  const home = scopeSql(scope, 'home_store_id');
  const mHome = scopeSql(scope, 'm.home_store_id');
  const base = comparisonPeriod(q.from, q.to, q.compare);
  const f = dayStart(q.from), t = dayStart(q.to) + DAY;
  const bf = base ? dayStart(base.from) : 0, bt = base ? dayStart(base.to) + DAY : 0;
  const asOf = businessDay(now);
  const today = dayStart(asOf);
  const [d90, d180] = DORMANT_DAYS.map((d) => today - d * DAY) as [number, number];
  const stmts = [
    d1.prepare(`SELECT home_store_id AS storeId, count(*) AS total, sum(last_visit_at IS NULL) AS never, sum(last_visit_at < ?) AS d90, sum(last_visit_at < ?) AS d180,
        sum(joined_at >= ? AND joined_at < ?) AS newN, sum(joined_at >= ? AND joined_at < ?) AS newBase,
        sum(last_visit_at >= ? AND last_visit_at < ?) AS activeIn, sum(last_visit_at >= ? AND last_visit_at < ?) AS activeBaseIn
      FROM members WHERE status != 'closed'${home.sql} GROUP BY home_store_id`).bind(d90, d180, f, t, bf, bt, f, t, bf, bt, ...home.binds),
    d1.prepare(activeLaterSql(mHome)).bind(t, ...mHome.binds, q.from, q.to),
    d1.prepare(`SELECT t.tag, t.source, count(*) AS members FROM member_tags t JOIN members m ON m.id = t.member_id WHERE m.status != 'closed'${mHome.sql} GROUP BY t.tag, t.source ORDER BY members DESC, t.tag LIMIT 60`).bind(...mHome.binds),
  ];
  if (base) stmts.push(d1.prepare(activeLaterSql(mHome)).bind(bt, ...mHome.binds, base.from, base.to));
  const [results, top, stores] = await Promise.all([d1.batch<Row>(stmts), topMembers(d1, scope, q.from, q.to, periodDays(q.from, q.to)), storeList(d1, scope)]);
  const [counts, later, tags, laterBase] = results.map((r) => r.results) as [Row[], Row[], Row[], Row[] | undefined];
  const laterOf = new Map(later.map((r) => [String(r.storeId), n(r.n)]));
  const byStore = counts.map((r) => ({
    storeId: String(r.storeId), total: n(r.total), newMembers: n(r.newN), activeMembers: n(r.activeIn) + (laterOf.get(String(r.storeId)) ?? 0),
    neverVisited: n(r.never), dormant: [n(r.d90), n(r.d180)],
  }));
  const sum = (k: string) => counts.reduce((a, r) => a + n(r[k]), 0);
  const laterTotal = (rows: Row[]) => rows.reduce((a, r) => a + n(r.n), 0);
  const people = await memberNames(d1, top.rows.map((r) => r.memberId));
  return {
    from: q.from, to: q.to, asOf, dormantDays: [...DORMANT_DAYS], stores,
    summary: {
      totalMembers: sum('total'),
      newMembers: compared(sum('newN'), base ? sum('newBase') : null),
      activeMembers: compared(sum('activeIn') + laterTotal(later), base ? sum('activeBaseIn') + laterTotal(laterBase ?? []) : null),
      neverVisited: sum('never'),
      dormant: DORMANT_DAYS.map((days, i) => ({ days, members: sum(i === 0 ? 'd90' : 'd180') })),
    },
    byStore,
    top: {
      method: top.method, scanned: top.scanned,
      members: top.rows.map((r) => {
        const p = people.get(r.memberId);
        return { ...r, name: p?.name ?? '', phone: p ? phoneFor(actor, p) : '', homeStoreId: p?.homeStoreId ?? '' };
      }),
    },
    tags: tags.map((r) => ({ tag: String(r.tag), source: r.source === 'member' ? 'member' as const : 'staff' as const, members: n(r.members) })),
  };
}

type Person = { id: string; name: string; phone: string; homeStoreId: string; lastVisitStoreId: string | null };
export async function memberNames(d1: D1Database, ids: readonly string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = (await d1.prepare(`SELECT id, name, phone, home_store_id AS homeStoreId, last_visit_store_id AS lastVisitStoreId FROM members WHERE id IN (SELECT value FROM json_each(?))`)
    .bind(JSON.stringify(ids)).all<Person>()).results;
  return new Map(rows.map((r) => [r.id, r]));
}
