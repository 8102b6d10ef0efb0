/**
 * Points are kept as lots, one per earning, so that expiry takes the oldest first and points from a
 * sale can stay locked through its return window. A lot is spendable from `availableAt` until
 * `expiresAt` (exclusive).
 */
export type PointsLot = { id: string; earnedAt: number; availableAt: number; expiresAt: number; remaining: number };
export type PointsTake = { lotId: string; points: number };

export type PointsExpiryPolicy = { kind: 'rolling_months'; months: number } | { kind: 'end_of_next_year' } | { kind: 'never' };

const FAR_FUTURE = 8_640_000_000_000_000;

/** When points earned at `earnedAt` expire, in the chain's zone (`offsetMinutes` from UTC). */
export function pointsExpiry(earnedAt: number, policy: PointsExpiryPolicy, offsetMinutes = 480): number {
  const local = new Date(earnedAt + offsetMinutes * 60_000);
  switch (policy.kind) {
    case 'never':
      return FAR_FUTURE;
    case 'rolling_months': {
      // Same local day N months later (clamped to the month's end), at local midnight.
      const y = local.getUTCFullYear(), m = local.getUTCMonth() + policy.months, d = local.getUTCDate();
      const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      return Date.UTC(y, m, Math.min(d, lastDay)) - offsetMinutes * 60_000;
    }
    case 'end_of_next_year':
      // Midnight starting 1 January two years on: points earned in 2026 last through 2027.
      return Date.UTC(local.getUTCFullYear() + 2, 0, 1) - offsetMinutes * 60_000;
  }
}

const usable = (l: PointsLot, now: number) => l.remaining > 0 && l.availableAt <= now && l.expiresAt > now;

export function spendablePoints(lots: readonly PointsLot[], now: number): number {
  return lots.reduce((s, l) => (usable(l, now) ? s + l.remaining : s), 0);
}

export function lockedPoints(lots: readonly PointsLot[], now: number): number {
  return lots.reduce((s, l) => (l.remaining > 0 && l.availableAt > now && l.expiresAt > now ? s + l.remaining : s), 0);
}

/** Takes `points` from the lots that expire soonest (then the oldest); null when there are too few. */
export function takePoints(lots: readonly PointsLot[], points: number, now: number): PointsTake[] | null {
  if (points <= 0) return [];
  const order = lots.filter((l) => usable(l, now)).sort((a, b) => a.expiresAt - b.expiresAt || a.earnedAt - b.earnedAt || (a.id < b.id ? -1 : 1));
  const takes: PointsTake[] = [];
  let left = points;
  for (const l of order) {
    if (left === 0) break;
    const n = Math.min(l.remaining, left);
    takes.push({ lotId: l.id, points: n });
    left -= n;
  }
  return left === 0 ? takes : null;
}

/** Lots whose unspent points are due to expire at `now`. */
export function dueToExpire(lots: readonly PointsLot[], now: number): PointsTake[] {
  return lots.filter((l) => l.remaining > 0 && l.expiresAt <= now).map((l) => ({ lotId: l.id, points: l.remaining }));
}
