import type { Actor } from '../../shared/domain/authz';
import type { CrossStoreReport } from '../../shared/schemas/report-members';
import type { ReportQuery } from '../../shared/schemas/report-query';
import { storeList } from './report-members';
import { reportScope } from './report-scope';

/**
 * 跨店消费: members of store A served at store B (A ≠ B, A = the member's home store at the sale),
 * from the cross_store_daily rollup (day × serving store × home store: a few rows a day). Each
 * sale is a visit.
 */
export async function crossStoreReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<CrossStoreReport> {
  const scope = reportScope(actor, q.storeId);
  const ids = scope.storeIds;
  const where = ids === null ? '' : ` AND (store_id IN (${ids.map(() => '?').join(', ')}) OR home_store_id IN (${ids.map(() => '?').join(', ')}))`;
  const [rows, stores] = await Promise.all([
    d1.prepare(`SELECT home_store_id AS homeStoreId, store_id AS storeId, sum(orders) AS visits, sum(orders) AS orders, sum(net_fen - refund_fen) AS spendFen
      FROM cross_store_daily WHERE day >= ? AND day <= ? AND home_store_id != store_id${where} GROUP BY home_store_id, store_id ORDER BY spendFen DESC`)
      .bind(q.from, q.to, ...(ids ?? []), ...(ids ?? [])).all<Record<string, unknown>>(),
    storeList(d1, { storeIds: null }),
  ]);
  const cells = rows.results.map((r) => ({ homeStoreId: String(r.homeStoreId), storeId: String(r.storeId), visits: Number(r.visits), orders: Number(r.orders), spendFen: Number(r.spendFen) }));
  const seen = new Set(cells.flatMap((c) => [c.homeStoreId, c.storeId]).concat(ids ?? []));
  return { from: q.from, to: q.to, stores: stores.filter((s) => seen.has(s.id)), cells };
}
