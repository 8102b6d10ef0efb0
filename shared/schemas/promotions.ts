import { z } from 'zod';
import { ownedCouponSchema } from './account';
import { dateSchema, fenSchema, idSchema, timestampSchema, MAX_FEN } from './common';
import { tierCodeSchema } from './member';
import { orderLineInputSchema } from './order-line';

/**
 * Promotions and the pricing engine's input and output (shared/domain/pricing-engine).
 * Every rate is basis points of the price the customer PAYS, as tiers' `discountBp`
 * (decision 001): 8000 = 8折 = 20 % off. One convention for tiers, campaigns, coupons and
 * manual discounts, so nobody has to ask which way a bp points.
 */
const payBp = z.number().int().min(0).max(10_000);
const pos = z.number().int().positive().max(MAX_FEN, 'is beyond any amount a till takes');
const nonNeg = z.number().int().nonnegative().max(MAX_FEN, 'is beyond any amount a till takes');
/** null = no limit (every store / every category). */
const idsOrAll = z.array(idSchema).min(1).nullable().default(null);

/** Local (Asia/Shanghai) minutes after midnight, [from, to); from > to runs past midnight. */
export const dailyWindowSchema = z
  .object({ fromMinute: z.number().int().min(0).max(1439), toMinute: z.number().int().min(0).max(1440) })
  .refine((w) => w.fromMinute !== w.toMinute, 'an empty window; leave it null for all day');

const campaignBase = {
  id: idSchema,
  name: z.string().min(1).max(60),
  storeIds: idsOrAll,
  startsAt: timestampSchema,
  endsAt: timestampSchema, // exclusive
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).nullable().default(null), // ISO: 1 = Monday, local
  dailyWindow: dailyWindowSchema.nullable().default(null),
  active: z.boolean(),
  priority: z.number().int().default(0), // higher wins on a line; higher thresholds go first
  membersOnly: z.boolean().default(false),
  stacksWithTierDiscount: z.boolean().default(true),
  stacksWithCoupons: z.boolean().default(true),
  // Issue 18: only members of these tiers (null: everyone the campaign otherwise reaches).
  tierCodes: z.array(tierCodeSchema).min(1).nullable().default(null),
};
/**
 * Which lines a campaign reaches: null and null = every line; otherwise a line in one of the
 * categories OR one of the products (so "drinks, plus the shampoo p-401" is one campaign).
 */
const lineTargets = { categoryIds: idsOrAll, productIds: idsOrAll };
export const campaignSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...campaignBase, kind: z.literal('percent_off'), discountBp: payBp, ...lineTargets }),
    z.object({
      ...campaignBase,
      kind: z.literal('threshold'), // 满减
      thresholdFen: pos,
      offFen: pos,
      repeat: z.boolean().default(false), // 每满 X 减 Y
      maxTimes: pos.nullable().default(null),
      ...lineTargets,
    }),
    z.object({ ...campaignBase, kind: z.literal('points_multiplier'), multiplierBp: z.number().int().min(10_000).max(100_000) }),
  ])
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;

const couponBase = {
  id: idSchema,
  name: z.string().min(1).max(60),
  active: z.boolean(),
  // A fixed window, or days from issue (then the owned coupon's expiresAt is the limit).
  validity: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), startsAt: timestampSchema, endsAt: timestampSchema }),
    z.object({ kind: z.literal('days_after_issue'), days: pos }),
  ]),
  categoryIds: idsOrAll,
  storeIds: idsOrAll,
};
export const couponTemplateSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...couponBase, kind: z.literal('cash'), amountFen: pos, minSpendFen: nonNeg.default(0) }),
    z.object({ ...couponBase, kind: z.literal('percent'), discountBp: payBp, maxOffFen: pos.nullable().default(null), minSpendFen: nonNeg.default(0) }),
    z.object({ ...couponBase, kind: z.literal('threshold'), thresholdFen: pos, offFen: pos }),
  ])
  .meta({ id: 'CouponTemplate' });
export type CouponTemplate = z.infer<typeof couponTemplateSchema>;

/** What an order carries for each coupon the member hands over. */
export const appliedCouponSchema = z.object({ couponId: idSchema, templateId: idSchema });
export type AppliedCoupon = z.infer<typeof appliedCouponSchema>;

/** Birthday rate per tier (a tier left out gets nothing), on the local birthday or its month. */
export const birthdayBenefitSchema = z
  .object({
    active: z.boolean(),
    scope: z.enum(['day', 'month']),
    discountBpByTier: z.partialRecord(tierCodeSchema, payBp),
    categoryIds: idsOrAll,
    // false: the line gets the better of tier and birthday, not both.
    stacksWithTier: z.boolean().default(false),
  })
  .meta({ id: 'BirthdayBenefit' });
export type BirthdayBenefit = z.infer<typeof birthdayBenefitSchema>;

/**
 * A clerk's discount. The engine needs an approver id; the proof (the approver's PIN-keyed HMAC,
 * shared/domain/manager-pin.ts) is checked by the server, and is not needed when the approver is
 * the manager signed in at the counter.
 */
const manualBase = {
  reason: z.string().trim().min(1).max(100),
  approvedBy: idSchema.nullable().default(null),
  proof: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an approval proof').nullable().default(null),
};
export const manualDiscountSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...manualBase, kind: z.literal('amount'), amountFen: pos }),
    z.object({ ...manualBase, kind: z.literal('percent'), discountBp: payBp }),
  ])
  .meta({ id: 'ManualDiscount' });
export type ManualDiscount = z.infer<typeof manualDiscountSchema>;

export const catalogItemSchema = z.object({
  productId: idSchema,
  name: z.string(),
  categoryId: idSchema,
  listPriceFen: nonNeg,
  storePriceFen: nonNeg.nullable(),
  costPriceFen: nonNeg,
  /** Whether its sale earns points (absent: yes), and whether a punch card may be sold for it (absent: no). */
  pointsEligible: z.boolean().optional(),
  punchEligible: z.boolean().optional(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** The member as pricing sees them: tier rate per category (missing → `discountBp`). */
export const pricingMemberSchema = z.object({
  memberId: idSchema,
  tierCode: tierCodeSchema,
  tierName: z.string(),
  discountBp: payBp,
  categoryDiscountBp: z.record(idSchema, payBp).default({}),
  pointsMultiplierBp: nonNeg,
  birthday: dateSchema.nullable(),
});
export type PricingMember = z.infer<typeof pricingMemberSchema>;

export const pricingInputSchema = z.object({
  storeId: idSchema,
  at: timestampSchema,
  lines: z.array(orderLineInputSchema).min(1).max(200),
  catalog: z.array(catalogItemSchema),
  member: pricingMemberSchema.nullable(),
  campaigns: z.array(campaignSchema).default([]),
  birthdayBenefit: birthdayBenefitSchema.nullable().default(null),
  coupons: z.array(appliedCouponSchema).max(10).default([]),
  couponTemplates: z.array(couponTemplateSchema).default([]),
  // The member's coupons when known (server, synced tablet); null skips the ownership/used checks.
  ownedCoupons: z.array(ownedCouponSchema).nullable().default(null),
  manualDiscount: manualDiscountSchema.nullable().default(null),
});
export type PricingInput = z.infer<typeof pricingInputSchema>;

export const discountSourceSchema = z.enum(['tier', 'birthday', 'campaign_percent', 'campaign_threshold', 'coupon', 'manual']);
export type DiscountSource = z.infer<typeof discountSourceSchema>;

/** One discount on one line. `label` is Chinese; `params` let a UI build its own text. */
export const explanationSchema = z.object({
  kind: discountSourceSchema,
  label: z.string(),
  amountFen: fenSchema,
  refId: idSchema.nullable(), // campaign, coupon or tier code
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Explanation = z.infer<typeof explanationSchema>;

export const refusalCodeSchema = z.enum([
  'coupon_duplicate', 'coupon_unknown_template', 'coupon_not_owned', 'coupon_used', 'coupon_inactive', 'coupon_not_started',
  'coupon_expired', 'coupon_store_mismatch', 'coupon_category_mismatch', 'coupon_not_stackable', 'coupon_below_min_spend',
  'coupon_no_effect', 'manual_needs_approval', 'manual_no_effect',
]);
export const refusalSchema = z.object({
  code: refusalCodeSchema,
  refId: idSchema.nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Refusal = z.infer<typeof refusalSchema>;

export const pricedOrderLineSchema = z.object({
  lineNo: pos,
  productId: idSchema,
  name: z.string(),
  categoryId: idSchema,
  quantity: pos,
  unitPriceFen: fenSchema,
  grossFen: fenSchema,
  discountFen: fenSchema,
  totalFen: fenSchema,
  unitCostFen: fenSchema,
  explanation: z.array(explanationSchema),
  /** Whether what was paid for this line earns points (the product's setting). */
  pointsEligible: z.boolean(),
});
export type PricedOrderLine = z.infer<typeof pricedOrderLineSchema>;

export const pricedOrderSchema = z
  .object({
    ok: z.literal(true),
    lines: z.array(pricedOrderLineSchema),
    subtotalFen: fenSchema,
    discountFen: fenSchema,
    discountBySource: z.record(discountSourceSchema, fenSchema),
    totalFen: fenSchema,
    costFen: fenSchema,
    points: z.object({ tierMultiplierBp: nonNeg, campaignMultiplierBp: nonNeg, campaignId: idSchema.nullable() }),
    coupons: z.array(appliedCouponSchema.extend({ discountFen: fenSchema })), // the ones used: burn these
    refusals: z.array(refusalSchema),
  })
  .meta({ id: 'PricedOrder' });
export type PricedOrder = z.infer<typeof pricedOrderSchema>;
export type PriceOrderResult = PricedOrder | { ok: false; code: 'unknown_product'; productId: string };

// ── Issue 18: campaign participation and coupon batches (docs/decisions/027) ──

/**
 * Per store, the sales a campaign applied to, by its id (decision 028): `discountFen` is the
 * discount this campaign gave (0 for a points campaign), `revenueFen` those sales' totals,
 * `members` the members it reached. `measurable` is kept for older clients and is always true.
 */
export const campaignParticipationSchema = z
  .object({
    campaignId: idSchema,
    measurable: z.boolean(),
    stores: z.array(z.object({ storeId: idSchema, storeName: z.string(), orders: z.number().int(), discountFen: z.number().int(), revenueFen: z.number().int(), members: z.number().int() })),
    totals: z.object({ orders: z.number().int(), discountFen: z.number().int(), revenueFen: z.number().int() }),
  })
  .meta({ id: 'CampaignParticipation' });
export type CampaignParticipation = z.infer<typeof campaignParticipationSchema>;

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number');
/** Who a batch reaches: one member, a tag, a tier, a home store, or a list (CSV of phones or member ids). */
export const couponBatchTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: idSchema }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(30) }),
  z.object({ kind: z.literal('tier'), tierCode: tierCodeSchema }),
  z.object({ kind: z.literal('store'), storeId: idSchema }),
  z
    .object({ kind: z.literal('list'), phones: z.array(phone).max(5_000).default([]), memberIds: z.array(idSchema).max(5_000).default([]) })
    .refine((l) => l.phones.length + l.memberIds.length > 0, { path: ['phones'], message: 'the list is empty: give phones or memberIds' }),
]);
export type CouponBatchTarget = z.infer<typeof couponBatchTargetSchema>;

export const couponBatchRequestSchema = z
  .object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID'), templateId: idSchema, target: couponBatchTargetSchema })
  .meta({ id: 'CouponBatchRequest' });
export type CouponBatchRequest = z.infer<typeof couponBatchRequestSchema>;

export const couponBatchSchema = z
  .object({
    id: idSchema,
    templateId: idSchema,
    templateName: z.string().nullable(),
    target: couponBatchTargetSchema,
    status: z.enum(['running', 'done', 'failed']),
    total: z.number().int(),
    issued: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    lastError: z.string().nullable(),
    createdBy: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'CouponBatch' });
export type CouponBatch = z.infer<typeof couponBatchSchema>;
