import { describe, expect, it } from 'vitest';
import { businessDay, windowStartDay } from './business-day';

describe('businessDay', () => {
  it.each([
    [Date.UTC(2026, 3, 30, 23, 30), '2026-05-01'], // 07:30 in Guangzhou
    [Date.UTC(2026, 3, 30, 15, 59), '2026-04-30'], // 23:59 in Guangzhou
    [Date.UTC(2026, 3, 30, 16, 0), '2026-05-01'], // midnight in Guangzhou
    [Date.UTC(2026, 11, 31, 16, 0), '2027-01-01'],
  ])('%i → %s', (ms, day) => expect(businessDay(ms)).toBe(day));
  it('takes another offset', () => expect(businessDay(Date.UTC(2026, 0, 1, 2, 0), -5 * 60)).toBe('2025-12-31'));
});

describe('windowStartDay', () => {
  it('counts the current day as the last of the window', () => {
    expect(windowStartDay(Date.UTC(2026, 4, 30, 4), 30)).toBe('2026-05-01');
    expect(windowStartDay(Date.UTC(2026, 4, 30, 4), 1)).toBe('2026-05-30');
  });
});
