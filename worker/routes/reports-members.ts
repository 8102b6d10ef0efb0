import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { reportQuerySchema } from '../../shared/schemas/report-query';
import { liabilityCheckSchema, liabilityReportSchema } from '../../shared/schemas/report-liability';
import { crossStoreReportSchema, membersReportSchema, retentionReportSchema, rfmMembersPageSchema, rfmMembersQuerySchema, rfmQuerySchema, rfmReportSchema } from '../../shared/schemas/report-members';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { liabilityCheck, liabilityReport } from '../services/report-liability';
import { crossStoreReport } from '../services/report-cross-store';
import { membersReport } from '../services/report-members';
import { retentionReport, rfmMembers, rfmReport } from '../services/report-rfm';

const doc = (summary: string, schema: Parameters<typeof ok>[0]) =>
  describeRoute({ tags: ['reports'], summary, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403) } });
const emptyQuery = z.object({}).strict();

/** 会员分析 and 储值与积分 (issue 19 §3, §5): managers their store, HQ any or all (services/report-scope.ts). */
export const reportsMembers = new Hono<AppEnv>()
  .get('/members', doc('Members: new, active, dormant (90/180 days), top spenders, tags', membersReportSchema), validate('query', reportQuerySchema), async (c) =>
    c.json(await membersReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/members/cross-store', doc('Cross-store visits: members of one store served at another, as a store × store matrix', crossStoreReportSchema), validate('query', reportQuerySchema), async (c) =>
    c.json(await crossStoreReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/rfm', doc('RFM segment counts from the nightly member-analysis job', rfmReportSchema), validate('query', rfmQuerySchema), async (c) =>
    c.json(await rfmReport(c.env.DB, c.get('actor'), c.req.valid('query').storeId)))
  .get('/rfm/members', doc('A segment’s members, paged by id; phones masked by role', rfmMembersPageSchema), validate('query', rfmMembersQuerySchema), async (c) =>
    c.json(await rfmMembers(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/retention', doc('Retention by month of joining (last 12 months), from the nightly job', retentionReportSchema), validate('query', rfmQuerySchema), async (c) =>
    c.json(await retentionReport(c.env.DB, c.get('actor'), c.req.valid('query').storeId)))
  .get('/liability', doc('Stored value and points: outstanding per store of issue, flows, tablets, cross-store settlement', liabilityReportSchema), validate('query', reportQuerySchema), async (c) =>
    c.json(await liabilityReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/liability/check', doc('HQ: ledgers vs balances vs value_daily, principal / bonus / points', liabilityCheckSchema), validate('query', emptyQuery), async (c) =>
    c.json(await liabilityCheck(c.env.DB, c.get('actor'))));
