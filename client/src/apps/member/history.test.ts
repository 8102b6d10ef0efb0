import { describe, expect, it } from 'vitest';
import type { SyncedAccountOp, SyncedOrder } from '../../../../shared/sync/entities';
import { buildHistory, groupByMonth, monthOf, refundsOf } from './history';

const order = (id: string, at: number, extra: Partial<SyncedOrder> = {}): SyncedOrder => ({
  id, storeId: 'store-1', staffId: 'u', memberId: 'm', kind: 'sale', status: 'completed', rejectReason: null, subtotalFen: 1000, discountFen: 0, totalFen: 1000,
  refundedFen: 0, pointsEarned: 10, note: '', createdAt: at, lines: [], tenders: [], ...extra,
});
const op = (opId: string, kind: 'recharge' | 'refund', at: number, extra: Partial<SyncedAccountOp> = {}): SyncedAccountOp => ({
  opId, kind, storeId: 'store-2', at, principalFen: 0, bonusFen: 0, points: 0, refundOf: null, amountFen: 500, refundCashFen: null, ...extra,
});

describe('buildHistory', () => {
  it('merges visits, recharges and refunds newest first with their signs', () => {
    const items = buildHistory(
      [order('o1', 1_000), order('o2', 3_000), order('p', 5_000, { status: 'pending' })],
      [op('r1', 'recharge', 2_000, { amountFen: 10_000 }), op('f1', 'refund', 4_000, { refundOf: 'o1', amountFen: 300 }), op('f2', 'refund', 4_500, { refundOf: 'r1' })],
    );
    expect(items.map((i) => [i.id, i.sign])).toEqual([['f2', -1], ['f1', 1], ['o2', -1], ['r1', 1], ['o1', -1]]);
    expect(items[0]).toMatchObject({ type: 'refund', of: 'recharge' });
    expect(items[1]).toMatchObject({ type: 'refund', of: 'order', amountFen: 300 });
    expect(items[3]).toMatchObject({ type: 'recharge', amountFen: 10_000, storeId: 'store-2' });
  });
  it('keeps a refused sale (it says why) and leaves out pending ones', () => {
    const items = buildHistory([order('x', 1, { status: 'rejected', rejectReason: 'INSUFFICIENT_FUNDS' }), order('y', 2, { status: 'pending' })], []);
    expect(items.map((i) => i.id)).toEqual(['x']);
  });
  it('a refund of something no longer in the view is "other"', () => {
    expect(buildHistory([], [op('f', 'refund', 1, { refundOf: 'gone' })])[0]).toMatchObject({ of: 'other', sign: 1 });
  });
});

describe('refundsOf', () => {
  it('lists the refunds of one sale oldest first', () => {
    const ops = [op('b', 'refund', 20, { refundOf: 'o' }), op('a', 'refund', 10, { refundOf: 'o' }), op('c', 'refund', 5, { refundOf: 'other' }), op('o', 'recharge', 1)];
    expect(refundsOf('o', ops).map((r) => r.opId)).toEqual(['a', 'b']);
  });
});

describe('groupByMonth', () => {
  it('uses China time for the month', () => {
    // 2026-11-30 16:30 UTC is 2026-12-01 00:30 in Shanghai.
    expect(monthOf(Date.UTC(2026, 10, 30, 16, 30))).toBe('2026-12');
    expect(monthOf(Date.UTC(2026, 10, 30, 15, 30))).toBe('2026-11');
  });
  it('groups consecutive items of a month', () => {
    const at = [Date.UTC(2026, 11, 5), Date.UTC(2026, 11, 1), Date.UTC(2026, 10, 20), Date.UTC(2026, 9, 2)];
    expect(groupByMonth(at.map((a) => ({ at: a }))).map((g) => [g.month, g.items.length])).toEqual([['2026-12', 2], ['2026-11', 1], ['2026-10', 1]]);
  });
});
