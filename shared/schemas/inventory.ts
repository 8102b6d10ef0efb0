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

// ── HQ back office (issue 18, docs/decisions/025) ──

/** Every reason a ledger row can carry: staff movements, transfers, and the counter's sales and refunds. */
export const ledgerReasonSchema = z.enum(['receive', 'count', 'damage', 'transfer_in', 'transfer_out', 'sale', 'refund', 'other']);
export type LedgerReason = z.infer<typeof ledgerReasonSchema>;

const qty = z.number().int().min(1, 'must be at least 1').max(99999, 'must be at most 99999');
const note = z.string().trim().max(200).default('');

/**
 * A stock movement made in the back office (the id, a ULID, is the idempotency key):
 * 进货 `receive` with its unit cost and the supplier; 盘点 `count` sets the counted quantity;
 * 报损 `damage` takes units out; `other` moves by a signed delta.
 */
export const stockMovementSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('receive'), id: ulidSchema, storeId: idSchema, productId: idSchema, quantity: qty, unitCostFen: z.number().int().min(0).max(100_000_000), supplier: z.string().trim().max(100).default(''), note }),
    z.object({ kind: z.literal('count'), id: ulidSchema, storeId: idSchema, productId: idSchema, countedQuantity: z.number().int().min(0).max(999999), note }),
    z.object({ kind: z.literal('damage'), id: ulidSchema, storeId: idSchema, productId: idSchema, quantity: qty, note }),
    z.object({ kind: z.literal('other'), id: ulidSchema, storeId: idSchema, productId: idSchema, delta: z.number().int().min(-99999).max(99999).refine((d) => d !== 0, 'must not be 0'), note: z.string().trim().min(2, 'say why').max(200) }),
  ])
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;

const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

export const inventoryListQuerySchema = z.object({
  storeId: idSchema.optional(),
  q: z.string().trim().max(60).optional(),
  lowOnly: flag,
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
});
export type InventoryListQuery = z.infer<typeof inventoryListQuerySchema>;

/** One product at one store, with what the back office shows beside it. */
export const stockLevelSchema = z
  .object({
    storeId: idSchema,
    storeName: z.string(),
    productId: idSchema,
    sku: z.string(),
    name: z.string(),
    unit: z.string(),
    costPriceFen: z.number().int(),
    quantity: z.number().int(),
    lowStockThreshold: z.number().int(),
    /** At or below a threshold that is set (above 0). */
    low: z.boolean(),
    lastMovementAt: timestampSchema.nullable(),
  })
  .meta({ id: 'StockLevel' });
export type StockLevel = z.infer<typeof stockLevelSchema>;
export const stockLevelListSchema = z.object({ levels: z.array(stockLevelSchema), truncated: z.boolean() });
export type StockLevelList = z.infer<typeof stockLevelListSchema>;

export const thresholdBodySchema = z.object({ lowStockThreshold: z.number().int().min(0, 'must be 0 (none) or more').max(99999) });
export type ThresholdBody = z.infer<typeof thresholdBodySchema>;

export const stockLedgerQuerySchema = z.object({
  storeId: idSchema.optional(),
  productId: idSchema.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  /** The last row of the previous page, as `nextCursor` gave it. */
  cursor: z.string().regex(/^\d+_[\w:.-]+$/, 'must be a nextCursor from the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type StockLedgerQuery = z.infer<typeof stockLedgerQuerySchema>;

export const stockLedgerRowSchema = z
  .object({
    id: z.string(),
    storeId: idSchema,
    productId: idSchema,
    productName: z.string(),
    delta: z.number().int(),
    reason: ledgerReasonSchema,
    note: z.string(),
    unitCostFen: z.number().int().nullable(),
    transferId: z.string().nullable(),
    staffId: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'StockLedgerRow' });
export type StockLedgerRow = z.infer<typeof stockLedgerRowSchema>;
export const stockLedgerPageSchema = z.object({ rows: z.array(stockLedgerRowSchema), nextCursor: z.string().nullable() });
export type StockLedgerPage = z.infer<typeof stockLedgerPageSchema>;

export const warningsQuerySchema = z.object({ storeId: idSchema.optional() });
/** A product at or below its threshold, and how many days the stock lasts at its recent rate of sale. */
export const stockWarningSchema = z
  .object({
    storeId: idSchema,
    storeName: z.string(),
    productId: idSchema,
    sku: z.string(),
    name: z.string(),
    unit: z.string(),
    quantity: z.number().int(),
    lowStockThreshold: z.number().int(),
    dailySales: z.number(),
    /** null: nothing sold lately, so no estimate. */
    daysOfCover: z.number().nullable(),
  })
  .meta({ id: 'StockWarning' });
export type StockWarning = z.infer<typeof stockWarningSchema>;
export const stockWarningListSchema = z.object({ warnings: z.array(stockWarningSchema), velocityDays: z.number().int() });
export const movementResultSchema = inventoryLevelSchema.extend({ replayed: z.boolean(), delta: z.number().int() });
export type MovementResult = z.infer<typeof movementResultSchema>;
