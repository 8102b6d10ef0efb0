import type { TenderKind } from '../../../../../shared/schemas/order';
import type { ReportParams } from './report-tabs';

/**
 * What a figure stands for, as GET /api/reports/orders filters it: the period (a day's figure
 * narrows it to that day) and one or more of store, clerk, product, category, tender, member,
 * local hour or walk-in/member. `title` says in the drawer what is being shown.
 */
export type DrillFilter = {
  title: string;
  from: string;
  to: string;
  storeId?: string;
  staffId?: string;
  productId?: string;
  categoryId?: string;
  tender?: TenderKind;
  memberId?: string;
  hour?: number;
  member?: 'walk_in' | 'member';
};

/** A figure of the period (the period bar's store kept unless the figure names its own). */
export const drillOf = (p: ReportParams, title: string, extra: Partial<Omit<DrillFilter, 'title'>> = {}): DrillFilter => ({
  title, from: p.from, to: p.to, ...(p.storeId ? { storeId: p.storeId } : {}), ...extra,
});

/** The query string of the orders page for a filter (undefined fields left out). */
export function drillQuery(f: DrillFilter, cursor?: string): Record<string, string> {
  const { title: _, ...rest } = f;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...rest, cursor })) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}
