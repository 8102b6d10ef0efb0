import type { Actor } from '../../shared/domain/authz';
import { planCovers, planParts, type ClerkFigures } from '../../shared/domain/commission';
import type { CommissionReport, CommissionRow } from '../../shared/schemas/commission';
import type { ReportQuery } from '../../shared/schemas/report-query';
import { loadPlans } from './commission-plans';
import { dayWhere, n, selectAll, type Q } from './report-sql';
import { reportScope } from './report-scope';
import { cardsOpenedQuery, named, staffNamesQuery } from './report-staff';

/**
 * 提成: each clerk's commission at each store for the period, under every active plan covering
 * that store (shared/domain/commission.ts). Tiers apply per calendar month of the period (a period
 * that cuts a month counts that month's part only). Figures from staff_daily, sales_lines_daily
 * (only the products and categories some plan pays on) and the registration audit rows.
 */
export async function commissionReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<CommissionReport> {
  const scope = reportScope(actor, q.storeId);
  const plans = await loadPlans(d1, true);
  const products = plans.flatMap((p) => p.rules.flatMap((r) => (r.kind === 'product_percent' ? [r.productId] : [])));
  const categories = plans.flatMap((p) => p.rules.flatMap((r) => (r.kind === 'category_percent' ? [r.categoryId] : [])));
  const w = dayWhere(q.from, q.to, scope, 'd');
  const lw = dayWhere(q.from, q.to, scope, 'l');
  type R = Record<string, unknown>;
  const qs: Q[] = [
    { sql: `SELECT d.staff_id AS staffId, d.store_id AS storeId, substr(d.day, 1, 7) AS month, sum(d.net_fen) - sum(d.refund_fen) AS salesFen,
      sum(d.recharges) AS recharges, sum(d.punch_cards) AS punchCards FROM staff_daily d WHERE ${w.sql} GROUP BY 1, 2, 3`, binds: w.binds },
    cardsOpenedQuery(q.from, q.to, scope),
    staffNamesQuery(scope),
    { sql: `SELECT l.staff_id AS staffId, l.store_id AS storeId, l.product_id AS productId, l.category_id AS categoryId, sum(l.net_fen) - sum(l.refund_fen) AS salesFen
      FROM sales_lines_daily l WHERE ${lw.sql} AND (l.product_id IN (SELECT value FROM json_each(?)) OR l.category_id IN (SELECT value FROM json_each(?))) GROUP BY 1, 2, 3, 4`,
      binds: [...lw.binds, JSON.stringify(products), JSON.stringify(categories)] },
  ];
  const [months, cards, names, lines] = await selectAll<R[]>(d1, qs);

  const clerks = new Map<string, { staffId: string; storeId: string; f: ClerkFigures & { months: { month: string; salesFen: number }[]; lines: ClerkFigures['lines'][number][] } }>();
  const at = (r: R) => {
    const k = `${String(r.storeId)}|${String(r.staffId)}`;
    let c = clerks.get(k);
    if (!c) clerks.set(k, (c = { staffId: String(r.staffId), storeId: String(r.storeId), f: { months: [], lines: [], cardsOpened: 0, recharges: 0, punchCards: 0 } }));
    return c.f;
  };
  for (const r of months!) {
    const f = at(r);
    f.months.push({ month: String(r.month), salesFen: n(r.salesFen) });
    f.recharges += n(r.recharges);
    f.punchCards += n(r.punchCards);
  }
  for (const r of cards!) at(r).cardsOpened += n(r.cards);
  for (const r of lines!) at(r).lines.push({ productId: String(r.productId), categoryId: String(r.categoryId), salesFen: n(r.salesFen) });

  const rows: CommissionRow[] = [...clerks.values()].map(({ staffId, storeId, f }) => {
    const parts = plans.filter((p) => planCovers(p, storeId)).flatMap((p) => planParts(p.rules, f).map((x) => ({ planId: p.id, planName: p.name, ...x })));
    return {
      staffId, storeId, staffName: staffId, storeName: storeId,
      salesFen: f.months.reduce((s, m) => s + m.salesFen, 0), cardsOpened: f.cardsOpened, recharges: f.recharges, punchCards: f.punchCards,
      commissionFen: parts.reduce((s, x) => s + x.fen, 0), parts,
    };
  });
  return { period: { from: q.from, to: q.to }, rows: named(rows, names!).sort((a, b) => b.commissionFen - a.commissionFen || a.staffName.localeCompare(b.staffName)) };
}
