import { describe, expect, it } from 'vitest';
import type { SyncedOrder } from '../../../../../shared/sync/entities';
import { parseRefundAmount, refundable, refundSplit } from './refund';

type O = Pick<SyncedOrder, 'kind' | 'status' | 'totalFen' | 'refundedFen' | 'tenders'>;
const sale = (over: Partial<O> = {}): O => ({ kind: 'sale', status: 'completed', totalFen: 10_000, refundedFen: 0, tenders: [{ kind: 'cash', amountFen: 10_000 }], ...over });

describe('refundable', () => {
  it.each<[string, O, ReturnType<typeof refundable>]>([
    ['a completed sale, all of it', sale(), { ok: true, maxFen: 10_000 }],
    ['a part-refunded sale, what is left', sale({ status: 'partially_refunded', refundedFen: 2_500 }), { ok: true, maxFen: 7_500 }],
    ['a sale still waiting to sync', sale({ status: 'pending' }), { ok: false, reason: 'pending' }],
    ['a refused sale (no money was taken)', sale({ status: 'rejected' }), { ok: false, reason: 'rejected' }],
    ['a refunded sale', sale({ status: 'refunded', refundedFen: 10_000 }), { ok: false, reason: 'refunded' }],
    ['nothing left even if the status lags', sale({ status: 'partially_refunded', refundedFen: 10_000 }), { ok: false, reason: 'refunded' }],
    ['a refund itself', sale({ kind: 'refund' }), { ok: false, reason: 'not_sale' }],
  ])('%s', (_, o, want) => expect(refundable(o)).toEqual(want));
});

describe('parseRefundAmount', () => {
  it.each<[string, number, ReturnType<typeof parseRefundAmount>]>([
    ['75', 7_500, { ok: true, fen: 7_500 }],
    ['¥12.34', 7_500, { ok: true, fen: 1_234 }],
    ['75.01', 7_500, { ok: false, error: 'too_big' }],
    ['0', 7_500, { ok: false, error: 'amount' }],
    ['-5', 7_500, { ok: false, error: 'amount' }],
    ['abc', 7_500, { ok: false, error: 'amount' }],
  ])('%s (at most %i fen)', (input, max, want) => expect(parseRefundAmount(input, max)).toEqual(want));
});

describe('refundSplit', () => {
  const mixed = sale({ totalFen: 10_000, tenders: [{ kind: 'stored_value', amountFen: 6_000 }, { kind: 'cash', amountFen: 3_000 }, { kind: 'points', amountFen: 1_000 }] });
  it.each<[string, O, number, ReturnType<typeof refundSplit>]>([
    ['cash only: all money', sale(), 4_000, { storedValueFen: 0, pointsFen: 0, punchFen: 0, moneyFen: 4_000, earnedPoints: 0 }],
    ['the whole of a mixed sale', mixed, 10_000, { storedValueFen: 6_000, pointsFen: 1_000, punchFen: 0, moneyFen: 3_000, earnedPoints: 0 }],
    ['half of a mixed sale', mixed, 5_000, { storedValueFen: 3_000, pointsFen: 500, punchFen: 0, moneyFen: 1_500, earnedPoints: 0 }],
    ['rounding falls to money (the clerk can hand back a fen)', mixed, 1, { storedValueFen: 0, pointsFen: 0, punchFen: 0, moneyFen: 1, earnedPoints: 0 }],
    ['the rest after a part refund', { ...mixed, refundedFen: 5_000 }, 5_000, { storedValueFen: 3_000, pointsFen: 500, punchFen: 0, moneyFen: 1_500, earnedPoints: 0 }],
  ])('%s', (_, o, amount, want) => expect(refundSplit(o, amount)).toEqual(want));

  it('takes back the points the sale earned, in the same share', () => {
    expect(refundSplit({ ...sale(), pointsEarned: 90 }, 5_000).earnedPoints).toBe(45);
    expect(refundSplit({ ...sale(), pointsEarned: 90, refundedFen: 5_000 }, 5_000).earnedPoints).toBe(45);
  });

  it('partial refunds add up to the whole, kind by kind', () => {
    let o = { ...mixed, tenders: [{ kind: 'stored_value' as const, amountFen: 3_333 }, { kind: 'cash' as const, amountFen: 6_667 }] };
    const total = { storedValueFen: 0, moneyFen: 0 };
    for (const part of [1_001, 2_999, 3, 5_997]) {
      const s = refundSplit(o, part);
      total.storedValueFen += s.storedValueFen;
      total.moneyFen += s.moneyFen;
      o = { ...o, refundedFen: o.refundedFen + part };
    }
    expect(total).toEqual({ storedValueFen: 3_333, moneyFen: 6_667 });
  });
});
