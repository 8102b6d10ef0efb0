import { z } from 'zod';
import { comparedSchema } from './report-query';

/** A business-day range, inclusive. */
export const periodSchema = z.object({ from: z.string(), to: z.string() });

/**
 * Sales figures (fen) as the rollups keep them (decision 028): `grossFen` before discounts,
 * `discountFen`, `refundFen` handed back, and `netFen` = gross − discount − refunds (refunds net
 * against the sale's day, store, clerk and product).
 */
const figures = {
  orders: z.number().int(),
  grossFen: z.number().int(),
  discountFen: z.number().int(),
  refundFen: z.number().int(),
  netFen: z.number().int(),
};
export const salesFiguresSchema = z.object({ ...figures, refunds: z.number().int() });
export type SalesFigures = z.infer<typeof salesFiguresSchema>;

export const salesTotalsSchema = z.object({
  orders: comparedSchema,
  grossFen: comparedSchema,
  discountFen: comparedSchema,
  refundFen: comparedSchema,
  refunds: comparedSchema,
  netFen: comparedSchema,
  /** netFen ÷ orders, rounded to the fen. */
  avgTicketFen: comparedSchema,
});

export const salesReportSchema = z
  .object({
    period: periodSchema,
    comparedWith: periodSchema.nullable(),
    totals: salesTotalsSchema,
    byStore: z.array(salesFiguresSchema.extend({ storeId: z.string(), storeName: z.string() })),
    byDay: z.array(salesFiguresSchema.extend({ day: z.string() })),
    /** Local hour of the sale, 0–23. */
    byHour: z.array(salesFiguresSchema.extend({ hour: z.number().int() })),
    /** 0 Sunday … 6 Saturday, as SQLite's strftime('%w'). */
    byWeekday: z.array(salesFiguresSchema.extend({ weekday: z.number().int() })),
    byMember: z.array(salesFiguresSchema.extend({ member: z.boolean() })),
    byProduct: z.array(z.object({ ...figures, productId: z.string(), name: z.string(), quantity: z.number().int() })),
    byCategory: z.array(z.object({ ...figures, categoryId: z.string(), name: z.string(), quantity: z.number().int() })),
    /** What each tender took on sales (not net of refunds: those are netted per line). */
    byTender: z.array(z.object({ tender: z.string(), payments: z.number().int(), amountFen: z.number().int() })),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof salesReportSchema>;

/** Revenue (net of discounts and refunds), cost of the goods that left (returned goods' cost back), margin and its rate. */
export const marginFiguresSchema = z.object({
  revenueFen: z.number().int(),
  costFen: z.number().int(),
  marginFen: z.number().int(),
  /** margin ÷ revenue in basis points; null without revenue. */
  rateBp: z.number().int().nullable(),
});
export type MarginFigures = z.infer<typeof marginFiguresSchema>;

export const marginReportSchema = z
  .object({
    period: periodSchema,
    comparedWith: periodSchema.nullable(),
    totals: marginFiguresSchema,
    base: marginFiguresSchema.nullable(),
    /** Stored value is revenue when spent at the counter, never when recharged (decision 028). */
    storedValue: z.literal('revenue_when_spent'),
    byStore: z.array(marginFiguresSchema.extend({ storeId: z.string(), storeName: z.string() })),
    byCategory: z.array(marginFiguresSchema.extend({ categoryId: z.string(), name: z.string() })),
    byProduct: z.array(marginFiguresSchema.extend({ productId: z.string(), name: z.string(), quantity: z.number().int() })),
  })
  .meta({ id: 'MarginReport' });
export type MarginReport = z.infer<typeof marginReportSchema>;

/** Per campaign and store: sales it applied to, the discount it gave, and members it first reached in the period. */
export const campaignReportSchema = z
  .object({
    period: periodSchema,
    rows: z.array(z.object({
      campaignId: z.string(), name: z.string(), storeId: z.string(), storeName: z.string(),
      orders: z.number().int(), discountFen: z.number().int(), netFen: z.number().int(), members: z.number().int(),
    })),
  })
  .meta({ id: 'CampaignReport' });
export type CampaignReport = z.infer<typeof campaignReportSchema>;
