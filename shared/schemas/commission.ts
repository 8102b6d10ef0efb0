import { z } from 'zod';
import { fenSchema, idSchema, ulidSchema } from './common';

const bp = z.number().int().min(0, 'must be 0 or more').max(10_000, 'must be at most 100 %');
const perUnit = fenSchema.min(0, 'must be 0 or more');

/**
 * One rule of a commission plan. Percent rules pay a share (basis points) of a clerk's sales of a
 * category or product (net of discounts and refunds); fixed rules pay per card opened, recharge or
 * punch card sold; a tiered rule pays a rate that rises with the clerk's sales in a calendar month.
 */
export const commissionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category_percent'), categoryId: idSchema, rateBp: bp }),
  z.object({ kind: z.literal('product_percent'), productId: idSchema, rateBp: bp }),
  z.object({ kind: z.literal('per_card_opened'), fen: perUnit }),
  z.object({ kind: z.literal('per_recharge'), fen: perUnit }),
  z.object({ kind: z.literal('per_punch_card'), fen: perUnit }),
  z.object({
    kind: z.literal('tiered_sales'),
    /**
     * `marginal`: each tier's rate pays only the part of the month's sales inside that tier (the
     * default: one more sale never changes what the earlier ones earned, so there is no cliff to
     * game). `whole`: the rate of the highest tier reached pays the whole month's sales.
     */
    mode: z.enum(['marginal', 'whole']).default('marginal'),
    tiers: z
      .array(z.object({ fromFen: fenSchema.min(0, 'must be 0 or more'), rateBp: bp }))
      .min(1, 'needs at least one tier')
      .max(10)
      .refine((t) => t[0]?.fromFen === 0, { message: 'the first tier must start at 0' })
      .refine((t) => t.every((x, i) => i === 0 || x.fromFen > t[i - 1]!.fromFen), { message: 'tiers must start at rising amounts' }),
  }),
]);
export type CommissionRule = z.infer<typeof commissionRuleSchema>;
export type CommissionRuleKind = CommissionRule['kind'];

/** What HQ writes: a named set of rules for some stores (none listed: every store). */
export const commissionPlanInputSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(60),
    storeIds: z.array(idSchema).max(100).default([]),
    active: z.boolean().default(true),
    rules: z.array(commissionRuleSchema).min(1, 'needs at least one rule').max(50),
  })
  .meta({ id: 'CommissionPlanInput' });
export type CommissionPlanInput = z.infer<typeof commissionPlanInputSchema>;

export const commissionPlanCreateSchema = commissionPlanInputSchema.extend({ id: ulidSchema });
export const commissionPlanSchema = commissionPlanInputSchema.extend({ id: z.string(), updatedAt: z.number().int() }).meta({ id: 'CommissionPlan' });
export type CommissionPlan = z.infer<typeof commissionPlanSchema>;
export const commissionPlanListSchema = z.object({ plans: z.array(commissionPlanSchema) });
export const commissionPlanIdParamSchema = z.object({ id: idSchema });

/** One clerk's commission for the period: the sum of every applicable rule's part. */
export const commissionPartSchema = z.object({ planId: z.string(), planName: z.string(), kind: z.string(), baseFen: z.number().int(), count: z.number().int(), fen: z.number().int() });
export const commissionRowSchema = z.object({
  staffId: z.string(), staffName: z.string(), storeId: z.string(), storeName: z.string(),
  salesFen: z.number().int(), cardsOpened: z.number().int(), recharges: z.number().int(), punchCards: z.number().int(),
  commissionFen: z.number().int(), parts: z.array(commissionPartSchema),
});
export type CommissionRow = z.infer<typeof commissionRowSchema>;
export const commissionReportSchema = z.object({ period: z.object({ from: z.string(), to: z.string() }), rows: z.array(commissionRowSchema) }).meta({ id: 'CommissionReport' });
export type CommissionReport = z.infer<typeof commissionReportSchema>;
