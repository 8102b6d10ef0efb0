import { describe, expect, it } from 'vitest';
import type { AccountOp } from '../../schemas/account';
import { applyOp } from './engine';
import { emptyAccount, totalPoints, type AccountState, type OpRecord } from './state';

const FAR = 4_000_000_000_000;
const c = (opId: string, at = 1_800_000_000_000) => ({ opId, storeId: 'store-1', staffId: 'staff-clerk1', at });
const recharge = (opId: string, amountFen: number, bonusFen: number): AccountOp => ({ ...c(opId), kind: 'recharge', amountFen, bonusFen });
const settle = (opId: string, storedValueFen: number, o: { used?: number; earned?: number; total?: number } = {}): AccountOp => ({
  ...c(opId), kind: 'settle', storedValueFen, pointsUsed: o.used ?? 0, pointsEarned: o.earned ?? 0, pointsAvailableAt: 0, pointsExpiresAt: FAR,
  orderTotalFen: o.total ?? storedValueFen, punchUses: [], couponIds: [], deviceId: null, leaseId: null,
});
const refund = (opId: string, refundOf: string, amountFen: number): AccountOp => ({ ...c(opId), kind: 'refund', refundOf, amountFen, pointValueFenPer100: 100 });

function run(ops: AccountOp[]) {
  let s: AccountState = emptyAccount('880000000001');
  const recs = new Map<string, OpRecord>();
  let last!: OpRecord;
  for (const op of ops) {
    const r = applyOp(s, op, { consumptionOrder: 'principal_first' }, (id) => recs.get(id));
    s = r.state;
    recs.set(op.opId, r.record);
    for (const u of r.updated) recs.set(u.opId, u);
    last = r.record;
  }
  return { s, last, pts: totalPoints(s) };
}

describe('refund rules', () => {
  it('gives back exactly the principal/bonus split the sale took', () => {
    const { s, last } = run([recharge('r1', 1000, 200), settle('s1', 1100), refund('f1', 's1', 1100)]);
    expect(last.detail).toMatchObject({ principalBackFen: 1000, bonusBackFen: 100 });
    expect([s.principalFen, s.bonusFen]).toEqual([1000, 200]);
  });

  it('charges earned points that were already spent against the bonus refunded first', () => {
    // Sale earns 500 points; 500 points then spent elsewhere; refund must take back 500 points' value (¥5).
    const { s, last, pts } = run([recharge('r1', 1000, 1000), settle('s1', 1500, { earned: 500 }), settle('s2', 0, { used: 500 }), refund('f1', 's1', 1500)]);
    expect(last.detail).toMatchObject({ earnedPointsShortfall: 500, pointsDeductedFen: 500, principalBackFen: 1000, bonusBackFen: 0, cashDeductFen: 0 });
    expect([s.principalFen, s.bonusFen, pts]).toEqual([1000, 500, 0]);
  });

  it('splits partial refunds so that they add up to the whole, to the fen', () => {
    const { s } = run([recharge('r1', 1000, 333), settle('s1', 1333, { total: 3000 }), refund('f1', 's1', 1000), refund('f2', 's1', 1000), refund('f3', 's1', 1000)]);
    expect([s.principalFen, s.bonusFen]).toEqual([1000, 333]);
  });

  it.each([
    ['a refund of a refund', [recharge('r1', 1000, 0), settle('s1', 500), refund('f1', 's1', 500), refund('f2', 'f1', 1)], 'REFUND_NOT_ALLOWED'],
    ['more than the original', [recharge('r1', 1000, 0), settle('s1', 500), refund('f1', 's1', 300), refund('f2', 's1', 201)], 'REFUND_EXCEEDS_ORIGINAL'],
    ['an unknown operation', [refund('f1', 'nope-0000', 1)], 'OPERATION_NOT_FOUND'],
    ['a rejected sale', [settle('s1', 500), refund('f1', 's1', 500)], 'REFUND_NOT_ALLOWED'],
    ['a recharge already spent', [recharge('r1', 1000, 0), settle('s1', 600), refund('f1', 'r1', 1000)], 'INSUFFICIENT_FUNDS'],
  ] as const)('refuses %s', (_l, ops, code) => {
    const { last } = run([...ops]);
    expect([last.status, last.code]).toEqual(['rejected', code]);
  });

  it('refunds a recharge whose bonus was spent by keeping that much of the principal', () => {
    const { s, last } = run([recharge('r1', 1000, 200), settle('s1', 0), refund('f1', 'r1', 1000)]);
    expect(last.detail).toMatchObject({ refundCashFen: 1000, bonusShortfallFen: 0 });
    const spent = run([recharge('r1', 1000, 200), recharge('r2', 500, 0), settle('s1', 1300), refund('f1', 'r1', 200)]);
    // After spending 1300 (principal first: 1300 of 1500) principal 200, bonus 200; refund 200 of r1 → bonus back 40.
    expect(spent.last.detail).toMatchObject({ refundCashFen: 200, bonusTakenBackFen: 40 });
    expect([s.principalFen, s.bonusFen]).toEqual([0, 0]);
  });
});
