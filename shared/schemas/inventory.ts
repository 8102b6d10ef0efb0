import { z } from 'zod';
import { idSchema, timestampSchema, ulidSchema } from './common';

export const inventoryReasonSchema = z.enum(['receive', 'count', 'damage', 'transfer_in', 'transfer_out', 'other']);

/**
 * One stock movement recorded by a store. The client makes the id (ULID): it is the idempotency
 * key, so the same adjustment sent twice moves the stock once.
 */
export const adjustInventorySchema = z
  .object({
    id: ulidSchema,
    storeId: idSchema,
    productId: idSchema,
    delta: z.number().int().min(-99999).max(99999).refine((d) => d !== 0, 'must not be 0'),
    reason: inventoryReasonSchema,
    note: z.string().max(200).default(''),
    createdAt: timestampSchema,
  })
  .meta({ id: 'AdjustInventory' });
export type AdjustInventory = z.infer<typeof adjustInventorySchema>;

export const inventoryLevelSchema = z
  .object({
    storeId: idSchema,
    productId: idSchema,
    quantity: z.number().int(),
    lowStockThreshold: z.number().int(),
  })
  .meta({ id: 'InventoryLevel' });
export type InventoryLevel = z.infer<typeof inventoryLevelSchema>;

/** The level after the adjustment; `replayed` when this id had been applied before. */
export const inventoryAdjustResultSchema = inventoryLevelSchema.extend({ replayed: z.boolean() });
export const inventoryLevelParamSchema = z.object({ storeId: idSchema, productId: idSchema });
