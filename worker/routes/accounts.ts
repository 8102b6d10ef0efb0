import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as api from '../../shared/schemas/account-api';
import { memberIdParamSchema } from '../../shared/schemas/member';
import { clientAddress } from '../auth/middleware';
import { limitCostlyRead } from '../auth/rate-limit';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import * as ops from '../services/account-ops';
import { accountView, ledgerPage, verifyLedger } from '../services/account-reads';

const doc = (summary: string, schema: StandardSchemaV1 = api.opResultSchema) =>
  describeRoute({ tags: ['accounts'], summary, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403, 404, 409, 429) } });

const ctx = (c: { env: Env; get(k: 'actor'): AppEnv['Variables']['actor']; req: { header(n: string): string | undefined } }, memberId: string) => ({
  env: c.env, db: openDb(c.env.DB), actor: c.get('actor'), memberId, ip: clientAddress(c.req),
});

/** A member's cloud-card account: every money, points or punch effect goes through their Durable Object. */
export const accounts = new Hono<AppEnv>()
  .get('/:id/account', doc('Balances, points lots, punch cards, coupons and card history', api.accountViewSchema), validate('param', memberIdParamSchema), async (c) =>
    c.json(await accountView(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .get('/:id/ledger', doc('The member’s ledger, newest first, paged by sequence', api.ledgerPageSchema), limitCostlyRead, validate('param', memberIdParamSchema), validate('query', api.ledgerQuerySchema), async (c) => {
    const q = c.req.valid('query');
    return c.json(await ledgerPage(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, q.beforeSeq, q.limit));
  })
  .get('/:id/ledger/verify', doc('Recompute the hash chain and sums; compare with D1', api.verifyResultSchema), limitCostlyRead, validate('param', memberIdParamSchema), async (c) =>
    c.json(await verifyLedger(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .post('/:id/recharge', doc('Recharge stored value; the chain’s bonus rules apply'), validate('param', memberIdParamSchema), validate('json', api.rechargeRequestSchema), async (c) =>
    c.json(await ops.recharge(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .get('/:id/refund-preview', doc('What a refund would give back and deduct, before confirming'), validate('param', memberIdParamSchema), validate('query', api.refundPreviewQuerySchema), async (c) =>
    c.json(await ops.previewRefund(ctx(c, c.req.valid('param').id), c.req.valid('query'))))
  .post('/:id/refund', doc('Refund (whole or part of) an earlier sale, recharge or punch-card sale'), validate('param', memberIdParamSchema), validate('json', api.refundRequestSchema), async (c) =>
    c.json(await ops.refund(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/points/adjust', doc('Adjust points (HQ), with a reason'), validate('param', memberIdParamSchema), validate('json', api.pointsAdjustRequestSchema), async (c) =>
    c.json(await ops.adjustPoints(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/freeze', doc('Freeze the card (reported lost): the member themself, HQ, or a store that serves the member; spending refused, refunds allowed'), validate('param', memberIdParamSchema), validate('json', api.freezeRequestSchema), async (c) =>
    c.json(await ops.freeze(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/unfreeze', doc('Unfreeze the card (HQ, or a manager of a store that serves the member)'), validate('param', memberIdParamSchema), validate('json', api.unfreezeRequestSchema), async (c) =>
    c.json(await ops.unfreeze(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/replace-card', doc('Issue a replacement card (HQ, or staff of a store that serves the member); the account stays the same'), validate('param', memberIdParamSchema), validate('json', api.replaceCardRequestSchema), async (c) =>
    c.json(await ops.replaceCard(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/punch-cards', doc('Sell a punch card (N prepaid visits)'), validate('param', memberIdParamSchema), validate('json', api.punchCardSaleRequestSchema), async (c) =>
    c.json(await ops.sellPunchCard(ctx(c, c.req.valid('param').id), c.req.valid('json'))))
  .post('/:id/coupons', doc('Give the member a coupon (manager or HQ); the operation id is the coupon id'), validate('param', memberIdParamSchema), validate('json', api.couponGrantRequestSchema), async (c) =>
    c.json(await ops.grantCoupon(ctx(c, c.req.valid('param').id), c.req.valid('json'))));
