import type { NotificationEvent } from '../schemas/notifications';
import { birthdayCouponYear } from './birthday-coupon';
import { businessDay } from './business-day';

const DAY = 86_400_000;
/** Reminders go 30 and 7 days before something expires; inside 7 days only the 7-day one. */
export const REMINDER_DAYS = [30, 7] as const;

/** What of an account can expire, as its object answers `account()`. */
export type ExpiringView = {
  lots: { expiresAt: number; remaining: number }[];
  punchCards: { id: string; name: string; usesLeft: number; expiresAt: number | null }[];
  coupons: { id: string; name: string; status: string; expiresAt: number }[];
};
export type DueNotification = { eventId: string; event: NotificationEvent };

/** Which reminder (30 or 7 days) `expiresAt` is due for at `now`, or null (too far, or past). */
export function reminderWindow(expiresAt: number, now: number): 30 | 7 | null {
  const left = expiresAt - now;
  if (left <= 0 || left > 30 * DAY) return null;
  return left > 7 * DAY ? 30 : 7;
}

/**
 * Pure: the expiry reminders due at `now`, each with an event id that names the thing and the
 * window, so a job run twice (or on every day of the window) notifies once per window. Points are
 * summed per expiry day: one reminder for the lots that lapse together.
 */
export function expiryReminders(memberId: string, a: ExpiringView, now: number): DueNotification[] {
  const out: DueNotification[] = [];
  const points = new Map<string, { points: number; expiresAt: number; days: 30 | 7 }>();
  for (const l of a.lots) {
    const days = l.remaining > 0 ? reminderWindow(l.expiresAt, now) : null;
    if (!days) continue;
    const key = `${businessDay(l.expiresAt)}:${days}d`;
    const p = points.get(key) ?? { points: 0, expiresAt: l.expiresAt, days };
    points.set(key, { ...p, points: p.points + l.remaining, expiresAt: Math.min(p.expiresAt, l.expiresAt) });
  }
  for (const [key, p] of points) out.push({ eventId: `points-expiring:${memberId}:${key}`, event: { kind: 'points_expiring', ...p } });
  for (const c of a.punchCards) {
    const days = c.usesLeft > 0 && c.expiresAt !== null ? reminderWindow(c.expiresAt, now) : null;
    if (days) out.push({ eventId: `punch-expiring:${memberId}:${c.id}:${days}d`, event: { kind: 'punch_expiring', name: c.name, usesLeft: c.usesLeft, expiresAt: c.expiresAt!, days } });
  }
  for (const c of a.coupons) {
    const days = c.status === 'issued' ? reminderWindow(c.expiresAt, now) : null;
    if (days) out.push({ eventId: `coupon-expiring:${memberId}:${c.id}:${days}d`, event: { kind: 'coupon_expiring', name: c.name, expiresAt: c.expiresAt, days } });
  }
  return out;
}

/**
 * Pure: the birthday greeting due on business day `today` (29 February greets on the 28th in other
 * years), with the birthday coupon of that year as its benefit if the account holds it.
 */
export function birthdayGreeting(memberId: string, birthday: string | null, today: string, coupons: ExpiringView['coupons']): DueNotification | null {
  const year = birthdayCouponYear(birthday, today, 0, 0);
  if (year === null) return null;
  const gift = coupons.find((c) => c.id === `birthday:${year}:${memberId}`);
  return { eventId: `birthday-greeting:${year}:${memberId}`, event: { kind: 'birthday', benefit: gift?.name ?? null } };
}
