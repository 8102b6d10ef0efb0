import { describe, expect, it } from 'vitest';
import { priceOrder } from './price-order';
import { GOLD, codes, input, lines, ok } from './test-fixtures';

const amount = (amountFen: number, approvedBy: string | null = 'mgr1') => ({ kind: 'amount', amountFen, reason: '抹零', approvedBy });
const percent = (discountBp: number, approvedBy: string | null = 'mgr1') => ({ kind: 'percent', discountBp, reason: '投诉补偿', approvedBy });

describe('manual discount (stage 6)', () => {
  it.each([
    ['amount, spread by line size', amount(500), {}, lines('cut', 'mask'), [9484, 12_516], []],
    ['percent, rounded once on the order', percent(9000), {}, lines('cut', 'mask'), [8730, 11_520], []],
    ['percent of an odd amount rounds half up', percent(9000), {}, lines('odd'), [300], []],
    ['odd split over three equal lines', amount(100), {}, lines('odd', 'odd', 'odd'), [299, 300, 300], []],
    ['after the tier, on what is left', amount(15), { member: GOLD }, lines('cut'), [9200], []],
    ['more than the order: to 0, not below', amount(99_999), {}, lines('cut', 'tea'), [0, 0], []],
    ['no approver: refused, price unchanged', amount(500, null), {}, lines('cut'), [9700], ['manual_needs_approval']],
    ['percent without approver: refused', percent(5000, null), {}, lines('cut'), [9700], ['manual_needs_approval']],
    ['on a free order: nothing to take', amount(500), {}, lines('free'), [0], ['manual_no_effect']],
    ['10 折 takes nothing', percent(10_000), {}, lines('cut'), [9700], ['manual_no_effect']],
  ])('%s', (_n, manualDiscount, over, ls, totals, refused) => {
    const r = ok(priceOrder(input({ ...over, lines: ls, manualDiscount })));
    expect(r.lines.map((l) => l.totalFen)).toEqual(totals);
    expect(codes(r)).toEqual(refused);
  });

  it('an approval without a reason is not a manual discount (schema)', () => {
    expect(() => input({ lines: lines('cut'), manualDiscount: { kind: 'amount', amountFen: 100, reason: ' ', approvedBy: 'mgr1' } })).toThrow();
  });

  it('names the approving manager on each share', () => {
    const r = ok(priceOrder(input({ lines: lines('cut'), manualDiscount: amount(100) })));
    expect(r.lines[0]!.explanation).toEqual([{ kind: 'manual', label: '手动优惠：抹零', amountFen: 100, refId: 'mgr1', params: { reason: '抹零', amountFen: 100 } }]);
    expect(r.discountBySource.manual).toBe(100);
  });
});
