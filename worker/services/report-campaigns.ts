import type { Actor } from '../../shared/domain/authz';
import type { ReportQuery } from '../../shared/schemas/report-query';
import type { CampaignReport } from '../../shared/schemas/reports-sales';
import { dayWhere, n, selectAll } from './report-sql';
import { reportScope, scopeSql } from './report-scope';
import { msRange } from './report-staff';

/**
 * 活动效果: per campaign and store, the sales it applied to, the discount it gave, the revenue of
 * those sales and the members it first reached in the period (campaign_members keeps each
 * member's first sale under it). A points campaign gives no discount: its discount is 0.
 */
export async function campaignReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<CampaignReport> {
  const scope = reportScope(actor, q.storeId);
  const w = dayWhere(q.from, q.to, scope, 'd');
  const { start, end } = msRange(q.from, q.to);
  const ms = scopeSql(scope, 'm.store_id');
  type R = Record<string, unknown>;
  const [daily, reached] = await selectAll<R[]>(d1, [
    { sql: `SELECT x.*, COALESCE(json_extract(c.doc, '$.name'), x.campaignId) AS name, COALESCE(s.name, x.storeId) AS storeName FROM (
        SELECT d.campaign_id AS campaignId, d.store_id AS storeId, sum(d.orders) AS orders, sum(d.discount_fen) AS discountFen, sum(d.net_fen) AS netFen
        FROM campaign_daily d WHERE ${w.sql} GROUP BY d.campaign_id, d.store_id) x
      LEFT JOIN campaigns c ON c.id = x.campaignId LEFT JOIN stores s ON s.id = x.storeId ORDER BY x.netFen DESC`, binds: w.binds },
    { sql: `SELECT m.campaign_id AS campaignId, m.store_id AS storeId, count(*) AS members FROM campaign_members m
      WHERE m.first_at >= ? AND m.first_at < ?${ms.sql} GROUP BY m.campaign_id, m.store_id`, binds: [start, end, ...ms.binds] },
  ]);
  const members = new Map(reached!.map((r) => [`${String(r.campaignId)}|${String(r.storeId)}`, n(r.members)]));
  return {
    period: { from: q.from, to: q.to },
    rows: daily!.map((r) => ({
      campaignId: String(r.campaignId), name: String(r.name), storeId: String(r.storeId), storeName: String(r.storeName),
      orders: n(r.orders), discountFen: n(r.discountFen), netFen: n(r.netFen), members: members.get(`${String(r.campaignId)}|${String(r.storeId)}`) ?? 0,
    })),
  };
}
