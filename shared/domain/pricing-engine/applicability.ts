/**
 * Whether a campaign or the birthday benefit is on at a given instant. Calendars are read in the
 * chain's zone (Asia/Shanghai, fixed +8, see business-day.ts): a "Wednesday 14:00–17:00" campaign
 * means Wednesday afternoon at the counter, not in UTC.
 */
import type { BirthdayBenefit, Campaign } from '../../schemas/promotions';
import { CHAIN_UTC_OFFSET_MINUTES } from '../business-day';

export type LocalClock = { date: string; weekday: number; minute: number };

/** Local date, ISO weekday (1 = Monday) and minute of the day of `at`. */
export function localClock(at: number, offsetMinutes = CHAIN_UTC_OFFSET_MINUTES): LocalClock {
  const d = new Date(at + offsetMinutes * 60_000);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() || 7, minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/** [from, to) in local minutes; a window that runs past midnight (22:00–02:00) wraps. */
export function inWindow(minute: number, w: { fromMinute: number; toMinute: number }): boolean {
  return w.fromMinute < w.toMinute ? minute >= w.fromMinute && minute < w.toMinute : minute >= w.fromMinute || minute < w.toMinute;
}

/** `tierCode`: the member's tier (null: a walk-in); absent in callers that predate tier targeting. */
export type Where = { storeId: string; at: number; isMember: boolean; tierCode?: string | null };

/**
 * On for this store, instant and customer. The weekday of a window past midnight is the day of
 * `at` itself (Friday 01:00 is Friday), which keeps the rule one line and is what a poster says.
 */
export function campaignOn(c: Campaign, w: Where, clock = localClock(w.at)): boolean {
  if (!c.active || w.at < c.startsAt || w.at >= c.endsAt) return false;
  if (c.storeIds && !c.storeIds.includes(w.storeId)) return false;
  if (c.membersOnly && !w.isMember) return false;
  // `?? null`: a campaign synced before tier targeting existed has no field at all.
  const tiers = c.tierCodes ?? null;
  if (tiers && !(w.tierCode && (tiers as readonly string[]).includes(w.tierCode))) return false;
  if (c.weekdays && !c.weekdays.includes(clock.weekday)) return false;
  return !c.dailyWindow || inWindow(clock.minute, c.dailyWindow);
}

/** null = no category limit. */
export function inCategories(categoryIds: readonly string[] | null, categoryId: string): boolean {
  return categoryIds === null || categoryIds.includes(categoryId);
}

/**
 * Whether a campaign's lines include this item: no targets = all; else its category or its product
 * is listed (either is enough). `productIds` may be missing on a doc synced before it existed.
 */
export function inLineTargets(t: { categoryIds: readonly string[] | null; productIds?: readonly string[] | null }, item: { categoryId: string; productId: string }): boolean {
  const products = t.productIds ?? null;
  if (t.categoryIds === null && products === null) return true;
  return (t.categoryIds?.includes(item.categoryId) ?? false) || (products?.includes(item.productId) ?? false);
}

/**
 * Whether today (local) is the member's birthday, or in its month. A 29 February birthday is
 * kept on 28 February in common years, so those members do not lose the day.
 */
export function isBirthday(birthday: string | null, scope: BirthdayBenefit['scope'], at: number): boolean {
  if (!birthday) return false;
  const today = localClock(at).date;
  if (birthday.slice(5, 7) !== today.slice(5, 7)) return false;
  if (scope === 'month') return true;
  const year = Number(today.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = birthday.slice(5) === '02-29' && !leap ? '02-28' : birthday.slice(5);
  return today.slice(5) === day;
}
