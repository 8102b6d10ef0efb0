import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema, ulidSchema, MAX_FEN } from './common';
import { approvalSchema } from './approval';
import { balancesSchema, ledgerEntrySchema, opIdSchema, ownedCouponSchema, punchCardSchema } from './account';

const pos = z.number().int().positive().max(MAX_FEN, 'is beyond any amount a till takes');
const paidWithSchema = z.enum(['cash', 'bank_card', 'wechat', 'alipay']);

export const rechargeRequestSchema = z.object({
  opId: ulidSchema,
  storeId: idSchema,
  amountFen: pos.max(10_000_000, 'at most ¥100,000 per recharge'),
  paidWith: paidWithSchema,
  reference: z.string().max(64).default(''),
});
/** A clerk's refund carries a manager's approval (decision 013); a manager's or HQ's own needs none. */
export const refundRequestSchema = z.object({
  opId: ulidSchema,
  storeId: idSchema,
  refundOf: opIdSchema,
  amountFen: pos,
  reason: z.string().trim().max(200).default(''),
  approval: approvalSchema.nullable().default(null),
});
export const refundPreviewQuerySchema = z.object({ refundOf: opIdSchema, amountFen: z.coerce.number().int().positive().max(MAX_FEN) });
export const pointsAdjustRequestSchema = z.object({
  opId: ulidSchema,
  delta: z.number().int().min(-10_000_000).max(10_000_000).refine((n) => n !== 0, 'must not be 0'),
  reason: z.string().trim().min(2, 'say why').max(200),
});
export const freezeRequestSchema = z.object({ opId: ulidSchema, reason: z.string().max(200).default('') });
export const unfreezeRequestSchema = z.object({ opId: ulidSchema });
export const replaceCardRequestSchema = z.object({ opId: ulidSchema, newCardNo: z.string().regex(/^\d{12}$/, 'must be a 12-digit card number') });
/** A coupon given to one member (compensation, a birthday gift); its id is the operation id. */
export const couponGrantRequestSchema = z.object({
  opId: ulidSchema,
  templateId: idSchema,
  name: z.string().trim().min(1).max(60),
  expiresAt: timestampSchema,
});
export const punchCardSaleRequestSchema = z.object({
  opId: ulidSchema,
  storeId: idSchema,
  productId: idSchema,
  uses: pos.max(1000),
  priceFen: pos,
  expiresAt: timestampSchema.nullable().default(null),
  storeIds: z.array(idSchema).nullable().default(null),
  paidWith: z.enum(['stored_value', 'cash', 'bank_card', 'wechat', 'alipay']),
});
export const ledgerQuerySchema = z.object({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const opResultSchema = z
  .object({
    opId: z.string(),
    kind: z.string(),
    status: z.enum(['applied', 'rejected']),
    balances: balancesSchema,
    detail: z.record(z.string(), z.unknown()),
    replayed: z.boolean(),
  })
  .meta({ id: 'OpResult' });

export const accountViewSchema = z
  .object({
    memberId: idSchema,
    cardNo: z.string(),
    status: z.enum(['active', 'frozen', 'closed']),
    seq: z.number().int(),
    headHash: z.string(),
    balances: balancesSchema,
    lots: z.array(z.object({ id: z.string(), earnedAt: timestampSchema, availableAt: timestampSchema, expiresAt: timestampSchema, remaining: z.number().int() })),
    punchCards: z.array(punchCardSchema),
    coupons: z.array(ownedCouponSchema),
    cardHistory: z.array(z.object({ cardNo: z.string(), since: timestampSchema })),
    /** Money set aside for devices' offline use (decision 015); the store and device are named by the reader. */
    leases: z.array(z.object({ leaseId: z.string(), deviceId: idSchema, heldFen: fenSchema, expiresAt: timestampSchema, releaseRequestedAt: timestampSchema.nullable() })).default([]),
  })
  .meta({ id: 'AccountView' });

export const ledgerPageSchema = z.object({ entries: z.array(ledgerEntrySchema), nextBeforeSeq: z.number().int().nullable() });
export const verifyResultSchema = z
  .object({ ok: z.boolean(), entries: z.number().int().optional(), principalFen: fenSchema.optional(), bonusFen: fenSchema.optional(), reservedFen: fenSchema.optional(), points: z.number().int().optional(), headHash: z.string().optional(), atSeq: z.number().int().optional(), reason: z.string().optional(), projectionMatches: z.boolean() })
  .meta({ id: 'LedgerVerification' });
export type AccountView = z.infer<typeof accountViewSchema>;
export type RefundRequest = z.infer<typeof refundRequestSchema>;
