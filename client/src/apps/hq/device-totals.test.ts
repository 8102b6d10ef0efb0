import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/schemas/device';
import { deviceTotals, deviceTotalsByStore, isQuiet, QUIET_AFTER_MS, since } from './device-totals';

const device = (id: string, storeId: string, over: Partial<Device> = {}): Device => ({
  id,
  storeId,
  storeName: `店${storeId}`,
  name: id,
  status: 'active',
  createdAt: 0,
  lastSeenAt: null,
  retiredAt: null,
  openAllowances: 0,
  outstandingFen: 0,
  writtenOffFen: 0,
  ...over,
});

const zero = { tablets: 0, active: 0, retired: 0, openAllowances: 0, outstandingFen: 0, writtenOffFen: 0 };

describe('deviceTotals', () => {
  it('is all zeros for no tablets', () => expect(deviceTotals([])).toEqual(zero));
  it('sums every column and counts active and retired tablets', () =>
    expect(
      deviceTotals([
        device('a', 's1', { openAllowances: 3, outstandingFen: 15_000 }),
        device('b', 's1', { status: 'retired', writtenOffFen: 250 }),
        device('c', 's2', { openAllowances: 1, outstandingFen: 2_000, writtenOffFen: 100 }),
      ]),
    ).toEqual({ tablets: 3, active: 2, retired: 1, openAllowances: 4, outstandingFen: 17_000, writtenOffFen: 350 }));
});

describe('deviceTotalsByStore', () => {
  it('is empty for no tablets', () => expect(deviceTotalsByStore([])).toEqual([]));
  it('groups by store in first-seen order, even when a store comes back later in the list', () =>
    expect(
      deviceTotalsByStore([
        device('a', 's2', { openAllowances: 2, outstandingFen: 400 }),
        device('b', 's1', { status: 'retired', writtenOffFen: 90 }),
        device('c', 's2', { outstandingFen: 100, writtenOffFen: 10 }),
      ]),
    ).toEqual([
      { ...zero, storeId: 's2', storeName: '店s2', tablets: 2, active: 2, openAllowances: 2, outstandingFen: 500, writtenOffFen: 10 },
      { ...zero, storeId: 's1', storeName: '店s1', tablets: 1, retired: 1, writtenOffFen: 90 },
    ]));
});

describe('isQuiet', () => {
  const now = 10 * QUIET_AFTER_MS;
  const cases: [string, Partial<Device>, boolean][] = [
    ['seen just now', { outstandingFen: 100, lastSeenAt: now }, false],
    ['silent a day, holding money', { outstandingFen: 100, lastSeenAt: now - QUIET_AFTER_MS }, true],
    ['silent a day, holding nothing', { outstandingFen: 0, lastSeenAt: now - QUIET_AFTER_MS }, false],
    ['never seen, registered long ago', { outstandingFen: 100, lastSeenAt: null, createdAt: 0 }, true],
    ['never seen, registered a minute ago', { outstandingFen: 100, lastSeenAt: null, createdAt: now - 60_000 }, false],
    ['retired', { status: 'retired', outstandingFen: 100, lastSeenAt: 0 }, false],
  ];
  it.each(cases)('%s', (_name, over, want) => expect(isQuiet(device('a', 's1', over), now)).toBe(want));
});

describe('since', () => {
  const now = 1_000_000_000;
  const cases: [number, ReturnType<typeof since>][] = [
    [0, { value: 0, unit: 'second' }],
    [59_999, { value: 0, unit: 'second' }],
    [60_000, { value: 1, unit: 'minute' }],
    [59 * 60_000 + 59_999, { value: 59, unit: 'minute' }],
    [3_600_000, { value: 1, unit: 'hour' }],
    [23 * 3_600_000, { value: 23, unit: 'hour' }],
    [86_400_000, { value: 1, unit: 'day' }],
    [10 * 86_400_000 + 5, { value: 10, unit: 'day' }],
    [-5_000, { value: 0, unit: 'second' }], // a clock slightly ahead of ours
  ];
  it.each(cases)('%i ms ago', (ago, want) => expect(since(now - ago, now)).toEqual(want));
});
