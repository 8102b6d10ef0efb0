import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema } from '../schemas/common';
import { pricedLineSchema, tenderKindSchema } from '../schemas/order';

/**
 * What the clients hold: the values under each key of `keys.ts`. The server builds them from D1
 * (and the member's object for `account/`); mutators write optimistic versions of the same shapes.
 */
export const syncedProductSchema = z.object({
  id: idSchema,
  sku: z.string(),
  name: z.string(),
  kind: z.enum(['goods', 'service']),
  categoryId: idSchema,
  listPriceFen: fenSchema,
  /** This store's price (the list price where the store sets none); null in HQ's chain-wide view. */
  storePriceFen: fenSchema.nullable(),
  /** What the chain pays for it: for managers and HQ (margins); null on a clerk's tablet. */
  costPriceFen: fenSchema.nullable(),
  barcode: z.string().nullable(),
  unit: z.string(),
  /** Absent on rows synced before issue 18's settings reached the tablets: points yes, punch cards no. */
  pointsEligible: z.boolean().optional(),
  punchEligible: z.boolean().optional(),
});
export type SyncedProduct = z.infer<typeof syncedProductSchema>;

export const syncedCategorySchema = z.object({ id: idSchema, name: z.string(), nameEn: z.string(), sort: z.number().int() });
export const syncedInventorySchema = z.object({ productId: idSchema, quantity: z.number().int(), lowStockThreshold: z.number().int() });
export type SyncedInventory = z.infer<typeof syncedInventorySchema>;

export const orderStatusSchema = z.enum(['pending', 'completed', 'rejected', 'refunded', 'partially_refunded']);

export const syncedOrderSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  staffId: idSchema,
  memberId: idSchema.nullable(),
  kind: z.enum(['sale', 'refund']),
  /** `pending` only on the tablet that made it, until the server has settled it. */
  status: orderStatusSchema,
  rejectReason: z.string().nullable(),
  subtotalFen: fenSchema,
  discountFen: fenSchema,
  totalFen: fenSchema,
  /** How much of the total has been refunded (refunds may be partial and several). */
  refundedFen: fenSchema.default(0),
  pointsEarned: z.number().int(),
  note: z.string(),
  createdAt: timestampSchema,
  lines: z.array(pricedLineSchema.pick({ lineNo: true, productId: true, name: true, quantity: true, unitPriceFen: true, discountFen: true, totalFen: true }).extend({ explanation: z.array(z.string()).default([]) })),
  tenders: z.array(z.object({ kind: tenderKindSchema.or(z.literal('punch_card')), amountFen: fenSchema })),
});
export type SyncedOrder = z.infer<typeof syncedOrderSchema>;

/**
 * `account-op/`: a recharge or a refund on the member's own account, for the member's phone
 * (sales are orders; a refund names the sale or recharge it gave back). Money moved into (+) or out
 * of (−) the two purses, and points.
 */
export const syncedAccountOpSchema = z.object({
  opId: z.string(),
  kind: z.enum(['recharge', 'refund']),
  storeId: idSchema.nullable(),
  at: timestampSchema,
  principalFen: z.number().int(),
  bonusFen: z.number().int(),
  points: z.number().int(),
  refundOf: z.string().nullable(),
  /** A refund: how much of the original it gave back (of the sale's total or the recharge); a recharge: the amount paid. */
  amountFen: fenSchema,
  /** Cash handed back by a refund of a recharge (the principal minus bonus already spent), when known. */
  refundCashFen: fenSchema.nullable(),
});
export type SyncedAccountOp = z.infer<typeof syncedAccountOpSchema>;

/** A mutation the server refused for good: kept so the tablet that made it can show why. */
export const rejectionSchema = z.object({
  clientID: z.string(),
  mutationID: z.number().int(),
  name: z.string(),
  code: z.string(),
  message: z.string(),
  /** The order or operation the mutation named, when it named one. */
  refId: z.string().nullable(),
  at: timestampSchema,
  /** Stored value short because other tablets hold it for offline use: where (decision 015). */
  holders: z.array(z.object({ fen: fenSchema, storeName: z.string(), deviceName: z.string() })).optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** `sync/meta`: whether the view is still paging in (the client pulls on by itself while it is). */
export const syncMetaSchema = z.object({ more: z.boolean() });
export type SyncMeta = z.infer<typeof syncMetaSchema>;
