import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { campaignSchema, couponTemplateSchema } from '../../shared/schemas/promotions';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import { DomainError } from '../../shared/errors';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import * as promos from '../services/promotions';

const idParam = z.object({ id: idSchema });
const sameId = (path: string, body: string) => {
  if (path !== body) throw new DomainError('VALIDATION_FAILED', `id: the body's id ${body} is not the path's ${path}`);
};
const doc = (summary: string, schema: Parameters<typeof ok>[0]) => describeRoute({ tags: ['promotions'], summary, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403) } });

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
  });
