import { z } from 'zod';
import { idSchema } from './common';

/** Which parts of the home screen to answer: the figures are polled every few seconds, the rest less often. */
export const todayPartSchema = z.enum(['figures', 'warnings', 'trend']);
export const reportTodayQuerySchema = z.object({
  storeId: idSchema.optional(),
  parts: z
    .string()
    .default('figures,warnings,trend')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(todayPartSchema).min(1, 'name at least one of figures, warnings, trend')),
});
export type ReportTodayQuery = z.infer<typeof reportTodayQuerySchema>;

const storeToday = z.object({
  storeId: z.string(), storeName: z.string(),
  orders: z.number().int(), netFen: z.number().int(), refundFen: z.number().int(), memberOrders: z.number().int(),
  /** When the store's newest sale reached the server (null: none today). */
  lastSaleAt: z.number().int().nullable(),
});

export const reportTodaySchema = z
  .object({
    day: z.string(),
    now: z.number().int(),
    figures: z.object({
      stores: z.array(storeToday),
      totals: z.object({ orders: z.number().int(), netFen: z.number().int(), refundFen: z.number().int(), memberOrders: z.number().int(), avgTicketFen: z.number().int() }),
      byHour: z.array(z.object({ hour: z.number().int(), orders: z.number().int(), netFen: z.number().int() })),
    }).optional(),
    warnings: z.object({
      lowStock: z.array(z.object({ storeId: z.string(), storeName: z.string(), productId: z.string(), name: z.string(), quantity: z.number(), threshold: z.number() })),
      lowStockCount: z.number().int(),
      silentTablets: z.array(z.object({ id: z.string(), name: z.string(), storeId: z.string(), storeName: z.string(), lastSeenAt: z.number().int().nullable(), outstandingFen: z.number().int() })),
      /** Per store, the longest a sale took in the last hour from the till to the reports (tablet clock to server). */
      projectionLag: z.array(z.object({ storeId: z.string(), storeName: z.string(), lagMs: z.number().int(), orders: z.number().int() })),
      openAlerts: z.number().int(),
    }).optional(),
    trend: z.array(z.object({ day: z.string(), orders: z.number().int(), netFen: z.number().int() })).optional(),
  })
  .meta({ id: 'ReportToday' });
export type ReportToday = z.infer<typeof reportTodaySchema>;

/** A sale slower than this to reach the reports is a warning (offline tablets or a projection behind). */
export const LAG_WARN_MS = 60_000;
/** An active tablet not heard from for this long is silent. */
export const SILENT_AFTER_MS = 24 * 3_600_000;
