import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_REVIEW, type TierReviewPolicy } from '../schemas/rules';
import { addMonths, isReviewMonth, reviewTier, type TierReviewOutcome } from './tier-review';

// The demo chain's tiers (scripts/seed/demo-catalog.ts).
const TIERS = [
  { code: 'normal', rank: 0, upgradeSpendFen: 0, keepSpendFen: 0 },
  { code: 'silver', rank: 1, upgradeSpendFen: 200_000, keepSpendFen: 150_000 },
  { code: 'gold', rank: 2, upgradeSpendFen: 800_000, keepSpendFen: 600_000 },
  { code: 'diamond', rank: 3, upgradeSpendFen: 2_000_000, keepSpendFen: 1_500_000 },
];
const NOW = Date.UTC(2026, 11, 1, 18);
const LONG_AGO = Date.UTC(2024, 0, 1);
const rule = (r: Partial<TierReviewPolicy> = {}) => ({ ...DEFAULT_TIER_REVIEW, ...r });

describe('reviewTier', () => {
  it.each<[string, string, number, number | null, number, Partial<TierReviewPolicy>, TierReviewOutcome]>([
    ['spend at the keep threshold keeps', 'gold', 600_000, LONG_AGO, 0, {}, { action: 'keep', reason: 'spend' }],
    ['spend above keep but below upgrade keeps', 'gold', 700_000, LONG_AGO, 1, {}, { action: 'keep', reason: 'spend' }],
    ['the lowest tier is never reviewed down', 'normal', 0, LONG_AGO, 5, {}, { action: 'keep', reason: 'lowest' }],
    ['an unknown tier is left alone', 'platinum', 0, LONG_AGO, 0, {}, { action: 'keep', reason: 'unknown_tier' }],
    ['spend that earns a higher tier upgrades', 'silver', 900_000, LONG_AGO, 0, {}, { action: 'upgrade', to: 'gold' }],
    ['straight to the highest tier earned', 'normal', 2_500_000, LONG_AGO, 0, {}, { action: 'upgrade', to: 'diamond' }],
    ['first miss: the grace review', 'gold', 100, LONG_AGO, 0, {}, { action: 'grace', misses: 1 }],
    ['grace used: one tier down', 'gold', 100, LONG_AGO, 1, {}, { action: 'downgrade', to: 'silver' }],
    ['no grace in the rule: down at once', 'gold', 100, LONG_AGO, 0, { graceReviews: 0 }, { action: 'downgrade', to: 'silver' }],
    ['two grace reviews: second miss still grace', 'gold', 100, LONG_AGO, 1, { graceReviews: 2 }, { action: 'grace', misses: 2 }],
    ['to_qualifying: to the tier the spend keeps', 'diamond', 160_000, LONG_AGO, 1, { downgrade: 'to_qualifying' }, { action: 'downgrade', to: 'silver' }],
    ['to_qualifying: no spend, to the lowest', 'diamond', 0, LONG_AGO, 1, { downgrade: 'to_qualifying' }, { action: 'downgrade', to: 'normal' }],
    ['one_tier: diamond to gold even with no spend', 'diamond', 0, LONG_AGO, 1, {}, { action: 'downgrade', to: 'gold' }],
    ['a tier got within minMonthsInTier is kept', 'gold', 0, Date.UTC(2026, 0, 15), 1, {}, { action: 'keep', reason: 'new_in_tier' }],
    ['… and reviewed once that time is up', 'gold', 0, Date.UTC(2025, 11, 1, 17), 1, {}, { action: 'downgrade', to: 'silver' }],
    ['minMonthsInTier 0: no protection', 'gold', 0, NOW - 1, 1, { minMonthsInTier: 0 }, { action: 'downgrade', to: 'silver' }],
    ['unknown since: treated as long ago', 'silver', 0, null, 1, {}, { action: 'downgrade', to: 'normal' }],
  ])('%s', (_name, tierCode, spendFen, tierSince, misses, r, expected) => {
    expect(reviewTier({ tierCode, spendFen, tierSince, misses, now: NOW, tiers: TIERS, rule: rule(r) })).toEqual(expected);
  });
});

describe('addMonths', () => {
  it.each([
    [Date.UTC(2026, 0, 31), 1, Date.UTC(2026, 1, 28)],
    [Date.UTC(2024, 1, 29), 12, Date.UTC(2025, 1, 28)],
    [Date.UTC(2026, 11, 1, 18), 12, Date.UTC(2027, 11, 1, 18)],
    [Date.UTC(2026, 5, 10), 0, Date.UTC(2026, 5, 10)],
  ])('%i + %i months', (at, n, expected) => expect(addMonths(at, n)).toBe(expected));
});

describe('isReviewMonth', () => {
  it.each<[string, Partial<TierReviewPolicy>, boolean]>([
    ['2026-12', {}, true],
    ['2026-01', {}, true],
    ['2026-03', { everyMonths: 3 }, true],
    ['2026-04', { everyMonths: 3 }, false],
    ['2026-12', { everyMonths: 12 }, true],
    ['2026-12', { active: false }, false],
  ])('%s %j → %s', (period, r, expected) => expect(isReviewMonth(period, rule(r))).toBe(expected));
});
