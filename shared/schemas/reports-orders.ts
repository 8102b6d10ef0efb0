import { z } from 'zod';
import { dateSchema, idSchema } from './common';
import { MAX_REPORT_DAYS } from './report-query';
import { tenderKindSchema } from './order';

/**
 * The orders behind a report's figure: sales made on business days from..to, narrowed by store,
 * clerk, product, category, tender, member, local hour, or walk-in/member. Newest first, a page at
 * a time; `cursor` is the previous page's `next`.
 */
export const reportOrdersQuerySchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    storeId: idSchema.optional(),
    staffId: idSchema.optional(),
    productId: idSchema.optional(),
    categoryId: idSchema.optional(),
    tender: tenderKindSchema.optional(),
    memberId: idSchema.optional(),
    hour: z.coerce.number().int().min(0).max(23).optional(),
    member: z.enum(['walk_in', 'member']).optional(),
    cursor: z.string().regex(/^\d+:[\w-]+$/, 'must be the previous page’s next').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be on or after from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, { path: ['from'], message: `the period is longer than ${MAX_REPORT_DAYS} days` });
export type ReportOrdersQuery = z.infer<typeof reportOrdersQuerySchema>;

export const reportOrderRowSchema = z.object({
  id: z.string(), storeId: z.string(), storeName: z.string(), staffId: z.string(), staffName: z.string(),
  memberId: z.string().nullable(), memberName: z.string().nullable(),
  status: z.string(), createdAt: z.number().int(),
  subtotalFen: z.number().int(), discountFen: z.number().int(), totalFen: z.number().int(), refundedFen: z.number().int(),
});
export type ReportOrderRow = z.infer<typeof reportOrderRowSchema>;
export const reportOrderPageSchema = z.object({ orders: z.array(reportOrderRowSchema), next: z.string().nullable() }).meta({ id: 'ReportOrderPage' });
export type ReportOrderPage = z.infer<typeof reportOrderPageSchema>;

export const reportOrderDetailSchema = z
  .object({
    order: reportOrderRowSchema.extend({ costFen: z.number().int(), pointsEarned: z.number().int(), note: z.string() }),
    lines: z.array(z.object({
      lineNo: z.number().int(), productId: z.string(), name: z.string(), quantity: z.number().int(), unitPriceFen: z.number().int(),
      discountFen: z.number().int(), totalFen: z.number().int(), unitCostFen: z.number().int(),
      /** The receipt's words for each discount ("会员9折"). */
      explanation: z.array(z.string()),
      discounts: z.array(z.object({ kind: z.string(), refId: z.string().nullable().optional(), fen: z.number() }).loose()),
    })),
    tenders: z.array(z.object({ id: z.string(), tender: z.string(), amountFen: z.number().int(), reference: z.string() })),
    /** Each refund of the sale: at the counter (walk-in, audit row) or through the member's account. */
    refunds: z.array(z.object({ id: z.string(), at: z.number().int(), amountFen: z.number().int(), staffId: z.string().nullable(), via: z.enum(['counter', 'account']) })),
  })
  .meta({ id: 'ReportOrderDetail' });
export type ReportOrderDetail = z.infer<typeof reportOrderDetailSchema>;
export const reportOrderIdParamSchema = z.object({ id: idSchema });
