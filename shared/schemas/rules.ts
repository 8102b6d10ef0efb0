import { z } from 'zod';
import { DEFAULT_CHAIN_RULES, DEFAULT_OFFLINE_ALLOWANCE, DEFAULT_TIER_REVIEW } from '../domain/default-rules';
import { consumptionOrderSchema } from './account';
import { MAX_FEN } from './common';
import { birthdayBenefitSchema } from './promotions';

const nonNeg = z.number().int().nonnegative().max(MAX_FEN, 'is beyond any amount a till takes');

export const offlineAllowancePolicySchema = z.object({
  /** Per member and device: the lesser of this and `shareBp` of what the member can spend. */
  perMemberCapFen: nonNeg.max(10_000_000),
  shareBp: z.number().int().min(0).max(10_000),
  /** A tablet stops spending under an allowance this long after it was last renewed. */
  leaseHours: z.number().int().min(1).max(168),
  /** All members' money one tablet may hold at once. */
  perDeviceCapFen: nonNeg.max(100_000_000),
  /** How many members (most recently served first) a tablet holds allowances for. */
  maxMembers: z.number().int().min(0).max(5_000),
});
export type OfflineAllowancePolicy = z.infer<typeof offlineAllowancePolicySchema>;
// Measured by bench/offline-allowance.ts: fewer members or a smaller total per tablet serve far fewer
// offline sales (300 members / ¥20,000: 4 %), since most offline attempts come from occasional visitors.

/**
 * The scheduled tier review (shared/domain/tier-review.ts, decision 019): a member whose spend over
 * the last `windowMonths` is below their tier's `keepSpendFen` (tiers table) is downgraded, after
 * `graceReviews` failed reviews in a row, and never within `minMonthsInTier` of getting the tier.
 */
export const tierReviewPolicySchema = z.object({
  active: z.boolean(),
  windowMonths: z.number().int().min(1).max(36),
  /** Reviewed in months whose number (January = 1) is divisible by this: 1 monthly, 3 quarterly, 12 in December. */
  everyMonths: z.number().int().min(1).max(12),
  graceReviews: z.number().int().min(0).max(12),
  minMonthsInTier: z.number().int().min(0).max(36),
  /** One tier down per review, or straight to the highest tier the spend keeps. */
  downgrade: z.enum(['one_tier', 'to_qualifying']),
});
export type TierReviewPolicy = z.infer<typeof tierReviewPolicySchema>;

/** A coupon from `templateId` for each member's birthday, `daysBefore` it; a late job still issues it up to `lateDays` after. */
export const birthdayCouponPolicySchema = z.object({
  active: z.boolean(),
  templateId: z.string().min(1).max(64),
  daysBefore: z.number().int().min(0).max(31),
  lateDays: z.number().int().min(0).max(31),
});
export type BirthdayCouponPolicy = z.infer<typeof birthdayCouponPolicySchema>;

/** The chain's money and points rules. Stored in D1 (`chain_rules`), edited by HQ, synced to tablets. */
export const chainRulesSchema = z
  .object({
    rechargeRules: z.array(z.object({ minFen: z.number().int().positive().max(MAX_FEN), bonusFen: nonNeg })).max(20),
    consumptionOrder: consumptionOrderSchema,
    // Points per whole yuan paid with money (before the tier multiplier).
    pointsPerYuan: z.number().int().min(0).max(100),
    // What points are worth when used as payment: fen per 100 points.
    pointValueFenPer100: z.number().int().min(0).max(10_000),
    pointsExpiry: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('rolling_months'), months: z.number().int().min(1).max(120) }),
      z.object({ kind: z.literal('end_of_next_year') }),
      z.object({ kind: z.literal('never') }),
    ]),
    // Points earned on a sale stay locked this many days (the return window) before they can be spent.
    pointsLockDays: z.number().int().min(0).max(90),
    // The birthday rate per tier (pricing engine stage 2); null: no birthday benefit.
    birthdayBenefit: birthdayBenefitSchema.nullable().default(null),
    // What registered tablets may hold of members' stored value for offline use (decision 015).
    offlineAllowance: offlineAllowancePolicySchema.default(DEFAULT_OFFLINE_ALLOWANCE),
    // The monthly review that may downgrade a tier (decision 019).
    tierReview: tierReviewPolicySchema.default(DEFAULT_TIER_REVIEW),
    // The nightly birthday coupon (decision 019); null: none is issued.
    birthdayCoupon: birthdayCouponPolicySchema.nullable().default(null),
    // Stock (issue 18): whether receiving, adjustments and transfers may take a store's stock below zero.
    // Sales are facts from the counter (maybe offline) and are always recorded.
    inventory: z.object({ allowNegativeStock: z.boolean() }).strict().default({ allowNegativeStock: false }),
  })
  .meta({ id: 'ChainRules' });
export type ChainRules = z.infer<typeof chainRulesSchema>;

export { DEFAULT_CHAIN_RULES, DEFAULT_OFFLINE_ALLOWANCE, DEFAULT_TIER_REVIEW };
