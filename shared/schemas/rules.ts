import { z } from 'zod';
import { DEFAULT_CHAIN_RULES, DEFAULT_OFFLINE_ALLOWANCE, DEFAULT_TIER_REVIEW } from '../domain/default-rules';
import { consumptionOrderSchema } from './account';
import { idSchema, MAX_FEN, timestampSchema } from './common';
import { tierCodeSchema, tierSchema } from './member';
import { orderLineInputSchema } from './order-line';
import { birthdayBenefitSchema, discountSourceSchema } from './promotions';

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

// ── Issue 18: versioned edits, tier edits and the preview (docs/decisions/027) ──

/** The rules doc as HQ saves it, with the version it was edited from (stale → 409). Scripts may leave it out. */
export const rulesSaveSchema = chainRulesSchema.extend({ baseVersion: z.number().int().min(0).optional() }).meta({ id: 'ChainRulesSave' });
export type RulesSave = z.infer<typeof rulesSaveSchema>;

const payBp = z.number().int().min(0).max(10_000);
/** One tier as HQ edits it (code and rank are fixed: members and reviews refer to them). */
export const tierEditSchema = z
  .object({
    name: z.string().trim().min(1).max(20),
    nameEn: z.string().trim().min(1).max(30),
    upgradeSpendFen: nonNeg,
    keepSpendFen: nonNeg,
    discountBp: payBp,
    pointsMultiplierBp: z.number().int().min(0).max(100_000),
    categoryDiscounts: z.record(idSchema, payBp).default({}),
    baseVersion: z.number().int().min(0).optional(),
  })
  .refine((t) => t.keepSpendFen <= t.upgradeSpendFen, { path: ['keepSpendFen'], message: 'must not be more than upgradeSpendFen (keeping a tier never costs more than getting it)' })
  .meta({ id: 'TierEdit' });
export type TierEdit = z.infer<typeof tierEditSchema>;

export const ruleVersionKeySchema = z.enum(['rules', 'tiers']);
export const ruleVersionSchema = z
  .object({ key: ruleVersionKeySchema, version: z.number().int(), savedAt: timestampSchema, savedBy: z.string(), savedByName: z.string().nullable(), value: z.unknown() })
  .meta({ id: 'RuleVersion' });
export type RuleVersion = z.infer<typeof ruleVersionSchema>;
export const ruleVersionsSchema = z.object({ key: ruleVersionKeySchema, version: z.number().int(), current: z.unknown(), versions: z.array(ruleVersionSchema) }).meta({ id: 'RuleVersions' });
export type RuleVersions = z.infer<typeof ruleVersionsSchema>;

/** An example sale for the preview: what a clerk would ring up, for a member of `tierCode` (null: walk-in). */
export const exampleSaleSchema = z.object({
  storeId: idSchema,
  lines: z.array(orderLineInputSchema).min(1).max(50),
  tierCode: tierCodeSchema.nullable().default(null),
  birthday: z.boolean().default(false),
  rechargeFen: nonNeg.default(0),
  at: timestampSchema.optional(),
});
export type ExampleSale = z.infer<typeof exampleSaleSchema>;

export const rulePreviewRequestSchema = z
  .object({ rules: chainRulesSchema, tiers: z.array(tierSchema).optional(), sale: exampleSaleSchema })
  .meta({ id: 'RulePreviewRequest' });
export type RulePreviewRequest = z.infer<typeof rulePreviewRequestSchema>;

export const previewOutcomeSchema = z.object({
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  discountBySource: z.record(discountSourceSchema, z.number().int()),
  totalFen: z.number().int(),
  points: z.number().int(),
  rechargeBonusFen: z.number().int(),
  lines: z.array(z.object({ productId: z.string(), name: z.string(), totalFen: z.number().int(), explanation: z.array(z.string()) })),
});
export type PreviewOutcome = z.infer<typeof previewOutcomeSchema>;
export const rulePreviewSchema = z
  .object({ current: previewOutcomeSchema, candidate: previewOutcomeSchema, delta: z.object({ totalFen: z.number().int(), points: z.number().int(), rechargeBonusFen: z.number().int() }) })
  .meta({ id: 'RulePreview' });
export type RulePreview = z.infer<typeof rulePreviewSchema>;
