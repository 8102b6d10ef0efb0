import { z } from 'zod';
import { idSchema, timestampSchema } from './common';

/**
 * Warnings for a store's manager and HQ (`staff_alerts`), written by the scheduled jobs (decision
 * 019): one per kind, store and day, id `<kind>:<day>:<storeId>`.
 */
export const alertKindSchema = z.enum(['low-stock', 'rollup-mismatch']);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** A product at or below its store's low-stock threshold when the job looked. */
export const lowStockItemSchema = z.object({ productId: idSchema, name: z.string(), quantity: z.number().int(), threshold: z.number().int() });
export type LowStockItem = z.infer<typeof lowStockItemSchema>;

/** A store's day of sales as `store_daily_sales` keeps it: sales (refunded ones too, in full), their total and cost. */
export const dailySalesFiguresSchema = z.object({ orders: z.number().int(), salesFen: z.number().int(), costFen: z.number().int() });
export type DailySalesFigures = z.infer<typeof dailySalesFiguresSchema>;
/** `expected`: recomputed from the orders; `actual`: what the rollup says (zeros when it has no row). */
export const rollupMismatchSchema = z.object({ day: z.string(), expected: dailySalesFiguresSchema, actual: dailySalesFiguresSchema });
export type RollupMismatch = z.infer<typeof rollupMismatchSchema>;

const common = { id: z.string(), storeId: idSchema, day: z.string(), createdAt: timestampSchema, resolvedAt: timestampSchema.nullable() };
export const staffAlertSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...common, kind: z.literal('low-stock'), detail: z.array(lowStockItemSchema) }),
    z.object({ ...common, kind: z.literal('rollup-mismatch'), detail: rollupMismatchSchema }),
  ])
  .meta({ id: 'StaffAlert' });
export type StaffAlert = z.infer<typeof staffAlertSchema>;

export const alertListQuerySchema = z.object({
  storeId: idSchema.optional(),
  kind: alertKindSchema.optional(),
  /** `true`: only unresolved; `false`: only resolved; absent: both. */
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;
export const alertListSchema = z.object({ alerts: z.array(staffAlertSchema) });
export const alertIdParamSchema = z.object({ id: z.string().min(1).max(160) });
/** The alert after the call; `replayed`: it was resolved already, and nothing changed. */
export const alertResolveResultSchema = z.object({ alert: staffAlertSchema, replayed: z.boolean() });
export type AlertResolveResult = z.infer<typeof alertResolveResultSchema>;
