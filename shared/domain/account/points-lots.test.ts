import { describe, expect, it } from 'vitest';
import { dueToExpire, lockedPoints, pointsExpiry, spendablePoints, takePoints, type PointsLot } from './points-lots';
import { rechargeBonus } from './recharge-rules';

const H = 3_600_000, D = 24 * H;
const lot = (id: string, earnedAt: number, remaining: number, o: Partial<PointsLot> = {}): PointsLot => ({
  id, earnedAt, remaining, availableAt: earnedAt, expiresAt: earnedAt + 365 * D, ...o,
});

describe('rechargeBonus', () => {
  const rules = [{ minFen: 50_000, bonusFen: 5_000 }, { minFen: 100_000, bonusFen: 20_000 }, { minFen: 300_000, bonusFen: 80_000 }];
  it.each([
    [49_999, 0], [50_000, 5_000], [99_999, 5_000], [100_000, 20_000], [250_000, 20_000], [300_000, 80_000], [1_000_000, 80_000],
  ])('recharge %i → bonus %i', (amount, bonus) => expect(rechargeBonus(amount, rules)).toBe(bonus));
  it('no rules, no bonus', () => expect(rechargeBonus(100_000, [])).toBe(0));
});

describe('pointsExpiry', () => {
  it.each([
    // 2026-03-15 10:00 Shanghai + 12 months → 2027-03-15 00:00 Shanghai
    [Date.UTC(2026, 2, 15, 2), { kind: 'rolling_months', months: 12 } as const, Date.UTC(2027, 2, 14, 16)],
    // 31 January + 1 month → end of February
    [Date.UTC(2026, 0, 31, 2), { kind: 'rolling_months', months: 1 } as const, Date.UTC(2026, 1, 27, 16)],
    // 23:30 on 31 Dec 2026 in Shanghai is still 2026 → lasts through 2027
    [Date.UTC(2026, 11, 31, 15, 30), { kind: 'end_of_next_year' } as const, Date.UTC(2027, 11, 31, 16)],
    // 00:30 on 1 Jan 2027 in Shanghai (16:30 UTC the day before) counts as 2027 → through 2028
    [Date.UTC(2026, 11, 31, 16, 30), { kind: 'end_of_next_year' } as const, Date.UTC(2028, 11, 31, 16)],
  ])('%i %o → %i', (at, policy, expires) => expect(pointsExpiry(at, policy)).toBe(expires));
});

describe('points lots', () => {
  const now = 1000 * D;
  const lots = [
    lot('new', now - 10 * D, 300),
    lot('old', now - 300 * D, 100),
    lot('locked', now - D, 50, { availableAt: now + 6 * D }),
    lot('expired', now - 400 * D, 70),
    lot('empty', now - 200 * D, 0),
  ];
  it('counts what can be spent and what is locked', () => {
    expect(spendablePoints(lots, now)).toBe(400);
    expect(lockedPoints(lots, now)).toBe(50);
    expect(spendablePoints(lots, now + 7 * D)).toBe(450);
  });
  it.each([
    [50, [{ lotId: 'old', points: 50 }]],
    [100, [{ lotId: 'old', points: 100 }]],
    [250, [{ lotId: 'old', points: 100 }, { lotId: 'new', points: 150 }]],
    [400, [{ lotId: 'old', points: 100 }, { lotId: 'new', points: 300 }]],
    [401, null],
    [0, []],
  ])('take %i → %o (soonest to expire first; locked and expired never)', (n, takes) => expect(takePoints(lots, n, now)).toEqual(takes));
  it('finds what is due to expire', () => expect(dueToExpire(lots, now)).toEqual([{ lotId: 'expired', points: 70 }]));
});
