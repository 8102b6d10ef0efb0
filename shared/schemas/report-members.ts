import { z } from 'zod';
import { RFM_SEGMENTS } from '../domain/rfm';
import { idSchema } from './common';
import { comparedSchema } from './report-query';

/** Member analysis (issue 19 §3): the period's new and active members, dormancy, top spenders, tags, cross-store visits. */
const storeRef = z.object({ id: z.string(), name: z.string() });

export const DORMANT_DAYS = [90, 180] as const;
export const TOP_MEMBERS = 20;

export const topMemberSchema = z.object({
  memberId: z.string(), name: z.string(), phone: z.string(), homeStoreId: z.string(),
  orders: z.number().int(), netFen: z.number().int(), refundFen: z.number().int(), spendFen: z.number().int(),
});
export type TopMember = z.infer<typeof topMemberSchema>;

export const membersReportSchema = z
  .object({
    from: z.string(), to: z.string(),
    /** Dormancy is as of this business day (today), by members.last_visit_at; members count by their home store. */
    asOf: z.string(),
    dormantDays: z.array(z.number().int()),
    stores: z.array(storeRef),
    summary: z.object({
      totalMembers: z.number().int(), newMembers: comparedSchema, activeMembers: comparedSchema,
      neverVisited: z.number().int(), dormant: z.array(z.object({ days: z.number().int(), members: z.number().int() })),
    }),
    byStore: z.array(z.object({ storeId: z.string(), total: z.number().int(), newMembers: z.number().int(), activeMembers: z.number().int(), neverVisited: z.number().int(), dormant: z.array(z.number().int()) })),
    /** Spend = net sales less refunds in the period (at the store asked for). `method`: how they were found, `scanned`: members looked at. */
    top: z.object({ method: z.enum(['direct', 'bounded']), scanned: z.number().int(), members: z.array(topMemberSchema) }),
    tags: z.array(z.object({ tag: z.string(), source: z.enum(['member', 'staff']), members: z.number().int() })),
  })
  .meta({ id: 'MembersReport' });
export type MembersReport = z.infer<typeof membersReportSchema>;

/** Members of homeStoreId served at storeId (≠) in the period: visit days, orders, spend (a manager: pairs with their store on either side). */
export const crossStoreReportSchema = z
  .object({
    from: z.string(), to: z.string(), stores: z.array(storeRef),
    cells: z.array(z.object({ homeStoreId: z.string(), storeId: z.string(), visits: z.number().int(), orders: z.number().int(), spendFen: z.number().int() })),
  })
  .meta({ id: 'CrossStoreReport' });
export type CrossStoreReport = z.infer<typeof crossStoreReportSchema>;

export const rfmSegmentSchema = z.enum(RFM_SEGMENTS);
export const rfmQuerySchema = z.object({ storeId: idSchema.optional() });
export const rfmReportSchema = z
  .object({
    computedAt: z.number().int().nullable(),
    windowDays: z.number().int(),
    thresholds: z.object({ recencyDays: z.array(z.number()), frequency: z.array(z.number()), monetaryFen: z.array(z.number()), high: z.number() }),
    segments: z.array(z.object({ segment: rfmSegmentSchema, members: z.number().int(), orders: z.number().int(), netFen: z.number().int() })),
  })
  .meta({ id: 'RfmReport' });
export type RfmReport = z.infer<typeof rfmReportSchema>;

export const rfmMembersQuerySchema = z.object({
  segment: rfmSegmentSchema,
  storeId: idSchema.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const rfmMemberSchema = z.object({
  memberId: z.string(), name: z.string(), phone: z.string(), homeStoreId: z.string(), lastVisitDay: z.string().nullable(),
  orders: z.number().int(), netFen: z.number().int(), r: z.number().int(), f: z.number().int(), m: z.number().int(),
});
export const rfmMembersPageSchema = z.object({ members: z.array(rfmMemberSchema), next: z.string().nullable() }).meta({ id: 'RfmMembersPage' });
export type RfmMembersPage = z.infer<typeof rfmMembersPageSchema>;

export const retentionReportSchema = z
  .object({
    computedAt: z.number().int().nullable(),
    /** Of the members who joined in `cohort` (their home store in scope), how many bought in each month since. */
    cohorts: z.array(z.object({ cohort: z.string(), joined: z.number().int(), months: z.array(z.object({ month: z.string(), active: z.number().int() })) })),
  })
  .meta({ id: 'RetentionReport' });
export type RetentionReport = z.infer<typeof retentionReportSchema>;
