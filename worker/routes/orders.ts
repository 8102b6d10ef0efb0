import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { orderInputSchema, orderResultSchema } from '../../shared/schemas/order';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { settleOrder } from '../services/orders';

export const orders = new Hono<AppEnv>().post(
  '/',
  describeRoute({
    tags: ['orders'],
    summary: 'Settle an order online (the order id is the idempotency key); member tenders settle atomically',
    security: bearer,
    responses: { ...ok(orderResultSchema), ...errors(400, 401, 403, 404, 409) },
  }),
  validate('json', orderInputSchema),
  async (c) => c.json(await settleOrder(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('json'))),
);
