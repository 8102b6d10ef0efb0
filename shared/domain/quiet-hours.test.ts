import { describe, expect, it } from 'vitest';
import type { QuietHours } from '../schemas/notifications';
import { quietUntil } from './quiet-hours';

// Local (Asia/Shanghai) wall time on 2026-12-07 → UTC ms.
const local = (hh: number, mm = 0, day = 7) => Date.UTC(2026, 11, day, hh - 8, mm);
const NIGHT: QuietHours = { start: '22:00', end: '08:00' };
const NOON: QuietHours = { start: '12:00', end: '14:30' };

describe('quietUntil', () => {
  it.each([
    ['21:59 before a night', NIGHT, local(21, 59), null],
    ['22:00 starts it', NIGHT, local(22), local(8, 0, 8)],
    ['23:30 waits to the next morning', NIGHT, local(23, 30), local(8, 0, 8)],
    ['03:00 after midnight waits to this morning', NIGHT, local(3), local(8)],
    ['08:00 is the end, outside', NIGHT, local(8), null],
    ['noon outside a night', NIGHT, local(12), null],
    ['a daytime window', NOON, local(13), local(14, 30)],
    ['before a daytime window', NOON, local(11, 59), null],
    ['none', null, local(23), null],
  ] as const)('%s', (_name, q, now, until) => {
    expect(quietUntil(now, q)).toBe(until);
  });
});
