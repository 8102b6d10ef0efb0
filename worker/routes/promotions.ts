import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { campaignParticipationSchema, campaignSchema, couponBatchRequestSchema, couponBatchSchema, couponTemplateSchema } from '../../shared/schemas/promotions';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import { DomainError } from '../../shared/errors';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import * as promos from '../services/promotions';
import { campaignParticipation } from '../services/campaign-participation';
import * as batches from '../services/coupon-batches';

const idParam = z.object({ id: idSchema });
const sameId = (path: string, body: string) => {
  if (path !== body) throw new DomainError('VALIDATION_FAILED', `id: the body's id ${body} is not the path's ${path}`);
};
const doc = (summary: string, schema: Parameters<typeof ok>[0]) => describeRoute({ tags: ['promotions'], summary, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403, 404, 409) } });

/** Campaigns and coupon templates: HQ writes them (audited); every store's tablets price with them. */
export const promotions = new Hono<AppEnv>()
  .get('/campaigns', doc('Campaigns (HQ: all; a store: those that apply to it)', z.object({ campaigns: z.array(campaignSchema) })), async (c) =>
    c.json({ campaigns: await promos.listCampaigns(openDb(c.env.DB), c.get('actor')) }))
  .put('/campaigns/:id', doc('Create or replace a campaign (HQ; audited)', campaignSchema), validate('param', idParam), validate('json', campaignSchema), async (c) => {
    const body = c.req.valid('json');
    sameId(c.req.valid('param').id, body.id);
    return c.json(await promos.saveCampaign(openDb(c.env.DB), c.get('actor'), body, clientAddress(c.req)));
  })
  .get('/coupon-templates', doc('Coupon templates (HQ: all; a store: those usable there)', z.object({ couponTemplates: z.array(couponTemplateSchema) })), async (c) =>
    c.json({ couponTemplates: await promos.listCouponTemplates(openDb(c.env.DB), c.get('actor')) }))
  .put('/coupon-templates/:id', doc('Create or replace a coupon template (HQ; audited)', couponTemplateSchema), validate('param', idParam), validate('json', couponTemplateSchema), async (c) => {
    const body = c.req.valid('json');
    sameId(c.req.valid('param').id, body.id);
    return c.json(await promos.saveCouponTemplate(openDb(c.env.DB), c.get('actor'), body, clientAddress(c.req)));
  })
  .get('/campaigns/:id/participation', doc('Per store: sales the campaign’s discount is on, discount on those lines, revenue, members (HQ)', campaignParticipationSchema), validate('param', idParam), async (c) =>
    c.json(await campaignParticipation(openDb(c.env.DB), c.env.DB, c.get('actor'), c.req.valid('param').id)))
  .get('/coupon-batches', doc('Coupon batches, newest first, with their counts (HQ)', z.object({ batches: z.array(couponBatchSchema) })), async (c) =>
    c.json({ batches: await batches.listCouponBatches(openDb(c.env.DB), c.get('actor')) }))
  .post('/coupon-batches', doc('Issue a coupon to many members (HQ; the id makes it exactly once per member; audited)', couponBatchSchema), validate('json', couponBatchRequestSchema), async (c) =>
    c.json(await batches.createCouponBatch(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('json'), clientAddress(c.req))))
  .get('/coupon-batches/:id', doc('One coupon batch and its counts (HQ)', couponBatchSchema), validate('param', idParam), async (c) =>
    c.json(await batches.getCouponBatch(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .post('/coupon-batches/:id/run', doc('Go on with a running batch from where it stopped (HQ)', couponBatchSchema), validate('param', idParam), async (c) =>
    c.json(await batches.runCouponBatch(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, clientAddress(c.req))));
