import { describe, expect, it } from 'vitest';
import type { OwnedCoupon, PunchCard } from '../../../../shared/schemas/account';
import { daysUntil, groupCoupons, pointsSchedule, splitPunchCards } from './wallet';

const NOW = Date.UTC(2026, 10, 20, 4); // 2026-11-20 12:00 Shanghai
const DAY = 86_400_000;
const coupon = (id: string, status: OwnedCoupon['status'], expiresAt: number): OwnedCoupon => ({ id, templateId: 't', name: id, status, expiresAt, usedByOp: status === 'used' ? 'op' : null });
const card = (id: string, usesLeft: number, expiresAt: number | null): PunchCard => ({ id, productId: 'p', name: id, usesTotal: 10, usesLeft, pricePerUseFen: 100, expiresAt, storeIds: null });

describe('groupCoupons', () => {
  it('splits usable / used / expired; an issued coupon past its date is expired', () => {
    const g = groupCoupons([coupon('late', 'issued', NOW + 9 * DAY), coupon('soon', 'issued', NOW + DAY), coupon('u', 'used', NOW + DAY), coupon('lapsed', 'issued', NOW - 1), coupon('e', 'expired', NOW - DAY)], NOW);
    expect(g.usable.map((c) => c.id)).toEqual(['soon', 'late']);
    expect(g.used.map((c) => c.id)).toEqual(['u']);
    expect(g.expired.map((c) => c.id)).toEqual(['lapsed', 'e']);
  });
});

describe('splitPunchCards', () => {
  it('puts cards with visits left and not expired first, soonest expiry first', () => {
    const s = splitPunchCards([card('never', 3, null), card('soon', 1, NOW + DAY), card('empty', 0, null), card('old', 5, NOW - DAY)], NOW);
    expect(s.active.map((c) => c.id)).toEqual(['soon', 'never']);
    expect(s.finished.map((c) => c.id).sort()).toEqual(['empty', 'old']);
  });
});

describe('pointsSchedule', () => {
  it('sums lots lapsing the same China day, soonest first, and counts points not usable yet', () => {
    const lots = [
      { id: 'a', earnedAt: 0, availableAt: 0, expiresAt: Date.UTC(2027, 0, 31, 15, 59), remaining: 100 },
      { id: 'b', earnedAt: 0, availableAt: 0, expiresAt: Date.UTC(2027, 0, 31, 2), remaining: 50 },
      { id: 'c', earnedAt: 0, availableAt: NOW + DAY, expiresAt: Date.UTC(2027, 5, 30), remaining: 30 },
      { id: 'gone', earnedAt: 0, availableAt: 0, expiresAt: NOW - 1, remaining: 70 },
      { id: 'spent', earnedAt: 0, availableAt: 0, expiresAt: NOW + DAY, remaining: 0 },
    ];
    const s = pointsSchedule(lots, NOW);
    expect(s.expiring.map((e) => [e.day, e.points])).toEqual([['2027-01-31', 150], ['2027-06-30', 30]]);
    expect(s.pending).toBe(30);
  });
});

describe('daysUntil', () => {
  it('counts calendar days in China time', () => {
    expect(daysUntil(NOW + 3 * DAY, NOW)).toBe(3);
    expect(daysUntil(Date.UTC(2026, 10, 20, 15, 0), NOW)).toBe(0);
    expect(daysUntil(Date.UTC(2026, 10, 20, 16, 30), NOW)).toBe(1);
  });
});
