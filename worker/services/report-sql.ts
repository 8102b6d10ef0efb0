import { comparisonPeriod } from '../../shared/domain/report-period';
import type { ReportQuery } from '../../shared/schemas/report-query';
import { scopeSql, type ReportScope } from './report-scope';

/**
 * Small helpers the report services share: a period and its scope as a WHERE clause over a
 * rollup's `day` and `store_id`, and one D1 round trip for many SELECTs.
 */
export type Q = { sql: string; binds: unknown[] };

/** ` day BETWEEN ? AND ? AND store_id IN (…)` for rollup alias `a` (no alias: bare columns). */
export function dayWhere(from: string, to: string, scope: ReportScope, alias = ''): Q {
  const p = alias ? `${alias}.` : '';
  const s = scopeSql(scope, `${p}store_id`);
  return { sql: `${p}day BETWEEN ? AND ?${s.sql}`, binds: [from, to, ...s.binds] };
}

/** Runs the SELECTs in one batch; each result's rows in order. */
export async function selectAll<T extends unknown[]>(d1: D1Database, qs: Q[]): Promise<{ [K in keyof T]: T[K][] }> {
  const res = await d1.batch(qs.map((q) => d1.prepare(q.sql).bind(...q.binds)));
  return res.map((r) => r.results) as { [K in keyof T]: T[K][] };
}

/** The period asked for and the one compared with (null without comparison). */
export function periodsOf(q: Pick<ReportQuery, 'from' | 'to' | 'compare'>) {
  return { period: { from: q.from, to: q.to }, comparedWith: comparisonPeriod(q.from, q.to, q.compare) };
}

/** Numbers from SQL sums (null when nothing was summed). */
export const n = (v: unknown): number => Number(v ?? 0);

/** margin ÷ revenue in basis points, half away from zero; null without revenue. */
export function rateBp(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const r = (part * 10_000) / whole;
  return Math.sign(r) * Math.round(Math.abs(r));
}
