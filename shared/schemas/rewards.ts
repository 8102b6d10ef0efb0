import { z } from 'zod';
import { idSchema, timestampSchema, ulidSchema } from './common';

const points = z.number().int().positive().max(100_000_000, 'is more points than any reward costs');
const storeIds = z.array(idSchema).min(1).max(500).nullable().default(null);

/**
 * 积分兑换: a reward in HQ's catalogue. `coupon`: the template's coupon goes into the member's
 * wallet at once. `product` / `service`: the member gets a pickup code and a store hands it over
 * (`storeIds`: where; null: every store). `stock` null: unlimited. `perMemberLimit`: how many one
 * member may redeem in all (null: any).
 */
export const rewardSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1, 'is required').max(40),
    nameEn: z.string().trim().max(60).default(''),
    description: z.string().trim().max(200).default(''),
    kind: z.enum(['coupon', 'product', 'service']),
    pointsCost: points,
    couponTemplateId: idSchema.nullable().default(null),
    productId: idSchema.nullable().default(null),
    stock: z.number().int().nonnegative().max(10_000_000).nullable().default(null),
    perMemberLimit: z.number().int().positive().max(1000).nullable().default(null),
    startsAt: timestampSchema.nullable().default(null),
    endsAt: timestampSchema.nullable().default(null),
    storeIds,
    active: z.boolean(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'coupon' && !r.couponTemplateId) ctx.addIssue({ code: 'custom', path: ['couponTemplateId'], message: 'is required for a coupon reward' });
    if (r.kind !== 'coupon' && !r.productId) ctx.addIssue({ code: 'custom', path: ['productId'], message: `is required for a ${r.kind} reward` });
    if (r.startsAt !== null && r.endsAt !== null && r.endsAt <= r.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  })
  .meta({ id: 'Reward' });
export type Reward = z.infer<typeof rewardSchema>;

/** A reward as a member's phone shows it: with what is left and how many the member may still take. */
export const rewardOfferSchema = z.object({
  reward: rewardSchema,
  left: z.number().int().nullable(),
  redeemed: z.number().int(),
  mine: z.number().int(),
  available: z.boolean(),
  reason: z.enum(['sold_out', 'limit_reached', 'not_started', 'ended', 'inactive']).nullable(),
});
export type RewardOffer = z.infer<typeof rewardOfferSchema>;
export const rewardListSchema = z.object({ rewards: z.array(rewardOfferSchema) });
export const rewardIdParamSchema = z.object({ id: idSchema });

export const redemptionStatusSchema = z.enum(['pending', 'refused', 'issued', 'collected']);
export const redemptionSchema = z
  .object({
    id: ulidSchema,
    rewardId: idSchema,
    rewardName: z.string(),
    kind: rewardSchema.shape.kind,
    memberId: idSchema,
    points: z.number().int(),
    status: redemptionStatusSchema,
    couponId: z.string().nullable(),
    pickupCode: z.string().nullable(),
    code: z.string().nullable(),
    message: z.string().nullable(),
    collectedStoreId: idSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Redemption' });
export type Redemption = z.infer<typeof redemptionSchema>;

/** The member app makes the id (a ULID) once per tap: a retry of the same tap sends it again. */
export const redeemRequestSchema = z.object({ redemptionId: ulidSchema, rewardId: idSchema }).strict();
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;
export const redemptionIdParamSchema = z.object({ id: ulidSchema });
export const redemptionListQuerySchema = z.object({
  pickupCode: z.string().regex(/^\d{8}$/, 'must be the 8-digit pickup code').optional(),
  status: redemptionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const redemptionListSchema = z.object({ redemptions: z.array(redemptionSchema) });
export const collectRequestSchema = z.object({ storeId: idSchema }).strict();

/** What the member's object is asked for, fixed at the first try (the `grant` column). */
export const redemptionGrantSchema = z.object({
  points,
  coupon: z.object({ id: z.string(), templateId: idSchema, name: z.string(), expiresAt: timestampSchema }).nullable(),
});
export type RedemptionGrant = z.infer<typeof redemptionGrantSchema>;
