import { CAMPAIGN_MEMBERS_UPSERT, COUNTED_SALE, ROLLUPS, campaignSelects, punchStaffSelect, rechargeStaffSelect, refundSelects, saleSelects, upsert, valueSelect } from './rollup-sql';

export const ROLLUP_TABLES = ['sales_lines_daily', 'product_daily', 'cross_store_daily', 'sales_hourly', 'tender_daily', 'staff_daily', 'member_daily', 'member_spend', 'campaign_daily', 'campaign_members', 'value_daily'] as const;

/**
 * The rollups' rows for counted sales, refunds and ledger rows in [from, to) of their own time
 * (sale, entry, audit), added to what the tables hold; each statement on one line (the seed's SQL
 * runs through `exec`).
 */
export function rebuildSql(from: number, to: number): string[] {
  const window = (col: string) => `${col} >= ${Math.trunc(from)} AND ${col} < ${Math.trunc(to)}`;
  const sales = `${COUNTED_SALE} AND ${window('o.created_at')}`;
  const s = saleSelects(sales);
  const c = campaignSelects(sales);
  const r = refundSelects(`${sales} AND o.refunded_fen > 0`, '0', 'o.refunded_fen');
  const applied = `(SELECT a.* FROM audit_log a JOIN account_ops x ON x.op_id = a.id AND x.status = 'applied' WHERE a.action = 'account.punch_sale' AND ${window('a.at')})`;
  const entries = `(SELECT * FROM ledger_entries WHERE ${window('at')})`;
  return [
    ...(['lines', 'products', 'cross', 'hourly', 'tenders', 'staff', 'spend'] as const).map((k) => upsert(ROLLUPS[k], s[k])),
    upsert(ROLLUPS.members, s.members, ['home_store_id']),
    upsert(ROLLUPS.campaigns, c.daily, [], c.with),
    CAMPAIGN_MEMBERS_UPSERT(c.members, c.with),
    ...(['lines', 'products', 'cross', 'hourly', 'staff', 'spend'] as const).map((k) => upsert(ROLLUPS[k], r[k], [], r.with)),
    upsert(ROLLUPS.members, r.members, ['home_store_id'], r.with),
    upsert(ROLLUPS.value, valueSelect(entries)),
    upsert(ROLLUPS.staff, rechargeStaffSelect(entries)),
    upsert(ROLLUPS.staff, punchStaffSelect(applied)),
  ].map((q) => `${q.replace(/\s+/g, ' ').trim()};`);
}

const WINDOW = 7 * 86_400_000;

export type RebuildStep = { windows: number; next: number | null; through: number | null };

/**
 * Every rollup recomputed from the orders and ledgers (after migration 0014, a restore, or a
 * mismatch the check found), a week of history per batch. A first call (`from` null) empties the
 * tables and starts at the oldest row; each call works until `budgetMs` is spent (5 s: a local
 * dev server drops a request that runs past ~20 s) and answers where
 * to go on (`next`, null when done), so no request runs long. Not for a chain taking sales at that
 * moment: a sale landing in a week not yet rebuilt would be counted twice.
 */
export async function rebuildRollups(d1: D1Database, from: number | null = null, budgetMs = 5_000): Promise<RebuildStep> {
  const t0 = Date.now();
  const span = await d1.prepare(`SELECT (SELECT min(created_at) FROM orders) a, (SELECT max(created_at) FROM orders) b, (SELECT min(at) FROM ledger_entries) c, (SELECT max(at) FROM ledger_entries) d,
    (SELECT min(at) FROM audit_log WHERE action = 'account.punch_sale') e, (SELECT max(at) FROM audit_log WHERE action = 'account.punch_sale') f`).first<Record<string, number | null>>();
  const times = Object.values(span ?? {}).filter((t): t is number => typeof t === 'number');
  if (from === null) await d1.batch(ROLLUP_TABLES.map((t) => d1.prepare(`DELETE FROM ${t}`)));
  if (times.length === 0) return { windows: 0, next: null, through: null };
  const hi = Math.max(...times);
  let at = from ?? Math.min(...times);
  let windows = 0;
  while (at <= hi && (windows === 0 || Date.now() - t0 < budgetMs)) {
    await d1.batch(rebuildSql(at, Math.min(at + WINDOW, hi + 1)).map((q) => d1.prepare(q)));
    at += WINDOW;
    windows += 1;
  }
  return { windows, next: at <= hi ? at : null, through: Math.min(at, hi + 1) };
}
