import type { TFunction } from 'i18next';
import type { SalesReport } from '../../../../../shared/schemas/reports-sales';
import type { DrillFilter } from './drill-filter';
import { daysBetween } from './period';

export const SALES_DIMS = ['store', 'day', 'hour', 'weekday', 'product', 'category', 'tender', 'member'] as const;
export type SalesDim = (typeof SALES_DIMS)[number];

/** One row of a breakdown; `drill` narrows the period's orders to it (none for weekdays: the API has no weekday filter). */
export type SalesRow = { key: string; label: string; orders: number; quantity: number | null; grossFen: number; discountFen: number; refundFen: number; netFen: number; drill: Partial<DrillFilter> | null };

const ZERO = { orders: 0, grossFen: 0, discountFen: 0, refundFen: 0, netFen: 0 };
type Figs = typeof ZERO;
const row = (key: string, label: string, f: Figs | undefined, drill: Partial<DrillFilter> | null, quantity: number | null = null): SalesRow =>
  ({ key, label, orders: f?.orders ?? 0, grossFen: f?.grossFen ?? 0, discountFen: f?.discountFen ?? 0, refundFen: f?.refundFen ?? 0, netFen: f?.netFen ?? 0, quantity, drill });

/**
 * The rows of one breakdown, in their natural order (days and hours complete, so a chart's axis
 * shows the quiet ones too). The tender breakdown has rows of its own (what each tender took).
 */
export function salesRows(r: SalesReport, dim: Exclude<SalesDim, 'tender'>, t: TFunction): SalesRow[] {
  switch (dim) {
    case 'store':
      return r.byStore.map((s) => row(s.storeId, s.storeName, s, { storeId: s.storeId }));
    case 'day': {
      const m = new Map(r.byDay.map((d) => [d.day, d]));
      return daysBetween(r.period.from, r.period.to).map((d) => row(d, d, m.get(d), { from: d, to: d }));
    }
    case 'hour': {
      const m = new Map(r.byHour.map((h) => [h.hour, h]));
      const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => m.has(h) || (h >= 8 && h <= 22));
      return hours.map((h) => row(String(h), t('hqReports.hourLabel', { hour: String(h).padStart(2, '0') }), m.get(h), { hour: h }));
    }
    case 'weekday': {
      const m = new Map(r.byWeekday.map((w) => [w.weekday, w]));
      return [1, 2, 3, 4, 5, 6, 0].map((w) => row(String(w), t(`hqReports.weekday.${w as 0}`), m.get(w), null));
    }
    case 'product':
      return r.byProduct.map((p) => row(p.productId, p.name, p, { productId: p.productId }, p.quantity));
    case 'category':
      return r.byCategory.map((c) => row(c.categoryId, c.name, c, { categoryId: c.categoryId }, c.quantity));
    case 'member':
      return [true, false].map((m) => row(m ? 'member' : 'walk_in', m ? t('hqReports.memberKind') : t('hqReports.walkIn'), r.byMember.find((x) => x.member === m), { member: m ? 'member' : 'walk_in' }));
  }
}
