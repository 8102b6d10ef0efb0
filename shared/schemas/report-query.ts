import { z } from 'zod';
import { dateSchema, idSchema } from './common';

/** How a period is compared: with the one just before it, or the same days a year earlier. */
export const reportCompareSchema = z.enum(['none', 'previous', 'last_year']);
export type ReportCompare = z.infer<typeof reportCompareSchema>;

/** Longest period a report answers for in one request (a bit over a year). */
export const MAX_REPORT_DAYS = 400;

/**
 * The query every report takes: business days `from`..`to` inclusive (the chain's calendar,
 * shared/domain/business-day.ts), one store or all the actor may see, and a comparison.
 */
export const reportQuerySchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    storeId: idSchema.optional(),
    compare: reportCompareSchema.default('none'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be on or after from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, { path: ['from'], message: `the period is longer than ${MAX_REPORT_DAYS} days` })
  .meta({ id: 'ReportQuery' });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** A figure and its comparison: `change` is (value − base) ÷ base in basis points, null without a base. */
export const comparedSchema = z.object({ value: z.number(), base: z.number().nullable(), changeBp: z.number().int().nullable() });
export type Compared = z.infer<typeof comparedSchema>;
