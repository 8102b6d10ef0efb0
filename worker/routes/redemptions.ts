import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { collectRequestSchema, redeemRequestSchema, redemptionIdParamSchema, redemptionListQuerySchema, redemptionListSchema, redemptionSchema } from '../../shared/schemas/rewards';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { collect, listRedemptions, redeem } from '../services/redemptions';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['rewards'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });
const meta = (c: { req: Parameters<typeof clientAddress>[0] }) => ({ ip: clientAddress(c.req), now: Date.now() });

/** Redeeming points for a reward (the member, exactly once per id), and handing goods over at a store. */
export const redemptions = new Hono<AppEnv>()
  .post('/', doc('Redeem points for a reward (members; the redemption id is the idempotency key)', redemptionSchema, 400, 401, 403, 404, 409), validate('json', redeemRequestSchema), async (c) =>
    c.json(await redeem(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('json'), meta(c))))
  .get('/', doc('Redemptions: a member their own; a store by pickup code; HQ all', redemptionListSchema, 400, 401, 403), validate('query', redemptionListQuerySchema), async (c) =>
    c.json({ redemptions: await listRedemptions(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('query'), meta(c)) }))
  .post('/:id/collect', doc('Hand a product or service reward over at a store (staff of that store; audited)', redemptionSchema, 400, 401, 403, 404, 409), validate('param', redemptionIdParamSchema), validate('json', collectRequestSchema), async (c) =>
    c.json(await collect(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json').storeId, meta(c))));
