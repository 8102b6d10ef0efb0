import { describe, expect, it } from 'vitest';
import { formatClock, snapshotState, STALE_AFTER_MS } from './sync-display';

// The top bar's sync line: how old the tablet's copy of the data is.
describe('snapshotState', () => {
  const now = 1_800_000_000_000;
  it.each([
    ['never pulled', null, 'none'],
    ['just now', now, 'fresh'],
    ['a minute ago', now - 60_000, 'fresh'],
    ['exactly 5 minutes ago', now - STALE_AFTER_MS, 'fresh'],
    ['just over 5 minutes ago', now - STALE_AFTER_MS - 1, 'stale'],
    ['an hour ago', now - 3_600_000, 'stale'],
    ['clock skew: in the future', now + 5_000, 'fresh'],
  ] as const)('%s → %s', (_name, lastPulledAt, want) => expect(snapshotState(lastPulledAt, now)).toBe(want));
});

describe('formatClock', () => {
  // Local-time constructors: the expectation holds in any time zone the tests run in.
  it.each([
    [new Date(2026, 10, 20, 14, 5), '14:05'],
    [new Date(2026, 10, 20, 0, 0), '00:00'],
    [new Date(2026, 10, 20, 9, 7, 59), '09:07'],
    [new Date(2026, 10, 20, 23, 59), '23:59'],
  ])('%s → %s', (d, want) => expect(formatClock(d.getTime())).toBe(want));
});
