import { describe, expect, it } from 'vitest';
import type { AccountOp } from '../../schemas/account';
import { applyOp } from './engine';
import { emptyAccount, type AccountState, type OpRecord } from './state';

const at = 1_800_000_000_000;
const DAY = 86_400_000;
const base = { storeId: null, staffId: null, at };
const adjust = (opId: string, delta: number, expiresAt: number): AccountOp => ({ ...base, opId, kind: 'points_adjust', delta, reason: 'test', expiresAt });
const coupon = (id: string) => ({ id, templateId: 'ctpl-welcome-10', name: '10元券', expiresAt: at + 30 * DAY });
const redeem = (opId: string, points: number, withCoupon = true): AccountOp => ({ ...base, opId, kind: 'points_redeem', rewardId: 'rw-1', points, coupon: withCoupon ? coupon(opId) : null });
const freeze: AccountOp = { ...base, opId: 'f1', kind: 'freeze', reason: 'lost' };

function run(ops: AccountOp[]) {
  let s: AccountState = emptyAccount('880000000001');
  const recs = new Map<string, OpRecord>();
  const last = ops.map((op) => {
    const r = applyOp(s, op, { consumptionOrder: 'principal_first' }, (id) => recs.get(id));
    s = r.state;
    if (!r.replayed) recs.set(op.opId, r.record);
    return r;
  }).at(-1)!;
  const points = s.lots.reduce((n, l) => n + l.remaining, 0);
  return { s, last, points };
}

describe('points_redeem (积分兑换)', () => {
  const lots = [adjust('late', 300, at + 300 * DAY), adjust('soon', 300, at + 10 * DAY)];
  it.each([
    ['takes the points and gives the coupon in one entry', [...lots, redeem('x', 400)], 'applied', null, 200, 1],
    ['a goods reward takes points and gives no coupon', [...lots, redeem('x', 400, false)], 'applied', null, 200, 0],
    ['a repeat of the same id changes nothing', [...lots, redeem('x', 400), redeem('x', 400)], 'applied', null, 200, 1],
    ['too few points: refused, nothing taken, no coupon', [...lots, redeem('x', 601)], 'rejected', 'INSUFFICIENT_POINTS', 600, 0],
    ['a frozen card: refused', [...lots, freeze, redeem('x', 100)], 'rejected', 'CARD_FROZEN', 600, 0],
  ] as const)('%s', (_name, ops, status, code, pointsLeft, coupons) => {
    const { s, last, points } = run([...ops]);
    expect([last.record.status, last.record.code]).toEqual([status, code]);
    expect(points).toBe(pointsLeft);
    expect(s.coupons).toHaveLength(coupons);
  });

  it('takes the soonest-expiring points first, and records one ledger entry of −points', () => {
    const { s, last } = run([...lots, redeem('x', 400)]);
    expect(s.lots.find((l) => l.id === 'soon')!.remaining).toBe(0);
    expect(s.lots.find((l) => l.id === 'late')!.remaining).toBe(200);
    expect(last.record.entries.map((e) => e.pointsDelta)).toEqual([-400]);
    expect(s.coupons[0]).toMatchObject({ id: 'x', status: 'issued', usedByOp: null });
  });

  it('points still locked by a sale’s return window are not spendable', () => {
    const locked: AccountOp = { ...base, opId: 's1', kind: 'settle', storedValueFen: 0, pointsUsed: 0, punchUses: [], couponIds: [], pointsEarned: 500, pointsAvailableAt: at + 7 * DAY, pointsExpiresAt: at + 365 * DAY, orderTotalFen: 0, deviceId: null, leaseId: null };
    const { last } = run([locked, redeem('x', 100)]);
    expect(last.record.code).toBe('INSUFFICIENT_POINTS');
  });
});
