import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { commissionPlanCreateSchema, commissionPlanIdParamSchema, commissionPlanInputSchema, commissionPlanListSchema, commissionPlanSchema, commissionReportSchema } from '../../shared/schemas/commission';
import { reportQuerySchema } from '../../shared/schemas/report-query';
import { reportOrderDetailSchema, reportOrderIdParamSchema, reportOrderPageSchema, reportOrdersQuerySchema } from '../../shared/schemas/reports-orders';
import { campaignReportSchema, marginReportSchema, salesReportSchema } from '../../shared/schemas/reports-sales';
import { staffReportSchema } from '../../shared/schemas/reports-staff';
import { reportTodayQuerySchema, reportTodaySchema } from '../../shared/schemas/reports-today';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { createPlan, listPlans, updatePlan } from '../services/commission-plans';
import { campaignReport } from '../services/report-campaigns';
import { commissionReport } from '../services/report-commission';
import { marginReport } from '../services/report-margin';
import { reportOrder, reportOrders } from '../services/report-orders';
import { salesReport } from '../services/report-sales';
import { staffReport } from '../services/report-staff';
import { reportToday } from '../services/report-today';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['reports'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });
const SCOPE = ' (HQ: all stores or one; a manager: their own store)';

/** HQ reports (issue 19, decision 028): read the rollups, never scan the orders but for the drill-down's page. */
export const reports = new Hono<AppEnv>()
  .get('/sales', doc(`营业: sales by store, day, hour, weekday, product, category, tender, walk-in/member, with comparison${SCOPE}`, salesReportSchema, 400, 401, 403), validate('query', reportQuerySchema), async (c) =>
    c.json(await salesReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/margin', doc(`毛利: revenue, cost at sale, margin and rate per store, category, product${SCOPE}`, marginReportSchema, 400, 401, 403), validate('query', reportQuerySchema), async (c) =>
    c.json(await marginReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/staff', doc(`员工业绩: per clerk and store${SCOPE}`, staffReportSchema, 400, 401, 403), validate('query', reportQuerySchema), async (c) =>
    c.json(await staffReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/commission', doc(`提成: each clerk’s commission for the period under the active plans${SCOPE}`, commissionReportSchema, 400, 401, 403), validate('query', reportQuerySchema), async (c) =>
    c.json(await commissionReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/commission-plans', doc('Commission plans (HQ)', commissionPlanListSchema, 401, 403), async (c) =>
    c.json({ plans: await listPlans(c.env.DB, c.get('actor')) }))
  .post('/commission-plans', doc('Create a commission plan (HQ; audited). The same plan again under its id answers it', commissionPlanSchema, 400, 401, 403, 409), validate('json', commissionPlanCreateSchema), async (c) =>
    c.json(await createPlan(c.env.DB, c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })))
  .put('/commission-plans/:id', doc('Replace a commission plan (HQ; audited with before/after)', commissionPlanSchema, 400, 401, 403, 404), validate('param', commissionPlanIdParamSchema), validate('json', commissionPlanInputSchema), async (c) =>
    c.json(await updatePlan(c.env.DB, c.get('actor'), c.req.valid('param').id, c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })))
  .get('/campaigns', doc(`活动效果: per campaign and store${SCOPE}`, campaignReportSchema, 400, 401, 403), validate('query', reportQuerySchema), async (c) =>
    c.json(await campaignReport(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/orders', doc(`The sales behind a figure, newest first, paged${SCOPE}`, reportOrderPageSchema, 400, 401, 403), validate('query', reportOrdersQuerySchema), async (c) =>
    c.json(await reportOrders(c.env.DB, c.get('actor'), c.req.valid('query'))))
  .get('/orders/:id', doc('One sale: lines, tenders, discounts, refunds (another store’s sale is 404 to a manager)', reportOrderDetailSchema, 400, 401, 403, 404), validate('param', reportOrderIdParamSchema), async (c) =>
    c.json(await reportOrder(c.env.DB, c.get('actor'), c.req.valid('param').id)))
  .get('/today', doc(`首页: today per store, warnings, 30-day trend (parts=figures,warnings,trend)${SCOPE}`, reportTodaySchema, 400, 401, 403), validate('query', reportTodayQuerySchema), async (c) =>
    c.json(await reportToday(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))));
