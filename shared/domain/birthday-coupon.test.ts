import { describe, expect, it } from 'vitest';
import { birthdayCouponYear, birthdayIn, birthdaysDue } from './birthday-coupon';

describe('birthdayCouponYear', () => {
  it.each<[string | null, string, number, number, number | null]>([
    ['1990-12-07', '2026-12-07', 0, 0, 2026], // on the day
    ['1990-12-07', '2026-12-06', 0, 7, null], // not yet
    ['1990-12-07', '2026-12-10', 0, 7, 2026], // the job ran late: still that year's
    ['1990-12-07', '2026-12-15', 0, 7, null], // too late
    ['1990-12-07', '2026-11-30', 7, 0, 2026], // a week before
    ['1990-01-03', '2026-12-29', 5, 0, 2027], // before a January birthday: next year's coupon
    ['1990-01-03', '2027-01-02', 5, 7, 2027],
    ['1992-02-29', '2027-02-28', 0, 0, 2027], // the 28th in other years
    ['1992-02-29', '2028-02-29', 0, 0, 2028],
    ['1992-02-29', '2028-02-28', 0, 0, null],
    [null, '2026-12-07', 0, 7, null],
    ['bad', '2026-12-07', 0, 7, null],
  ])('%s on %s (before %i, late %i) → %s', (b, today, before, late, year) => expect(birthdayCouponYear(b, today, before, late)).toBe(year));
});

describe('birthdaysDue', () => {
  it('lists the birthdays a late or early job must look for', () => {
    expect(birthdaysDue('2026-12-07', 0, 2)).toEqual(['12-05', '12-06', '12-07']);
    expect(birthdaysDue('2026-12-30', 5, 0)).toEqual(['01-04']);
    expect(birthdaysDue('2026-12-29', 5, 0)).toEqual(['01-03']);
    expect(birthdaysDue('2027-02-28', 0, 0)).toEqual(['02-28', '02-29']);
  });
  it('agrees with birthdayCouponYear', () => {
    for (const today of ['2026-12-07', '2027-02-28', '2026-12-30']) {
      const due = new Set(birthdaysDue(today, 3, 4));
      // Every date of a leap year, as a birthday.
      for (let t = Date.UTC(2028, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
        const b = `1992-${new Date(t).toISOString().slice(5, 10)}`;
        expect(birthdayIn(b, 2028)).toBe(`2028-${b.slice(5)}`);
        expect(due.has(b.slice(5)) || birthdayCouponYear(b, today, 3, 4) === null).toBe(true);
      }
    }
  });
});
