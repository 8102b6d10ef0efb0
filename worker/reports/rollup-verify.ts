import { businessDay } from '../../shared/domain/business-day';
import { COUNTED_SALE, ROLLUPS, campaignSelects, punchStaffSelect, rechargeStaffSelect, refundSelects, saleSelects, type Rollup } from './rollup-sql';

export type RollupDiff = { table: string; key: string; expected: number[]; actual: number[] };
type Sums = Map<string, Map<string, number[]>>;

// Refund operations are counted as they happen; from the orders only refunded sales can be told.
const UNCOMPARED = new Set(['refunds']);

// A member moved to another home store (新店会员分配) is counted under the new one by a recompute:
// cross-store visits are compared per day and serving store only.
const KEYS_COMPARED: Record<string, number> = { cross_store_daily: 2 };

function add(sums: Sums, r: Rollup, rows: unknown[][]) {
  const t = sums.get(r.table) ?? new Map<string, number[]>();
  sums.set(r.table, t);
  for (const row of rows) {
    const key = row.slice(0, KEYS_COMPARED[r.table] ?? r.keys.length).map(String).join('|');
    const vals = row.slice(row.length - r.adds.length).map(Number);
    const had = t.get(key) ?? r.adds.map(() => 0);
    t.set(key, had.map((v, i) => v + vals[i]!));
  }
}

/**
 * The rollups recomputed from the orders, ledgers and audit rows of sales made in [from, to)
 * (business-day boundaries), against what the tables hold for those days (decision 028): every
 * difference, none when they agree. `allTime` also compares member_spend, which has no day.
 */
export async function verifyRollups(d1: D1Database, from: number, to: number, allTime = false): Promise<RollupDiff[]> {
  const w = (col: string) => `${col} >= ${Math.trunc(from)} AND ${col} < ${Math.trunc(to)}`;
  const sales = `${COUNTED_SALE} AND ${w('o.created_at')}`;
  const s = saleSelects(sales), c = campaignSelects(sales), r = refundSelects(`${sales} AND o.refunded_fen > 0`, '0', 'o.refunded_fen');
  const entries = `(SELECT * FROM ledger_entries WHERE ${w('at')})`;
  const punches = `(SELECT a.* FROM audit_log a JOIN account_ops x ON x.op_id = a.id AND x.status = 'applied' WHERE a.action = 'account.punch_sale' AND ${w('a.at')})`;
  const tables: Rollup[] = [ROLLUPS.lines, ROLLUPS.products, ROLLUPS.cross, ROLLUPS.hourly, ROLLUPS.tenders, ROLLUPS.staff, ROLLUPS.members, ROLLUPS.campaigns, ...(allTime ? [ROLLUPS.spend] : [])];
  const expected: [Rollup, string][] = [
    [ROLLUPS.lines, s.lines], [ROLLUPS.products, s.products], [ROLLUPS.cross, s.cross], [ROLLUPS.hourly, s.hourly], [ROLLUPS.tenders, s.tenders], [ROLLUPS.staff, s.staff], [ROLLUPS.members, s.members],
    [ROLLUPS.campaigns, `${c.with} ${c.daily}`],
    [ROLLUPS.lines, `${r.with} ${r.lines}`], [ROLLUPS.products, `${r.with} ${r.products}`], [ROLLUPS.cross, `${r.with} ${r.cross}`], [ROLLUPS.hourly, `${r.with} ${r.hourly}`], [ROLLUPS.staff, `${r.with} ${r.staff}`], [ROLLUPS.members, `${r.with} ${r.members}`],
    [ROLLUPS.staff, rechargeStaffSelect(entries)], [ROLLUPS.staff, punchStaffSelect(punches)],
    ...(allTime ? ([[ROLLUPS.spend, s.spend], [ROLLUPS.spend, `${r.with} ${r.spend}`]] as [Rollup, string][]) : []),
  ];
  const [fromDay, toDay] = [businessDay(from), businessDay(to)];
  const actualSql = (t: Rollup) => `SELECT ${[...t.keys, ...t.adds].join(', ')} FROM ${t.table}${t.keys.includes('day') ? ` WHERE day >= '${fromDay}' AND day < '${toDay}'` : ''}`;
  // raw(): the SELECTs repeat column names (their literal zeros), which rows as objects would merge.
  const results = await Promise.all([...expected.map(([, q]) => d1.prepare(q)), ...tables.map((t) => d1.prepare(actualSql(t)))].map((q) => q.raw()));
  const want: Sums = new Map(), have: Sums = new Map();
  expected.forEach(([t], i) => add(want, t, results[i]!));
  tables.forEach((t, i) => add(have, t, results[expected.length + i]!));
  const diffs: RollupDiff[] = [];
  for (const t of tables) {
    const a = have.get(t.table) ?? new Map(), e = want.get(t.table) ?? new Map();
    for (const key of new Set([...a.keys(), ...e.keys()])) {
      const ev = e.get(key) ?? t.adds.map(() => 0), av = a.get(key) ?? t.adds.map(() => 0);
      if (t.adds.some((col, i) => !UNCOMPARED.has(col) && ev[i] !== av[i])) diffs.push({ table: t.table, key, expected: ev, actual: av });
    }
  }
  return diffs;
}
