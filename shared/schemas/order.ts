import { z } from 'zod';
import { fenSchema, idSchema, saleTimeSchema, timestampSchema, ulidSchema, MAX_FEN } from './common';
import { orderLineInputSchema } from './order-line';
import { appliedCouponSchema, manualDiscountSchema } from './promotions';

export const tenderKindSchema = z.enum(['cash', 'bank_card', 'wechat', 'alipay', 'stored_value', 'points', 'punch_card']);
export type TenderKind = z.infer<typeof tenderKindSchema>;
/** Tenders that are money: they earn points. */
export const MONEY_TENDERS: readonly TenderKind[] = ['cash', 'bank_card', 'wechat', 'alipay', 'stored_value'];

const pos = z.number().int().positive().max(MAX_FEN, 'is beyond any amount a till takes');

export { orderLineInputSchema } from './order-line';

export const tenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['cash', 'bank_card', 'wechat', 'alipay']), amountFen: pos, reference: z.string().max(64).default('') }),
  /** `leaseId`: taken offline under the tablet's allowance for the member (decision 015). */
  z.object({ kind: z.literal('stored_value'), amountFen: pos, leaseId: z.string().min(8).max(80).regex(/^[\w:.-]+$/).optional() }),
  z.object({ kind: z.literal('points'), points: pos, amountFen: pos }),
  /** Visits off a punch card for `productId` on the order, paying exactly what those units cost on it. */
  z.object({ kind: z.literal('punch_card'), cardId: idSchema, productId: idSchema, uses: pos, amountFen: z.number().int().nonnegative() }),
]);
export type Tender = z.infer<typeof tenderSchema>;

/**
 * An order as rung up at the counter; the same schema for `POST /api/orders` and the tablets'
 * checkout. The id is made by the client and is the idempotency key.
 */
export const orderInputSchema = z
  .object({
    id: ulidSchema,
    storeId: idSchema,
    memberId: idSchema.nullable().default(null),
    createdAt: saleTimeSchema,
    lines: z.array(orderLineInputSchema).min(1).max(200),
    tenders: z.array(tenderSchema).min(1).max(10),
    /** Coupons are discounts (priced by the engine), not tenders; the used ones are burnt with the sale. */
    coupons: z.array(appliedCouponSchema).max(10).default([]),
    /** A manual discount approved at the counter by a manager's PIN (decision 012). */
    manualDiscount: manualDiscountSchema.nullable().default(null),
    note: z.string().max(200).default(''),
  })
  .meta({ id: 'OrderInput' });
export type OrderInput = z.infer<typeof orderInputSchema>;

export const pricedLineSchema = z.object({
  lineNo: pos,
  productId: idSchema,
  name: z.string(),
  categoryId: idSchema,
  quantity: pos,
  unitPriceFen: fenSchema,
  discountFen: fenSchema,
  totalFen: fenSchema,
  unitCostFen: fenSchema,
  explanation: z.array(z.string()),
});
export type PricedLine = z.infer<typeof pricedLineSchema>;

export const orderResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(['completed', 'rejected']),
    rejectCode: z.string().nullable(),
    rejectReason: z.string().nullable(),
    storeId: idSchema,
    memberId: idSchema.nullable(),
    lines: z.array(pricedLineSchema),
    subtotalFen: fenSchema,
    discountFen: fenSchema,
    totalFen: fenSchema,
    pointsEarned: z.number().int(),
    balances: z.object({ principalFen: fenSchema, bonusFen: fenSchema, points: z.number().int() }).nullable(),
    replayed: z.boolean(),
  })
  .meta({ id: 'OrderResult' });
export type OrderResult = z.infer<typeof orderResultSchema>;

/** A walk-in sale's refund: money only, handed back at the counter. */
export const walkInRefundSchema = z
  .object({ opId: z.string(), refundOf: z.string(), amountFen: fenSchema, refundedFen: fenSchema, totalFen: fenSchema, replayed: z.boolean() })
  .meta({ id: 'WalkInRefund' });
export type WalkInRefund = z.infer<typeof walkInRefundSchema>;
