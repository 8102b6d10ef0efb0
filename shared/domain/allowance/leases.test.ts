import { describe, expect, it } from 'vitest';
import { checkOfflineSpend } from './device-check';
import { allowanceTarget, DEFAULT_ALLOWANCE_POLICY, grant, release, reservedFen, retire, settleOffline, type Escrow } from './leases';

const escrow = (principalFen: number, bonusFen: number): Escrow => ({ principalFen, bonusFen, leases: [] });
const T = 1_800_000_000_000;

describe('allowance target: the lesser of the cap and a share of the balance', () => {
  it.each([
    ['¥1,000 balance: capped at ¥200', 100_000, 20_000],
    ['¥300 balance: 30 % = ¥90', 30_000, 9_000],
    ['¥0.03: 30 % rounds down to 0', 3, 0],
    ['nothing', 0, 0],
  ])('%s', (_, balance, want) => expect(allowanceTarget(DEFAULT_ALLOWANCE_POLICY, balance)).toBe(want));
});

describe('leases', () => {
  it('a grant moves money out of the spendable purses, in the chain’s order; a renewal tops up or gives back', () => {
    const e = escrow(10_000, 2_000);
    expect(grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 3_000, expiresAt: T }, 'bonus_first').moved).toEqual({ principalFen: 1_000, bonusFen: 2_000 });
    expect([e.principalFen, e.bonusFen, reservedFen(e)]).toEqual([9_000, 0, 3_000]);
    expect(grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 1_000, expiresAt: T + 1 }, 'bonus_first').movedFen).toBe(-2_000);
    expect([e.principalFen + e.bonusFen, reservedFen(e), e.leases[0]!.expiresAt]).toEqual([11_000, 1_000, T + 1]);
  });

  it('never lends more than the member has', () => {
    const e = escrow(500, 0);
    expect(grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 20_000, expiresAt: T }, 'principal_first').movedFen).toBe(500);
    expect([e.principalFen, reservedFen(e)]).toEqual([0, 500]);
  });

  it('another device cannot use the lease; a released one cannot be renewed', () => {
    const e = escrow(5_000, 0);
    grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 1_000, expiresAt: T }, 'principal_first');
    expect(() => grant(e, { leaseId: 'L1', deviceId: 'd2', targetFen: 1_000, expiresAt: T }, 'principal_first')).toThrow(/another device/);
    release(e, 'L1');
    expect(() => grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 1_000, expiresAt: T }, 'principal_first')).toThrow(/released/);
    expect([e.principalFen, reservedFen(e)]).toEqual([5_000, 0]);
  });

  it('an offline spend comes out of the lease and is never refused; a tampered excess is charged as far as the balance reaches, the rest written off', () => {
    const e = escrow(1_000, 0);
    grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 600, expiresAt: T }, 'principal_first');
    expect(settleOffline(e, { leaseId: 'L1', fen: 400 }, 'principal_first')).toEqual({ fromLease: { principalFen: 400, bonusFen: 0 }, fromBalance: { principalFen: 0, bonusFen: 0 }, writtenOffFen: 0 });
    const over = settleOffline(e, { leaseId: 'L1', fen: 1_000 }, 'principal_first');
    expect(over).toEqual({ fromLease: { principalFen: 200, bonusFen: 0 }, fromBalance: { principalFen: 400, bonusFen: 0 }, writtenOffFen: 400 });
    expect([e.principalFen, e.bonusFen, reservedFen(e)]).toEqual([0, 0, 0]);
  });

  it('a retired device’s money comes back at once; what it brings in later is written off, not charged to the member', () => {
    const e = escrow(1_000, 0);
    grant(e, { leaseId: 'L1', deviceId: 'd1', targetFen: 600, expiresAt: T }, 'principal_first');
    expect(retire(e, 'd1')).toEqual({ principalFen: 600, bonusFen: 0 });
    expect(settleOffline(e, { leaseId: 'L1', fen: 300 }, 'principal_first').writtenOffFen).toBe(300);
    expect(e.principalFen).toBe(1_000);
  });
});

describe('the tablet’s offline check', () => {
  const held = { leaseId: 'L1', memberId: 'm1', grantedFen: 8_000, spentFen: 3_000, expiresAt: T };
  it.each([
    ['within what is left', held, 5_000, T - 1, { ok: true, leftAfterFen: 0 }],
    ['more than is left', held, 5_001, T - 1, { ok: false, reason: 'over_allowance', availableFen: 5_000 }],
    ['after the lease expired (tablet clock)', held, 100, T, { ok: false, reason: 'expired', availableFen: 0 }],
    ['no allowance for this member', null, 100, T - 1, { ok: false, reason: 'no_allowance', availableFen: 0 }],
  ])('%s', (_, a, fen, now, want) => expect(checkOfflineSpend(a, fen, now)).toEqual(want));
});
