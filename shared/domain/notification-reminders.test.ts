import { describe, expect, it } from 'vitest';
import { birthdayGreeting, expiryReminders, reminderWindow } from './notification-reminders';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 2); // 10:00 local

describe('reminderWindow', () => {
  it.each([
    [31 * DAY, null], [30 * DAY, 30], [8 * DAY, 30], [7 * DAY + 1, 30], [7 * DAY, 7], [1, 7], [0, null], [-DAY, null],
  ] as const)('%d ms left → %s', (left, w) => expect(reminderWindow(NOW + left, NOW)).toBe(w));
});

describe('expiryReminders', () => {
  it('names each thing and window; sums points lapsing on one day; skips spent, used and far things', () => {
    const at = NOW + 20 * DAY;
    const due = expiryReminders('m1', {
      lots: [{ expiresAt: at, remaining: 100 }, { expiresAt: at + 3_600_000, remaining: 50 }, { expiresAt: NOW + 3 * DAY, remaining: 5 }, { expiresAt: NOW + 60 * DAY, remaining: 9 }, { expiresAt: at, remaining: 0 }],
      punchCards: [{ id: 'pc1', name: '十次卡', usesLeft: 2, expiresAt: NOW + 6 * DAY }, { id: 'pc2', name: 'x', usesLeft: 0, expiresAt: NOW + DAY }, { id: 'pc3', name: 'y', usesLeft: 3, expiresAt: null }],
      coupons: [{ id: 'c1', name: '券', status: 'issued', expiresAt: NOW + 29 * DAY }, { id: 'c2', name: 'used', status: 'used', expiresAt: NOW + DAY }],
    }, NOW);
    expect(due.map((d) => d.eventId).sort()).toEqual([
      'coupon-expiring:m1:c1:30d', 'points-expiring:m1:2026-12-10:7d', 'points-expiring:m1:2026-12-27:30d', 'punch-expiring:m1:pc1:7d',
    ]);
    expect(due.find((d) => d.eventId.endsWith('2026-12-27:30d'))!.event).toEqual({ kind: 'points_expiring', points: 150, expiresAt: at, days: 30 });
  });
});

describe('birthdayGreeting', () => {
  it.each([
    ['1990-12-07', '2026-12-07', 'birthday-greeting:2026:m1', '生日券'],
    ['1990-12-08', '2026-12-07', null, null],
    ['1992-02-29', '2027-02-28', 'birthday-greeting:2027:m1', null],
    [null, '2026-12-07', null, null],
  ] as const)('%s on %s', (birthday, today, id, benefit) => {
    const g = birthdayGreeting('m1', birthday, today, [{ id: 'birthday:2026:m1', name: '生日券', status: 'issued', expiresAt: NOW }]);
    expect(g?.eventId ?? null).toBe(id);
    if (g) expect(g.event).toEqual({ kind: 'birthday', benefit });
  });
});
