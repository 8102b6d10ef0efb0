import { z } from 'zod';
import { dateSchema, fenSchema, idSchema, timestampSchema, MAX_FEN } from './common';

/** An operation id: the caller's idempotency key (ULID/UUID, or a derived key like `expire:…`). */
export const opIdSchema = z.string().min(8).max(80).regex(/^[\w:.-]+$/, 'must be an operation id (ULID/UUID)');
const nonNeg = z.number().int().nonnegative().max(MAX_FEN, 'is beyond any amount a till takes');
const pos = z.number().int().positive().max(MAX_FEN, 'is beyond any amount a till takes');

export const consumptionOrderSchema = z.enum(['principal_first', 'bonus_first', 'proportional']);

export const punchCardSchema = z.object({
  id: idSchema,
  productId: idSchema,
  name: z.string(),
  usesTotal: pos,
  usesLeft: nonNeg,
  pricePerUseFen: fenSchema,
  expiresAt: timestampSchema.nullable(),
  storeIds: z.array(idSchema).nullable(),
});
export type PunchCard = z.infer<typeof punchCardSchema>;

export const ownedCouponSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  name: z.string(),
  status: z.enum(['issued', 'used', 'expired']),
  expiresAt: timestampSchema,
  usedByOp: z.string().nullable(),
});
export type OwnedCoupon = z.infer<typeof ownedCouponSchema>;

// `fingerprint`: the caller's request, hashed (shared/domain/idempotency.ts). A repeat of `opId` with
// another fingerprint is refused with IDEMPOTENCY_MISMATCH and changes nothing.
const ctx = { opId: opIdSchema, storeId: idSchema.nullable(), staffId: idSchema.nullable(), at: timestampSchema, fingerprint: z.string().max(128).optional() };

/** What the member's Durable Object is asked to do. Prices and rules are resolved before this. */
export const accountOpSchema = z.discriminatedUnion('kind', [
  z.object({
    ...ctx,
    kind: z.literal('opening'),
    principalFen: nonNeg,
    bonusFen: nonNeg,
    points: nonNeg,
    punchCards: z.array(punchCardSchema.omit({ usesLeft: true }).extend({ usesLeft: nonNeg })).default([]),
  }),
  z.object({ ...ctx, kind: z.literal('recharge'), amountFen: pos, bonusFen: nonNeg }),
  z.object({
    ...ctx,
    kind: z.literal('settle'),
    storedValueFen: nonNeg,
    pointsUsed: nonNeg,
    // productId: the card must be for it (absent in operations recorded before it was checked).
    punchUses: z.array(z.object({ cardId: idSchema, uses: pos, productId: idSchema.optional() })).default([]),
    couponIds: z.array(idSchema).default([]),
    pointsEarned: nonNeg,
    pointsAvailableAt: timestampSchema,
    pointsExpiresAt: timestampSchema,
    orderTotalFen: nonNeg,
    // The registered device the sale came from, and the allowance its stored value was taken
    // under while offline (decision 015): such a spend is settled against it, never refused.
    deviceId: idSchema.nullable().default(null),
    leaseId: opIdSchema.nullable().default(null),
  }),
  z.object({
    ...ctx,
    kind: z.literal('refund'),
    refundOf: opIdSchema,
    // Cumulative share being refunded now, as fen of the original's base (order total or recharge).
    amountFen: pos,
    pointValueFenPer100: nonNeg,
  }),
  z.object({ ...ctx, kind: z.literal('points_adjust'), delta: z.number().int().refine((n) => n !== 0, 'must not be 0'), reason: z.string().min(1).max(200), expiresAt: timestampSchema }),
  z.object({ ...ctx, kind: z.literal('points_expire') }),
  z.object({ ...ctx, kind: z.literal('punch_sale'), card: punchCardSchema.omit({ usesLeft: true }), storedValueFen: nonNeg }),
  z.object({ ...ctx, kind: z.literal('coupon_grant'), coupon: ownedCouponSchema.pick({ id: true, templateId: true, name: true, expiresAt: true }) }),
  // 积分兑换 (a reward from HQ's catalogue): points taken and, for a coupon reward, the coupon given
  // in one step, so a member never loses points without the coupon or gets it twice.
  z.object({
    ...ctx,
    kind: z.literal('points_redeem'),
    rewardId: idSchema,
    points: pos,
    coupon: ownedCouponSchema.pick({ id: true, templateId: true, name: true, expiresAt: true }).nullable(),
  }),
  z.object({ ...ctx, kind: z.literal('freeze'), reason: z.string().max(200).default('') }),
  z.object({ ...ctx, kind: z.literal('unfreeze') }),
  // Offline allowances (decision 015). A grant tops up or renews the device's open lease (or opens
  // `newLeaseId`) to what the policy lends; a release gives the rest back; retiring a device gives
  // back all it holds and writes off what it brings in later.
  z.object({ ...ctx, kind: z.literal('lease_grant'), deviceId: idSchema, newLeaseId: opIdSchema, policy: z.object({ perMemberCapFen: nonNeg, shareBp: z.number().int().min(0).max(10_000) }), expiresAt: timestampSchema }),
  z.object({ ...ctx, kind: z.literal('lease_release'), deviceId: idSchema, leaseId: opIdSchema, reason: z.enum(['device', 'expired', 'reclaimed', 'not_needed']) }),
  z.object({ ...ctx, kind: z.literal('lease_request_release'), leaseIds: z.array(opIdSchema).min(1) }),
  z.object({ ...ctx, kind: z.literal('device_retire'), deviceId: idSchema }),
  z.object({ ...ctx, kind: z.literal('replace_card'), newCardNo: z.string().regex(/^\d{12}$/, 'must be a 12-digit card number') }),
  // The scheduled tier review's change (decision 019): no money moves, so no ledger entry; the
  // projection sets the D1 tier only if it is still `from`.
  z.object({ ...ctx, kind: z.literal('tier_change'), from: z.string().min(1).max(32), to: z.string().min(1).max(32), reason: z.string().max(200) }),
]);
export type AccountOp = z.infer<typeof accountOpSchema>;
export type AccountOpKind = AccountOp['kind'];

/** Owned purses (the chain's liability); `reservedFen` of them is lent to devices for offline use (decision 015). */
export const balancesSchema = z.object({ principalFen: fenSchema, bonusFen: fenSchema, reservedFen: fenSchema.default(0), points: z.number().int(), lockedPoints: z.number().int() });
export type Balances = z.infer<typeof balancesSchema>;

export const ledgerEntrySchema = z
  .object({
    seq: pos,
    opId: z.string(),
    kind: z.string(),
    principalDelta: fenSchema,
    bonusDelta: fenSchema,
    pointsDelta: z.number().int(),
    punchDelta: z.number().int(),
    principalAfter: fenSchema,
    bonusAfter: fenSchema,
    pointsAfter: z.number().int(),
    storeId: idSchema.nullable(),
    staffId: idSchema.nullable(),
    at: timestampSchema,
    prevHash: z.string(),
    hash: z.string(),
    /** Money moved into (+) or out of (−) devices' offline allowances, and what they hold after. */
    reservedDelta: z.number().int().optional(),
    reservedAfter: fenSchema.optional(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const opOutcomeSchema = z.object({
  opId: z.string(),
  kind: z.string(),
  status: z.enum(['applied', 'rejected']),
  code: z.string().nullable(),
  message: z.string().nullable(),
  balances: balancesSchema,
  entries: z.array(ledgerEntrySchema),
  detail: z.record(z.string(), z.unknown()),
  replayed: z.boolean(),
});
export type OpOutcome = z.infer<typeof opOutcomeSchema>;

export const cardStatusSchema = z.enum(['active', 'frozen', 'closed']);
export const expiryDaySchema = dateSchema;
