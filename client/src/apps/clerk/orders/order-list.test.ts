import { describe, expect, it } from 'vitest';
import { badgeOf, filterOrders, isMine, summarize, tenderKinds } from './order-list';

// 2026-05-01 10:00 in Shanghai is 02:00 UTC; 07:30 Shanghai on 1 May is 23:30 UTC on 30 April.
const now = Date.UTC(2026, 4, 1, 2, 0);
const o = (id: string, staffId: string, createdAt: number) => ({ id, staffId, createdAt });
const orders = [
  o('a', 'clerk1', Date.UTC(2026, 3, 30, 23, 30)), // today (Shanghai), early morning
  o('b', 'clerk2', Date.UTC(2026, 4, 1, 1, 0)),
  o('c', '', Date.UTC(2026, 4, 1, 1, 30)), // written by this tablet, not synced yet
  o('d', 'clerk1', Date.UTC(2026, 3, 30, 15, 59)), // 23:59 on 30 April in Shanghai: yesterday
];

describe('filterOrders', () => {
  it.each<[string, { today: boolean; mine: boolean }, string[]]>([
    ['today, everyone, newest first', { today: true, mine: false }, ['c', 'b', 'a']],
    ['today, mine (and the pending one this tablet wrote)', { today: true, mine: true }, ['c', 'a']],
    ['every day, mine', { today: false, mine: true }, ['c', 'a', 'd']],
    ['every day, everyone', { today: false, mine: false }, ['c', 'b', 'a', 'd']],
  ])('%s', (_, f, ids) => expect(filterOrders(orders, f, 'clerk1', now).map((x) => x.id)).toEqual(ids));
});

describe('the rest', () => {
  it('mine: my id or not yet known', () => {
    expect(isMine({ staffId: '' }, 'clerk1')).toBe(true);
    expect(isMine({ staffId: 'clerk2' }, 'clerk1')).toBe(false);
  });
  it('a refund order has its own badge', () => {
    expect(badgeOf({ kind: 'refund', status: 'completed' })).toBe('refund');
    expect(badgeOf({ kind: 'sale', status: 'partially_refunded' })).toBe('partially_refunded');
  });
  it('tender kinds once each, in order', () =>
    expect(tenderKinds({ tenders: [{ kind: 'stored_value', amountFen: 1 }, { kind: 'cash', amountFen: 1 }, { kind: 'stored_value', amountFen: 2 }] })).toEqual(['stored_value', 'cash']));
  it('sums sales net of refunds, leaving out refused ones and refund rows', () =>
    expect(
      summarize([
        { kind: 'sale', status: 'completed', totalFen: 1000, refundedFen: 0 },
        { kind: 'sale', status: 'partially_refunded', totalFen: 1000, refundedFen: 300 },
        { kind: 'sale', status: 'rejected', totalFen: 5000, refundedFen: 0 },
        { kind: 'refund', status: 'completed', totalFen: 300, refundedFen: 0 },
      ]),
    ).toEqual({ count: 2, netFen: 1700 }));
});
