import { describe, expect, it } from 'vitest';
import { changeBp, comparisonPeriod, daysOf, periodDays } from './report-period';

describe('report periods', () => {
  it.each([
    ['2026-12-01', '2026-12-30', 'previous', { from: '2026-11-01', to: '2026-11-30' }],
    ['2026-12-07', '2026-12-07', 'previous', { from: '2026-12-06', to: '2026-12-06' }],
    ['2026-03-01', '2026-03-31', 'previous', { from: '2026-01-29', to: '2026-02-28' }],
    ['2026-12-01', '2026-12-30', 'last_year', { from: '2025-12-01', to: '2025-12-30' }],
    ['2028-02-29', '2028-03-01', 'last_year', { from: '2027-02-28', to: '2027-03-01' }],
    ['2026-12-01', '2026-12-30', 'none', null],
  ] as const)('%s..%s compared %s', (from, to, compare, want) => {
    expect(comparisonPeriod(from, to, compare)).toEqual(want);
  });

  it('counts and lists the days, across a month end', () => {
    expect(periodDays('2026-11-29', '2026-12-02')).toBe(4);
    expect(daysOf('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(periodDays('2025-12-08', '2026-12-07')).toBe(365);
  });

  it.each([
    [110, 100, 1000], [90, 100, -1000], [100, 0, null], [5, null, null], [-50, -100, 5000], [1, 3, -6667],
  ] as const)('change of %s against %s is %s bp', (v, b, want) => {
    expect(changeBp(v, b)).toBe(want);
  });
});
