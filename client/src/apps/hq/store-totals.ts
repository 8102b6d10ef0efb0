import type { StoreSummary } from '../../../../shared/schemas/store';

export type StoreTotals = { stores: number; open: number; members: number; staff: number; sales30dFen: number; orders30d: number };

/** The chain-wide sums shown above (and under) the store table. */
export function storeTotals(stores: readonly StoreSummary[]): StoreTotals {
  return stores.reduce<StoreTotals>(
    (t, s) => ({
      stores: t.stores + 1,
      open: t.open + (s.status === 'open' ? 1 : 0),
      members: t.members + s.memberCount,
      staff: t.staff + s.staffCount,
      sales30dFen: t.sales30dFen + s.sales30dFen,
      orders30d: t.orders30d + s.orders30d,
    }),
    { stores: 0, open: 0, members: 0, staff: 0, sales30dFen: 0, orders30d: 0 },
  );
}
