/*
 * When a birthday coupon is due (decision 019). A birthday is a calendar date 'YYYY-MM-DD'; days are
 * the chain's business days ('YYYY-MM-DD', shared/domain/business-day.ts). 29 February is the 28th
 * in other years.
 */

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The member's birthday in `year`. */
export function birthdayIn(birthday: string, year: number): string {
  const md = birthday.slice(5);
  return md === '02-29' && !isLeap(year) ? `${year}-02-28` : `${year}-${md}`;
}

/**
 * The year whose birthday coupon is due on `today` (issued `daysBefore` the birthday, or up to
 * `lateDays` after that day if the job ran late), or null. The year names the coupon: one per member
 * per year, whichever day it is issued.
 */
export function birthdayCouponYear(birthday: string | null, today: string, daysBefore: number, lateDays: number): number | null {
  if (!birthday || !/^\d{4}-\d{2}-\d{2}$/.test(birthday)) return null;
  const t = dayMs(today);
  const y = Number(today.slice(0, 4));
  for (const year of [y - 1, y, y + 1]) {
    const issue = dayMs(birthdayIn(birthday, year)) - daysBefore * DAY;
    if (issue <= t && t <= issue + lateDays * DAY) return year;
  }
  return null;
}

/** The birthdays ('MM-DD') whose coupon may be due on `today`: what the job asks D1 for. */
export function birthdaysDue(today: string, daysBefore: number, lateDays: number): string[] {
  const t = dayMs(today);
  const out = new Set<string>();
  for (let k = 0; k <= lateDays; k++) {
    const d = dayOf(t + (daysBefore - k) * DAY);
    out.add(d.slice(5));
    if (d.slice(5) === '02-28' && !isLeap(Number(d.slice(0, 4)))) out.add('02-29');
  }
  return [...out].sort();
}
