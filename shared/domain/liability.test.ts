import { describe, expect, it } from 'vitest';
import { flowsOf, pointsFlowOf, settlementPairs, valueFlowOf } from './liability';

describe('liability flows', () => {
  it.each([['recharge', 'recharged'], ['opening', 'opening'], ['settle', 'spent'], ['punch_sale', 'spent'], ['refund', 'refunded'], ['lease_grant', 'other'], ['points_redeem', 'other']] as const)('%s is %s', (k, f) => expect(valueFlowOf(k)).toBe(f));
  it.each([['points_expire', -5, 'expired'], ['points_redeem', -100, 'redeemed'], ['points_adjust', 10, 'adjusted'], ['refund', -3, 'refunded'], ['settle', 89, 'earned'], ['settle', -20, 'redeemed'], ['opening', 500, 'opening']] as const)('%s %i points is %s', (k, p, f) => expect(pointsFlowOf(k, p)).toBe(f));

  it('sums a period', () => {
    expect(flowsOf([
      { kind: 'recharge', entries: 2, principalFen: 20_000, bonusFen: 2_000, points: 0 },
      { kind: 'settle', entries: 3, principalFen: -9_000, bonusFen: -900, points: 150 },
      { kind: 'refund', entries: 1, principalFen: 3_000, bonusFen: 300, points: -30 },
      { kind: 'points_redeem', entries: 1, principalFen: 0, bonusFen: 0, points: -100 },
      { kind: 'points_expire', entries: 1, principalFen: 0, bonusFen: 0, points: -7 },
      { kind: 'opening', entries: 1, principalFen: 5_000, bonusFen: 100, points: 40 },
    ])).toEqual({ rechargedFen: 22_000, openingFen: 5_100, spentFen: 9_900, refundedFen: 3_300, otherFen: 0, pointsEarned: 150, pointsRedeemed: 100, pointsExpired: 7, pointsAdjusted: 0, pointsRefunded: -30, pointsOpening: 40 });
  });
});

describe('cross-store settlement', () => {
  it('nets each pair of stores and leaves own-store spending out', () => {
    expect(settlementPairs([
      { storeId: 'b', homeStoreId: 'a', spentFen: 1_000 }, // a's cards spent at b: a owes b
      { storeId: 'a', homeStoreId: 'b', spentFen: 300 },
      { storeId: 'a', homeStoreId: 'a', spentFen: 9_999 },
      { storeId: 'c', homeStoreId: 'a', spentFen: 2_000 },
      { storeId: 'c', homeStoreId: 'b', spentFen: 500 },
      { storeId: 'b', homeStoreId: 'c', spentFen: 500 },
    ])).toEqual([{ from: 'a', to: 'c', amountFen: 2_000 }, { from: 'a', to: 'b', amountFen: 700 }]);
  });
});
