import { businessDay, CHAIN_UTC_OFFSET_MINUTES } from '../../shared/domain/business-day';
import type { DailySalesFigures, RollupMismatch } from '../../shared/schemas/alerts';
import { alertStatement } from '../services/alerts';
import { verifyRollups } from '../reports/rollup-verify';
import { periodStart } from './periods';
import type { JobContext, JobDef } from './types';

const DAY = 86_400_000;
/** The business days checked: the 7 before the run's own (which is still taking sales). */
export const CHECK_DAYS = 7;

const STORES_SQL = `SELECT id FROM stores WHERE id > ?1 ORDER BY id LIMIT ?2`;
// What the projection adds to store_daily_sales (worker/durable/projection-batch.ts, services/orders.ts):
// each accepted sale once, on its business day, in full — a refund moves the sale's status, never the rollup.
const ORDERS_SQL = `SELECT store_id AS storeId, date(created_at / 1000 + ?4, 'unixepoch') AS day, count(*) AS orders, sum(total_fen) AS salesFen, sum(cost_fen) AS costFen
  FROM orders WHERE store_id IN (SELECT value FROM json_each(?1)) AND created_at >= ?2 AND created_at < ?3
    AND kind = 'sale' AND status IN ('completed', 'refunded', 'partially_refunded')
  GROUP BY store_id, day`;
const ROLLUP_SQL = `SELECT store_id AS storeId, day, orders, sales_fen AS salesFen, cost_fen AS costFen
  FROM store_daily_sales WHERE store_id IN (SELECT value FROM json_each(?1)) AND day >= ?2 AND day <= ?3`;

type Figures = DailySalesFigures & { storeId: string; day: string };
const ZERO: DailySalesFigures = { orders: 0, salesFen: 0, costFen: 0 };
const figures = (r: Figures | undefined): DailySalesFigures => (r ? { orders: Number(r.orders), salesFen: Number(r.salesFen), costFen: Number(r.costFen) } : ZERO);
const same = (a: DailySalesFigures, b: DailySalesFigures) => a.orders === b.orders && a.salesFen === b.salesFen && a.costFen === b.costFen;

/**
 * Daily check of HQ's read model (decision 019): each store's `store_daily_sales` for the last 7
 * business days against the same sums recomputed from its `orders` (both read in one D1 batch, so
 * a sale landing meanwhile is in both or neither). A difference is never repaired here: it is an
 * alert `rollup-mismatch:<day>:<storeId>` (detail: day, expected from the orders, actual in the
 * rollup) and a failure of the run, so HQ's job log shows the run failed. Paged by store id.
 * Counts: processed = stores, changed = alerts written, failed = store-days that differ.
 */
export const rollupCheck: JobDef = {
  name: 'rollup-check',
  applies: () => true,
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const stores = (await d1.prepare(STORES_SQL).bind(after ?? '', limit).all<{ id: string }>()).results;
    const next = stores.length < limit ? null : stores.at(-1)!.id;
    if (stores.length === 0) return { processed: 0, changed: 0, failed: 0, error: null, next };
    const ids = JSON.stringify(stores.map((s) => s.id));
    const to = periodStart(ctx.period);
    const from = to - CHECK_DAYS * DAY;
    const [orders, rollup] = await d1.batch<Figures>([
      d1.prepare(ORDERS_SQL).bind(ids, from, to, CHAIN_UTC_OFFSET_MINUTES * 60),
      d1.prepare(ROLLUP_SQL).bind(ids, businessDay(from), businessDay(to - DAY)),
    ]);
    const key = (r: { storeId: string; day: string }) => `${r.storeId}|${r.day}`;
    const expected = new Map(orders!.results.map((r) => [key(r), r]));
    const actual = new Map(rollup!.results.map((r) => [key(r), r]));
    const mismatches: (RollupMismatch & { storeId: string })[] = [];
    for (const k of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
      const [storeId, day] = k.split('|') as [string, string];
      const e = figures(expected.get(k)), a = figures(actual.get(k));
      if (!same(e, a)) mismatches.push({ storeId, day, expected: e, actual: a });
    }
    // The report rollups (decision 028), chain-wide over the same days, once per run (its first page).
    const reports = after === null ? await verifyRollups(d1, from, to) : [];
    const stmts = mismatches.map(({ storeId, ...detail }) => alertStatement(d1, { kind: 'rollup-mismatch', day: detail.day, storeId, detail, now: ctx.now }));
    const written = stmts.length ? await d1.batch(stmts) : [];
    const first = mismatches[0];
    const r = reports[0];
    const error = first
      ? `store_daily_sales ${first.storeId} ${first.day} says ${first.actual.orders} orders / ${first.actual.salesFen} fen, the orders say ${first.expected.orders} / ${first.expected.salesFen}${mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : ''}`
      : r ? `${r.table} ${r.key} holds ${r.actual.join('/')}, the orders say ${r.expected.join('/')}${reports.length > 1 ? ` (and ${reports.length - 1} more)` : ''}` : null;
    return { processed: stores.length, changed: written.reduce((n, x) => n + (x.meta.changes ?? 0), 0), failed: mismatches.length + reports.length, error, next };
  },
};
