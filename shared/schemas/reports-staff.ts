import { z } from 'zod';
import { periodSchema } from './reports-sales';

/**
 * 员工业绩: a clerk's period at one store. `salesFen` is net of discounts and of their sales'
 * refunds; `cardsOpened` the members they registered; `ratings`/`ratingSum` the visit ratings
 * members gave their sales (average = sum ÷ ratings).
 */
export const staffRowSchema = z.object({
  staffId: z.string(), staffName: z.string(), storeId: z.string(), storeName: z.string(),
  orders: z.number().int(), salesFen: z.number().int(), avgTicketFen: z.number().int(),
  refunds: z.number().int(), refundFen: z.number().int(),
  cardsOpened: z.number().int(),
  recharges: z.number().int(), rechargeFen: z.number().int(),
  punchCards: z.number().int(), punchFen: z.number().int(),
  ratings: z.number().int(), ratingSum: z.number().int(),
});
export type StaffRow = z.infer<typeof staffRowSchema>;
export const staffReportSchema = z.object({ period: periodSchema, rows: z.array(staffRowSchema) }).meta({ id: 'StaffReport' });
export type StaffReport = z.infer<typeof staffReportSchema>;
