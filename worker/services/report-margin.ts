import type { Actor } from '../../shared/domain/authz';
import type { ReportQuery } from '../../shared/schemas/report-query';
import type { MarginFigures, MarginReport } from '../../shared/schemas/reports-sales';
import { dayWhere, n, periodsOf, rateBp, selectAll, type Q } from './report-sql';
import { reportScope } from './report-scope';

// Revenue net of discounts and refunds; cost at sale time, less the cost of goods that came back.
const FIG = `sum(l.net_fen) - sum(l.refund_fen) AS revenueFen, sum(l.cost_fen) - sum(l.refund_cost_fen) AS costFen, sum(l.quantity) AS quantity`;

const margin = (r: Record<string, unknown> | undefined): MarginFigures => {
  const revenueFen = n(r?.revenueFen);
  const costFen = n(r?.costFen);
  return { revenueFen, costFen, marginFen: revenueFen - costFen, rateBp: rateBp(revenueFen - costFen, revenueFen) };
};

type R = Record<string, unknown>;

/** Rows summed by one of their ids, highest revenue first. */
function sumBy(rows: readonly R[], id: string, name: string) {
  const m = new Map<string, { key: string; name: string; revenueFen: number; costFen: number; quantity: number }>();
  for (const r of rows) {
    const key = String(r[id]);
    const x = m.get(key) ?? { key, name: String(r[name] ?? key), revenueFen: 0, costFen: 0, quantity: 0 };
    m.set(key, { ...x, revenueFen: x.revenueFen + n(r.revenueFen), costFen: x.costFen + n(r.costFen), quantity: x.quantity + n(r.quantity) });
  }
  return [...m.values()].sort((a, b) => b.revenueFen - a.revenueFen);
}

/**
 * 毛利: revenue, cost, margin and margin rate per store, category and product. Cost is the cost
 * price kept on the order line when sold; stored value counts as revenue when spent (the sale),
 * never when recharged.
 */
export async function marginReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<MarginReport> {
  const scope = reportScope(actor, q.storeId);
  const { period, comparedWith } = periodsOf(q);
  // One scan of product_daily (the lines without the clerk), store × product × category (a few thousand rows at most), summed three ways here.
  const w = dayWhere(period.from, period.to, scope, 'l');
  const qs: Q[] = [{
    sql: `SELECT x.*, COALESCE(s.name, x.storeId) AS storeName, COALESCE(p.name, x.productId) AS productName, COALESCE(c.name, x.categoryId) AS categoryName FROM (
        SELECT l.store_id AS storeId, l.product_id AS productId, l.category_id AS categoryId, ${FIG} FROM product_daily l WHERE ${w.sql} GROUP BY 1, 2, 3) x
      LEFT JOIN stores s ON s.id = x.storeId LEFT JOIN products p ON p.id = x.productId LEFT JOIN categories c ON c.id = x.categoryId`,
    binds: w.binds,
  }];
  if (comparedWith) {
    const b = dayWhere(comparedWith.from, comparedWith.to, scope, 'l');
    qs.push({ sql: `SELECT ${FIG} FROM product_daily l WHERE ${b.sql}`, binds: b.binds });
  }
  const [rows, base] = await selectAll<R[]>(d1, qs);
  const total = rows!.reduce<{ revenueFen: number; costFen: number }>((t, r) => ({ revenueFen: t.revenueFen + n(r.revenueFen), costFen: t.costFen + n(r.costFen) }), { revenueFen: 0, costFen: 0 });
  const view = (x: { revenueFen: number; costFen: number }) => margin(x);
  return {
    period, comparedWith,
    totals: margin(total),
    base: base ? margin(base[0]) : null,
    storedValue: 'revenue_when_spent',
    byStore: sumBy(rows!, 'storeId', 'storeName').map((x) => ({ storeId: x.key, storeName: x.name, ...view(x) })),
    byCategory: sumBy(rows!, 'categoryId', 'categoryName').map((x) => ({ categoryId: x.key, name: x.name, ...view(x) })),
    byProduct: sumBy(rows!, 'productId', 'productName').map((x) => ({ productId: x.key, name: x.name, quantity: x.quantity, ...view(x) })),
  };
}
