import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { orderInputSchema, orderResultSchema, walkInRefundSchema } from '../../shared/schemas/order';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { settleOrder } from '../services/orders';
import { refundSale } from '../services/order-refunds';
import { opResultSchema, refundRequestSchema } from '../../shared/schemas/account-api';
import { opIdSchema } from '../../shared/schemas/account';
import { clientAddress } from '../auth/middleware';
import { z } from 'zod';

export const orders = new Hono<AppEnv>().post(
  '/',
  describeRoute({
    tags: ['orders'],
    summary: 'Settle an order online (the order id is the idempotency key); member tenders settle atomically',
    security: bearer,
    responses: { ...ok(orderResultSchema), ...errors(400, 401, 403, 404, 409) },
  }),
  validate('json', orderInputSchema),
  async (c) => c.json(await settleOrder(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('json'), null, 'api')),
).post(
  '/:id/refund',
  describeRoute({
    tags: ['orders'],
    summary: 'Refund (part of) a sale: a member’s stored value, points and punches go back through their account, a walk-in sale’s money only. A clerk needs a manager’s approval (decision 013); the opId is the idempotency key',
    security: bearer,
    responses: { ...ok(z.union([opResultSchema, walkInRefundSchema])), ...errors(400, 401, 403, 404, 409) },
  }),
  validate('param', z.object({ id: opIdSchema })),
  validate('json', refundRequestSchema.omit({ refundOf: true })),
  async (c) => c.json(await refundSale(c.env, openDb(c.env.DB), c.get('actor'), { ...c.req.valid('json'), refundOf: c.req.valid('param').id }, clientAddress(c.req))),
);
