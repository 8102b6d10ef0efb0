import type { Actor } from '../../shared/domain/authz';
import { businessDay, windowStartDay } from '../../shared/domain/business-day';
import { daysOf } from '../../shared/domain/report-period';
import { SILENT_AFTER_MS, type ReportToday, type ReportTodayQuery } from '../../shared/schemas/reports-today';
import type { Db } from '../db/client';
import { listAlerts } from './alerts';
import { listDevices } from './devices';
import { readLevels } from './inventory-levels';
import { dayWhere, n, selectAll, type Q } from './report-sql';
import { reportScope, scopeCovers, scopeSql, type ReportScope } from './report-scope';

const HOUR = 3_600_000;

function figureQueries(day: string, scope: ReportScope): Q[] {
  const w = dayWhere(day, day, scope, 'h');
  return [
    { sql: `SELECT s.id AS storeId, s.name AS storeName, COALESCE(x.orders, 0) AS orders, COALESCE(x.netFen, 0) AS netFen, COALESCE(x.refundFen, 0) AS refundFen, COALESCE(x.memberOrders, 0) AS memberOrders
      FROM stores s LEFT JOIN (SELECT h.store_id, sum(h.orders) AS orders, sum(h.net_fen) - sum(h.refund_fen) AS netFen, sum(h.refund_fen) AS refundFen,
        sum(CASE WHEN h.member = 1 THEN h.orders ELSE 0 END) AS memberOrders FROM sales_hourly h WHERE ${w.sql} GROUP BY h.store_id) x ON x.store_id = s.id
      WHERE (s.status = 'open' OR x.orders > 0)${scopeSql(scope, 's.id').sql} ORDER BY netFen DESC, s.code`, binds: [...w.binds, ...scopeSql(scope, 's.id').binds] },
    { sql: `SELECT h.hour AS hour, sum(h.orders) AS orders, sum(h.net_fen) - sum(h.refund_fen) AS netFen FROM sales_hourly h WHERE ${w.sql} GROUP BY h.hour ORDER BY h.hour`, binds: w.binds },
  ];
}

/** The newest sales by when they reached the server (orders_store_updated_idx, the last hour only): last sale and lag per store. */
function recentQuery(scope: ReportScope, now: number): Q {
  const s = scopeSql(scope, 'o.store_id');
  return {
    sql: `SELECT o.store_id AS storeId, COALESCE(st.name, o.store_id) AS storeName, max(o.received_at) AS lastSaleAt, max(o.received_at - o.created_at) AS lagMs, count(*) AS orders
      FROM orders o LEFT JOIN stores st ON st.id = o.store_id WHERE o.store_id IN (SELECT id FROM stores) AND o.updated_at >= ? AND o.kind = 'sale'${s.sql} GROUP BY o.store_id`,
    binds: [now - HOUR, ...s.binds],
  };
}

/**
 * 首页: today's figures per store from sales_hourly (one business day: a few hundred rows), the
 * warnings centre (low stock, silent tablets, slow sales, open alerts — the services that own them)
 * and the last 30 days' trend. `parts` says which: the figures are polled every few seconds.
 */
export async function reportToday(db: Db, actor: Actor, q: ReportTodayQuery, now = Date.now()): Promise<ReportToday> {
  const scope = reportScope(actor, q.storeId);
  const d1 = db.$client;
  const day = businessDay(now);
  const parts = new Set(q.parts);
  const qs: Q[] = [recentQuery(scope, now), ...(parts.has('figures') ? figureQueries(day, scope) : [])];
  const tw = dayWhere(windowStartDay(now, 30), day, scope, 'h');
  if (parts.has('trend')) qs.push({ sql: `SELECT h.day AS day, sum(h.orders) AS orders, sum(h.net_fen) - sum(h.refund_fen) AS netFen FROM sales_hourly h WHERE ${tw.sql} GROUP BY h.day ORDER BY h.day`, binds: tw.binds });
  type R = Record<string, unknown>;
  const [res, warnings] = await Promise.all([selectAll<R[]>(d1, qs), parts.has('warnings') ? warningsOf(db, actor, scope, q.storeId, now) : undefined]);
  const out: ReportToday = { day, now };
  const recent = res[0]!;
  let i = 1;
  if (warnings) warnings.projectionLag = recent.map((r) => ({ storeId: String(r.storeId), storeName: String(r.storeName), lagMs: n(r.lagMs), orders: n(r.orders) }));
  if (parts.has('figures')) {
    const [stores, hours] = [res[i++]!, res[i++]!];
    const last = new Map(recent.map((r) => [String(r.storeId), n(r.lastSaleAt)]));
    const rows = stores.map((r) => ({ storeId: String(r.storeId), storeName: String(r.storeName), orders: n(r.orders), netFen: n(r.netFen), refundFen: n(r.refundFen), memberOrders: n(r.memberOrders), lastSaleAt: last.get(String(r.storeId)) ?? null }));
    const sum = (k: 'orders' | 'netFen' | 'refundFen' | 'memberOrders') => rows.reduce((s, r) => s + r[k], 0);
    out.figures = {
      stores: rows,
      totals: { orders: sum('orders'), netFen: sum('netFen'), refundFen: sum('refundFen'), memberOrders: sum('memberOrders'), avgTicketFen: sum('orders') ? Math.round(sum('netFen') / sum('orders')) : 0 },
      byHour: hours.map((r) => ({ hour: n(r.hour), orders: n(r.orders), netFen: n(r.netFen) })),
    };
  }
  if (parts.has('trend')) {
    // Every day of the window, a day without sales as zeros, so the chart's axis is the calendar.
    const byDay = new Map(res[i++]!.map((r) => [String(r.day), r]));
    out.trend = daysOf(windowStartDay(now, 30), day).map((d) => ({ day: d, orders: n(byDay.get(d)?.orders), netFen: n(byDay.get(d)?.netFen) }));
  }
  if (warnings) out.warnings = warnings;
  return out;
}

async function warningsOf(db: Db, actor: Actor, scope: ReportScope, storeId: string | undefined, now: number): Promise<NonNullable<ReportToday['warnings']>> {
  // The stock levels at or below their thresholds, as the inventory screen's warnings list them, without
  // their days of cover (that reads two weeks of sales: the inventory screen's, not a polled home's).
  const [stock, devices, alerts] = await Promise.all([readLevels(db, scope.storeIds?.[0] ?? null, { lowOnly: true, limit: 500 }), listDevices(db, actor), listAlerts(db, actor, { storeId, open: 'true', limit: 200 })]);
  const low = [...stock.levels].sort((a, b) => a.quantity - a.lowStockThreshold - (b.quantity - b.lowStockThreshold));
  return {
    lowStock: low.slice(0, 20).map((w) => ({ storeId: w.storeId, storeName: w.storeName, productId: w.productId, name: w.name, quantity: w.quantity, threshold: w.lowStockThreshold })),
    lowStockCount: stock.levels.length + (stock.truncated ? 1 : 0),
    silentTablets: devices
      .filter((d) => d.status === 'active' && scopeCovers(scope, d.storeId) && now - (d.lastSeenAt ?? d.createdAt) >= SILENT_AFTER_MS)
      .map((d) => ({ id: d.id, name: d.name, storeId: d.storeId, storeName: d.storeName, lastSeenAt: d.lastSeenAt, outstandingFen: d.outstandingFen })),
    projectionLag: [],
    openAlerts: alerts.length,
  };
}
