import { z } from 'zod';
import { idSchema, timestampSchema, ulidSchema } from './common';

/**
 * A transfer between stores (调拨, docs/decisions/025): requested → shipped (out of the source's
 * stock, in transit) → received (into the target's), or cancelled. Client-made ids (ULIDs) are the
 * idempotency keys: the transfer's id for its creation, a receipt id for each receipt.
 */
export const transferStatusSchema = z.enum(['requested', 'shipped', 'received', 'cancelled']);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

const lineQty = z.number().int().min(1, 'must be at least 1').max(99999, 'must be at most 99999');

export const createTransferSchema = z
  .object({
    id: ulidSchema,
    fromStoreId: idSchema,
    toStoreId: idSchema,
    lines: z.array(z.object({ productId: idSchema, quantity: lineQty })).min(1, 'name at least one product').max(50, 'at most 50 products per transfer')
      .refine((ls) => new Set(ls.map((l) => l.productId)).size === ls.length, 'name each product once'),
    note: z.string().trim().max(200).default(''),
  })
  .refine((t) => t.fromStoreId !== t.toStoreId, { message: 'must differ from fromStoreId', path: ['toStoreId'] })
  .meta({ id: 'CreateStockTransfer' });
export type CreateTransfer = z.infer<typeof createTransferSchema>;

/**
 * One receipt at the target: what arrived of each line (lines not named: nothing this time).
 * `close`: nothing more is coming — what is still in transit is written off and the transfer is
 * received. Without it the transfer is received once every shipped unit has arrived.
 */
export const receiveTransferSchema = z
  .object({
    receiptId: ulidSchema,
    lines: z.array(z.object({ productId: idSchema, quantity: z.number().int().min(0).max(99999) })).max(50)
      .refine((ls) => new Set(ls.map((l) => l.productId)).size === ls.length, 'name each product once'),
    close: z.boolean().default(false),
  })
  .refine((r) => r.close || r.lines.some((l) => l.quantity > 0), { message: 'receive at least one unit, or close the transfer', path: ['lines'] })
  .meta({ id: 'ReceiveStockTransfer' });
export type ReceiveTransfer = z.infer<typeof receiveTransferSchema>;

export const transferLineSchema = z.object({
  productId: idSchema,
  name: z.string(),
  sku: z.string(),
  unit: z.string(),
  requestedQty: z.number().int(),
  shippedQty: z.number().int(),
  receivedQty: z.number().int(),
  /** Shipped and not received: in transit while shipped, written off once received (closed). */
  inTransitQty: z.number().int(),
  writtenOffQty: z.number().int(),
});
export type TransferLine = z.infer<typeof transferLineSchema>;

export const stockTransferSchema = z
  .object({
    id: z.string(),
    fromStoreId: idSchema,
    fromStoreName: z.string(),
    toStoreId: idSchema,
    toStoreName: z.string(),
    status: transferStatusSchema,
    note: z.string(),
    requestedBy: z.string(),
    shippedBy: z.string().nullable(),
    receivedBy: z.string().nullable(),
    createdAt: timestampSchema,
    shippedAt: timestampSchema.nullable(),
    receivedAt: timestampSchema.nullable(),
    cancelledAt: timestampSchema.nullable(),
    lines: z.array(transferLineSchema),
  })
  .meta({ id: 'StockTransfer' });
export type StockTransfer = z.infer<typeof stockTransferSchema>;
export const transferResultSchema = stockTransferSchema.extend({ replayed: z.boolean() });
export type TransferResult = z.infer<typeof transferResultSchema>;

export const transferListQuerySchema = z.object({
  storeId: idSchema.optional(),
  status: transferStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type TransferListQuery = z.infer<typeof transferListQuerySchema>;
export const transferListSchema = z.object({ transfers: z.array(stockTransferSchema) });
export const transferIdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const suggestionQuerySchema = z.object({
  productId: idSchema.optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
  targetCoverDays: z.coerce.number().int().min(1).max(120).default(14),
});
export type SuggestionQuery = z.infer<typeof suggestionQuerySchema>;

export const transferSuggestionSchema = z
  .object({
    productId: idSchema,
    name: z.string(),
    unit: z.string(),
    fromStoreId: idSchema,
    fromStoreName: z.string(),
    toStoreId: idSchema,
    toStoreName: z.string(),
    quantity: z.number().int(),
    fromCoverDays: z.number().nullable(),
    toCoverDays: z.number().nullable(),
    toCoverAfterDays: z.number().nullable(),
  })
  .meta({ id: 'TransferSuggestion' });
export type TransferSuggestionView = z.infer<typeof transferSuggestionSchema>;
export const suggestionListSchema = z.object({ suggestions: z.array(transferSuggestionSchema), velocityDays: z.number().int(), targetCoverDays: z.number().int() });
