import type { Actor } from '../../shared/domain/authz';
import { phoneFor } from '../../shared/domain/phone-mask';
import { RFM_HIGH, RFM_SEGMENTS, RFM_THRESHOLDS, RFM_WINDOW_DAYS, type RfmSegment } from '../../shared/domain/rfm';
import type { RetentionReport, RfmMembersPage, RfmReport } from '../../shared/schemas/report-members';
import { reportScope, scopeSql } from './report-scope';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/** Segment counts from last night's member_rfm (members by home store). */
export async function rfmReport(d1: D1Database, actor: Actor, storeId: string | undefined): Promise<RfmReport> {
  const s = scopeSql(reportScope(actor, storeId), 'home_store_id');
  const rows = (await d1.prepare(`SELECT segment, count(*) AS members, sum(orders) AS orders, sum(net_fen) AS netFen, max(computed_at) AS computedAt FROM member_rfm WHERE 1 = 1${s.sql} GROUP BY segment`)
    .bind(...s.binds).all<Row>()).results;
  const by = new Map(rows.map((r) => [String(r.segment), r]));
  const computed = rows.map((r) => n(r.computedAt)).filter((x) => x > 0);
  return {
    computedAt: computed.length ? Math.max(...computed) : null,
    windowDays: RFM_WINDOW_DAYS,
    thresholds: { recencyDays: [...RFM_THRESHOLDS.recencyDays], frequency: [...RFM_THRESHOLDS.frequency], monetaryFen: [...RFM_THRESHOLDS.monetaryFen], high: RFM_HIGH },
    segments: RFM_SEGMENTS.map((segment) => {
      const r = by.get(segment);
      return { segment, members: n(r?.members), orders: n(r?.orders), netFen: n(r?.netFen) };
    }),
  };
}

/** A segment's members by id after `cursor`; phones as the actor may see them (decision 026). */
export async function rfmMembers(d1: D1Database, actor: Actor, q: { segment: RfmSegment; storeId?: string; cursor?: string; limit: number }): Promise<RfmMembersPage> {
  const s = scopeSql(reportScope(actor, q.storeId), 'r.home_store_id');
  const rows = (await d1.prepare(`SELECT r.member_id AS memberId, m.name, m.phone, m.home_store_id AS homeStoreId, m.last_visit_store_id AS lastVisitStoreId, r.last_visit_day AS lastVisitDay,
        r.orders, r.net_fen AS netFen, r.r, r.f, r.m
      FROM member_rfm r JOIN members m ON m.id = r.member_id WHERE r.segment = ?${s.sql} AND r.member_id > ? ORDER BY r.member_id LIMIT ?`)
    .bind(q.segment, ...s.binds, q.cursor ?? '', q.limit).all<Row>()).results;
  return {
    members: rows.map((r) => ({
      memberId: String(r.memberId), name: String(r.name), homeStoreId: String(r.homeStoreId), lastVisitDay: (r.lastVisitDay as string | null) ?? null,
      phone: phoneFor(actor, { id: String(r.memberId), phone: String(r.phone), homeStoreId: String(r.homeStoreId), lastVisitStoreId: (r.lastVisitStoreId as string | null) ?? null }),
      orders: n(r.orders), netFen: n(r.netFen), r: n(r.r), f: n(r.f), m: n(r.m),
    })),
    next: rows.length === q.limit ? String(rows.at(-1)!.memberId) : null,
  };
}

/** Retention by month of joining from last night's member_cohorts, summed over the home stores in scope. */
export async function retentionReport(d1: D1Database, actor: Actor, storeId: string | undefined): Promise<RetentionReport> {
  const s = scopeSql(reportScope(actor, storeId), 'home_store_id');
  const rows = (await d1.prepare(`SELECT cohort, month, sum(joined) AS joined, sum(active) AS active, max(computed_at) AS computedAt FROM member_cohorts WHERE 1 = 1${s.sql} GROUP BY cohort, month ORDER BY cohort, month`)
    .bind(...s.binds).all<Row>()).results;
  const cohorts = new Map<string, RetentionReport['cohorts'][number]>();
  let computedAt: number | null = null;
  for (const r of rows) {
    const c = String(r.cohort);
    if (!cohorts.has(c)) cohorts.set(c, { cohort: c, joined: 0, months: [] });
    const x = cohorts.get(c)!;
    // Every month row of a cohort carries its joined count: take it from the cohort's own month.
    if (String(r.month) === c) x.joined = n(r.joined);
    x.months.push({ month: String(r.month), active: n(r.active) });
    computedAt = Math.max(computedAt ?? 0, n(r.computedAt));
  }
  return { computedAt, cohorts: [...cohorts.values()] };
}
