import type { Actor } from '../../shared/domain/authz';
import { compared } from '../../shared/domain/report-period';
import type { ReportQuery } from '../../shared/schemas/report-query';
import type { SalesFigures, SalesReport } from '../../shared/schemas/reports-sales';
import { dayWhere, n, periodsOf, selectAll, type Q } from './report-sql';
import { reportScope, scopeSql, type ReportScope } from './report-scope';

// Figures of sales_hourly rows (alias h); refunds net against the sale (decision 028).
const FIG = `sum(h.orders) AS orders, sum(h.gross_fen) AS grossFen, sum(h.discount_fen) AS discountFen, sum(h.refund_fen) AS refundFen,
  sum(h.net_fen) - sum(h.refund_fen) AS netFen, sum(h.refunds) AS refunds`;
// The same over product_daily (sales_lines_daily without the clerk, alias l): a product's "orders" are the lines it was sold on.
const LINE_FIG = `sum(l.lines) AS orders, sum(l.quantity) AS quantity, sum(l.gross_fen) AS grossFen, sum(l.discount_fen) AS discountFen,
  sum(l.refund_fen) AS refundFen, sum(l.net_fen) - sum(l.refund_fen) AS netFen`;
const KEYS = ['orders', 'grossFen', 'discountFen', 'refundFen', 'netFen', 'refunds'] as const;

type R = Record<string, unknown>;
const figs = (r: R | undefined): SalesFigures => ({
  orders: n(r?.orders), grossFen: n(r?.grossFen), discountFen: n(r?.discountFen), refundFen: n(r?.refundFen), netFen: n(r?.netFen), refunds: n(r?.refunds),
});
const add = (a: SalesFigures, b: SalesFigures): SalesFigures => Object.fromEntries(KEYS.map((k) => [k, a[k] + b[k]])) as SalesFigures;

/** Sums rows into groups by `key`, in first-seen order. */
function groupBy<K>(rows: readonly R[], key: (r: R) => K, f: (r: R) => SalesFigures = figs): Map<K, SalesFigures> {
  const m = new Map<K, SalesFigures>();
  for (const r of rows) m.set(key(r), add(m.get(key(r)) ?? figs(undefined), f(r)));
  return m;
}

/** Line rows summed by one of their ids, with its name and quantity, best-selling first. */
function mergeLines(rows: readonly R[], id: 'productId' | 'categoryId', name: 'productName' | 'categoryName') {
  const m = new Map<string, SalesFigures & { key: string; name: string; quantity: number }>();
  for (const r of rows) {
    const key = String(r[id]);
    const x = m.get(key) ?? { key, name: String(r[name]), quantity: 0, ...figs(undefined) };
    m.set(key, { ...x, ...add(x, figs(r)), quantity: x.quantity + n(r.quantity) });
  }
  return [...m.values()].sort((a, b) => b.netFen - a.netFen);
}

function hourly(from: string, to: string, scope: ReportScope, key: string): Q {
  const w = dayWhere(from, to, scope, 'h');
  return { sql: `SELECT ${key ? `${key}, ` : ''}${FIG} FROM sales_hourly h WHERE ${w.sql}${key ? ` GROUP BY ${key.replace(/ AS \w+/g, '')}` : ''}`, binds: w.binds };
}

/**
 * 营业: one period's sales by store, day, hour, weekday, walk-in/member, product, category and
 * tender, with totals compared against the comparison period. One D1 batch over the rollups, each
 * scanned once: day × store gives the stores, days, weekdays and totals; hour × member the hours
 * and walk-ins; product × category the products and categories.
 */
export async function salesReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<SalesReport> {
  const scope = reportScope(actor, q.storeId);
  const { period, comparedWith } = periodsOf(q);
  const { from, to } = period;
  const lw = dayWhere(from, to, scope, 'l');
  const tw = dayWhere(from, to, scope, 't');
  const ss = scopeSql(scope, 'id');
  const qs: Q[] = [
    hourly(from, to, scope, 'h.day AS day, h.store_id AS storeId'),
    hourly(from, to, scope, 'h.hour AS hour, h.member AS member'),
    { sql: `SELECT x.*, COALESCE(p.name, x.productId) AS productName, COALESCE(c.name, x.categoryId) AS categoryName FROM (
        SELECT l.product_id AS productId, l.category_id AS categoryId, ${LINE_FIG} FROM product_daily l WHERE ${lw.sql} GROUP BY l.product_id, l.category_id) x
      LEFT JOIN products p ON p.id = x.productId LEFT JOIN categories c ON c.id = x.categoryId`, binds: lw.binds },
    { sql: `SELECT t.tender AS tender, sum(t.payments) AS payments, sum(t.amount_fen) AS amountFen FROM tender_daily t WHERE ${tw.sql} GROUP BY t.tender ORDER BY amountFen DESC`, binds: tw.binds },
    { sql: `SELECT id, name FROM stores WHERE 1 = 1${ss.sql}`, binds: ss.binds },
  ];
  if (comparedWith) qs.push(hourly(comparedWith.from, comparedWith.to, scope, ''));
  const [dayStore, hourMember, lines, tenders, storeRows, base] = await selectAll<R[]>(d1, qs);

  const names = new Map(storeRows!.map((s) => [String(s.id), String(s.name)]));
  const stores = [...groupBy(dayStore!, (r) => String(r.storeId))].map(([storeId, f]) => ({ storeId, storeName: names.get(storeId) ?? storeId, ...f })).sort((a, b) => b.netFen - a.netFen);
  const days = [...groupBy(dayStore!, (r) => String(r.day))].map(([day, f]) => ({ day, ...f })).sort((a, b) => a.day.localeCompare(b.day));
  const weekdays = [...groupBy(dayStore!, (r) => new Date(`${String(r.day)}T00:00:00Z`).getUTCDay())].map(([weekday, f]) => ({ weekday, ...f })).sort((a, b) => a.weekday - b.weekday);
  const hours = [...groupBy(hourMember!, (r) => n(r.hour))].map(([hour, f]) => ({ hour, ...f })).sort((a, b) => a.hour - b.hour);
  const members = [...groupBy(hourMember!, (r) => n(r.member) === 1)].map(([member, f]) => ({ member, ...f }));
  // A product moved to another category has a row under each: merged for the product, kept apart per category.
  const products = mergeLines(lines!, 'productId', 'productName');
  const categories = mergeLines(lines!, 'categoryId', 'categoryName');
  const strip = <T extends { refunds: number }>({ refunds: _, ...x }: T) => x;

  const total = stores.reduce((s, r) => add(s, r), figs(undefined));
  const b = base ? figs(base[0]) : null;
  const avg = (f: SalesFigures) => (f.orders ? Math.round(f.netFen / f.orders) : 0);
  const cmp = (k: keyof SalesFigures) => compared(total[k], b ? b[k] : null);
  return {
    period, comparedWith,
    totals: {
      orders: cmp('orders'), grossFen: cmp('grossFen'), discountFen: cmp('discountFen'), refundFen: cmp('refundFen'), refunds: cmp('refunds'), netFen: cmp('netFen'),
      avgTicketFen: compared(avg(total), b ? avg(b) : null),
    },
    byStore: stores, byDay: days, byHour: hours, byWeekday: weekdays, byMember: members,
    byProduct: products.map(({ key, ...x }) => ({ productId: key, ...strip(x) })),
    byCategory: categories.map(({ key, ...x }) => ({ categoryId: key, ...strip(x) })),
    byTender: tenders!.map((r) => ({ tender: String(r.tender), payments: n(r.payments), amountFen: n(r.amountFen) })),
  };
}
