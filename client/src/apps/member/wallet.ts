import type { OwnedCoupon, PunchCard } from '../../../../shared/schemas/account';

export type PointsLot = { id: string; earnedAt: number; availableAt: number; expiresAt: number; remaining: number };

/** Coupons as the member thinks of them: usable now, used, expired (an issued one past its date is expired). */
export function groupCoupons(coupons: readonly OwnedCoupon[], now: number): { usable: OwnedCoupon[]; used: OwnedCoupon[]; expired: OwnedCoupon[] } {
  const usable: OwnedCoupon[] = [];
  const used: OwnedCoupon[] = [];
  const expired: OwnedCoupon[] = [];
  for (const c of coupons) {
    if (c.status === 'used') used.push(c);
    else if (c.status === 'expired' || c.expiresAt <= now) expired.push(c);
    else usable.push(c);
  }
  usable.sort((a, b) => a.expiresAt - b.expiresAt);
  used.sort((a, b) => b.expiresAt - a.expiresAt);
  expired.sort((a, b) => b.expiresAt - a.expiresAt);
  return { usable, used, expired };
}

/** Punch cards with visits left and not expired first (soonest expiry first), then the finished ones. */
export function splitPunchCards(cards: readonly PunchCard[], now: number): { active: PunchCard[]; finished: PunchCard[] } {
  const live = (c: PunchCard) => c.usesLeft > 0 && (c.expiresAt === null || c.expiresAt > now);
  const byExpiry = (a: PunchCard, b: PunchCard) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity);
  return { active: cards.filter(live).sort(byExpiry), finished: cards.filter((c) => !live(c)).sort(byExpiry) };
}

/** The China-time day (YYYY-MM-DD) of a moment. */
export const dayOf = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Points by the day they lapse, soonest first (lots lapsing the same day summed), and the points
 * earned but not usable yet (a lot's `availableAt` is still ahead).
 */
export function pointsSchedule(lots: readonly PointsLot[], now: number): { expiring: { day: string; expiresAt: number; points: number }[]; pending: number } {
  const byDay = new Map<string, { day: string; expiresAt: number; points: number }>();
  let pending = 0;
  for (const l of lots) {
    if (l.remaining <= 0 || l.expiresAt <= now) continue;
    if (l.availableAt > now) pending += l.remaining;
    const day = dayOf(l.expiresAt);
    const e = byDay.get(day) ?? { day, expiresAt: l.expiresAt, points: 0 };
    e.points += l.remaining;
    e.expiresAt = Math.min(e.expiresAt, l.expiresAt);
    byDay.set(day, e);
  }
  return { expiring: [...byDay.values()].sort((a, b) => a.expiresAt - b.expiresAt), pending };
}

/** Whole days from now until `at` (0 on the day itself, China time). */
export function daysUntil(at: number, now: number): number {
  return Math.round((Date.parse(dayOf(at)) - Date.parse(dayOf(now))) / 86_400_000);
}
