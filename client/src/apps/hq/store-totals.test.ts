import { describe, expect, it } from 'vitest';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { storeTotals } from './store-totals';

const store = (id: string, status: 'open' | 'closed', n: number): StoreSummary => ({
  id,
  code: id,
  name: id,
  address: '',
  phone: '',
  hours: '',
  status,
  createdAt: 0,
  memberCount: n,
  staffCount: 2,
  sales30dFen: n * 100,
  orders30d: n,
});

describe('storeTotals', () => {
  it('is all zeros for no stores', () =>
    expect(storeTotals([])).toEqual({ stores: 0, open: 0, members: 0, staff: 0, sales30dFen: 0, orders30d: 0 }));
  it('sums every column and counts open stores', () =>
    expect(storeTotals([store('a', 'open', 10), store('b', 'closed', 5)])).toEqual({
      stores: 2,
      open: 1,
      members: 15,
      staff: 4,
      sales30dFen: 1500,
      orders30d: 15,
    }));
});
