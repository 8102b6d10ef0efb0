import { describe, expect, it } from 'vitest';
import type { Tier } from '../../../shared/schemas/member';
import { tierClass, tierName, tierProgress } from './tier';

const tier = (code: Tier['code'], rank: number, upgradeSpendFen: number): Tier => ({
  code,
  name: code,
  nameEn: code.toUpperCase(),
  rank,
  upgradeSpendFen,
  keepSpendFen: 0,
  discountBp: 10000,
  pointsMultiplierBp: 10000,
});
const normal = tier('normal', 0, 0);
const silver = tier('silver', 1, 100_000);
const gold = tier('gold', 2, 500_000);

describe('tierProgress', () => {
  it('is null at the top tier', () => expect(tierProgress(9_999_999, gold, null)).toBeNull());
  it('measures from zero for the first tier', () => {
    expect(tierProgress(25_000, normal, silver)).toEqual({ percent: 25, remainingFen: 75_000, next: silver });
  });
  it('measures between the two thresholds', () => {
    // silver at 1,000 yuan, gold at 5,000: 3,000 spent is half-way.
    expect(tierProgress(300_000, silver, gold)).toEqual({ percent: 50, remainingFen: 200_000, next: gold });
  });
  it('clamps below the current threshold (a kept tier) and above the next', () => {
    expect(tierProgress(50_000, silver, gold)?.percent).toBe(0);
    const over = tierProgress(600_000, silver, gold);
    expect(over?.percent).toBe(100);
    expect(over?.remainingFen).toBe(0);
  });
  it('rounds down to one decimal so 99.99 % never shows as 100 %', () => {
    expect(tierProgress(99_999, normal, silver)?.percent).toBe(99.9);
  });
  it('treats an unknown current tier as starting from zero', () => {
    expect(tierProgress(50_000, null, silver)?.percent).toBe(50);
  });
});

describe('tierClass / tierName', () => {
  it('maps known codes and falls back to normal', () => {
    expect(tierClass('gold')).toBe('tier-gold');
    expect(tierClass('platinum')).toBe('tier-normal');
  });
  it('picks the name for the language', () => {
    expect(tierName(gold, 'en')).toBe('GOLD');
    expect(tierName(gold, 'zh-CN')).toBe('gold');
  });
});
