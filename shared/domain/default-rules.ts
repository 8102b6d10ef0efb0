import type { ChainRules, OfflineAllowancePolicy, TierReviewPolicy } from '../schemas/rules';

// The chain's rules until HQ sets its own. Kept apart from the zod schemas (which re-export them)
// so the member app reads them without bundling zod.

export const DEFAULT_OFFLINE_ALLOWANCE: OfflineAllowancePolicy = { perMemberCapFen: 20_000, shareBp: 3_000, leaseHours: 24, perDeviceCapFen: 40_000_000, maxMembers: 2_000 };

export const DEFAULT_TIER_REVIEW: TierReviewPolicy = { active: true, windowMonths: 12, everyMonths: 1, graceReviews: 1, minMonthsInTier: 12, downgrade: 'one_tier' };

export const DEFAULT_CHAIN_RULES: ChainRules = {
  rechargeRules: [
    { minFen: 50_000, bonusFen: 5_000 },
    { minFen: 100_000, bonusFen: 20_000 },
    { minFen: 300_000, bonusFen: 80_000 },
  ],
  consumptionOrder: 'principal_first',
  pointsPerYuan: 1,
  pointValueFenPer100: 100,
  pointsExpiry: { kind: 'end_of_next_year' },
  pointsLockDays: 7,
  birthdayBenefit: null,
  offlineAllowance: DEFAULT_OFFLINE_ALLOWANCE,
  tierReview: DEFAULT_TIER_REVIEW,
  birthdayCoupon: null,
  inventory: { allowNegativeStock: false },
};
