import { describe, expect, it } from 'vitest';
import { campaignOn, inWindow, isBirthday, localClock } from './applicability';
import { AT, DAY, campaign } from './test-fixtures';

const H = 3_600_000;

describe('localClock reads Shanghai time', () => {
  it.each([
    [AT, { date: '2026-11-18', weekday: 3, minute: 14 * 60 }],
    [Date.UTC(2026, 10, 17, 16, 30), { date: '2026-11-18', weekday: 3, minute: 30 }], // Tuesday in UTC
    [Date.UTC(2026, 10, 22, 15, 59), { date: '2026-11-22', weekday: 7, minute: 23 * 60 + 59 }], // Sunday = 7
  ])('%i', (at, clock) => expect(localClock(at)).toEqual(clock));
});

describe('inWindow', () => {
  it.each([
    [600, { fromMinute: 600, toMinute: 720 }, true], // start is in
    [720, { fromMinute: 600, toMinute: 720 }, false], // end is out
    [1380, { fromMinute: 1320, toMinute: 120 }, true], // 23:00 in 22:00–02:00
    [60, { fromMinute: 1320, toMinute: 120 }, true],
    [600, { fromMinute: 1320, toMinute: 120 }, false],
    [1439, { fromMinute: 0, toMinute: 1440 }, true],
  ])('%i in %o → %s', (m, w, on) => expect(inWindow(m, w)).toBe(on));
});

describe('campaignOn', () => {
  const where = { storeId: 's1', at: AT, isMember: true };
  it.each([
    ['plain campaign', {}, where, true],
    ['switched off', { active: false }, where, false],
    ['not started', { startsAt: AT + 1 }, where, false],
    ['starts this instant', { startsAt: AT }, where, true],
    ['ended (end exclusive)', { endsAt: AT }, where, false],
    ['other store', { storeIds: ['s2'] }, where, false],
    ['listed store', { storeIds: ['s2', 's1'] }, where, true],
    ['Wednesday member day on Wednesday', { weekdays: [3] }, where, true],
    ['weekend only on Wednesday', { weekdays: [6, 7] }, where, false],
    ['afternoon window at 14:00', { dailyWindow: { fromMinute: 14 * 60, toMinute: 17 * 60 } }, where, true],
    ['morning window at 14:00', { dailyWindow: { fromMinute: 9 * 60, toMinute: 12 * 60 } }, where, false],
    ['UTC Wednesday 16:00 is Thursday 00:00 here', { weekdays: [3] }, { ...where, at: AT + 10 * H }, false],
    ['members only, walk-in', { membersOnly: true }, { ...where, isMember: false }, false],
    ['members only, member', { membersOnly: true }, where, true],
  ])('%s', (_n, c, w, on) => expect(campaignOn(campaign({ kind: 'points_multiplier', multiplierBp: 20_000, ...c }), w)).toBe(on));
});

describe('isBirthday', () => {
  const feb28 = Date.UTC(2027, 1, 28, 4); // common year
  const feb29 = Date.UTC(2028, 1, 29, 4); // leap year
  it.each([
    ['on the day', '1990-11-18', 'day', AT, true],
    ['the day before', '1990-11-19', 'day', AT, false],
    ['same month', '1990-11-02', 'month', AT, true],
    ['other month', '1990-10-18', 'month', AT, false],
    ['no birthday on file', null, 'month', AT, false],
    ['local midnight has passed (UTC still the 17th)', '1990-11-18', 'day', Date.UTC(2026, 10, 17, 16, 30), true],
    ['29 Feb kept on 28 Feb in a common year', '1988-02-29', 'day', feb28, true],
    ['29 Feb in a leap year is the 29th', '1988-02-29', 'day', feb29, true],
    ['28 Feb in a leap year is not a 29 Feb birthday', '1988-02-29', 'day', feb29 - DAY, false],
  ] as const)('%s', (_n, b, scope, at, yes) => expect(isBirthday(b, scope, at)).toBe(yes));
});
