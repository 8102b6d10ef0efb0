import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { createTransferSchema, receiveTransferSchema, stockTransferSchema, transferIdParamSchema, transferListQuerySchema, transferListSchema, transferResultSchema } from '../../shared/schemas/stock-transfer';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { createTransfer, listTransfers, loadTransfer } from '../services/stock-transfers';
import { cancelTransfer, receiveTransfer, shipTransfer } from '../services/stock-transfer-moves';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['inventory'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });
const ip = (c: { req: Parameters<typeof clientAddress>[0] }) => ({ ip: clientAddress(c.req) });

/** 调拨 (decision 025): requested → shipped (in transit, out of the source) → received (into the target), or cancelled. */
export const transfers = new Hono<AppEnv>()
  .get('/', doc('Transfers, newest first (HQ any store or all; staff those from or to their store)', transferListSchema, 400, 401, 403), validate('query', transferListQuerySchema), async (c) =>
    c.json(await listTransfers(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .post('/', doc('Request a transfer (a manager of either store, or HQ); the client id is the idempotency key', transferResultSchema, 400, 401, 403, 409), validate('json', createTransferSchema), async (c) =>
    c.json(await createTransfer(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), ip(c))))
  .get('/:id', doc('One transfer with its lines', stockTransferSchema, 400, 401, 403, 404), validate('param', transferIdParamSchema), async (c) =>
    c.json(await loadTransfer(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .post('/:id/ship', doc('Ship it (the source’s manager or HQ): the units leave the source’s stock, in transit; twice ships once', transferResultSchema, 400, 401, 403, 404, 409), validate('param', transferIdParamSchema), async (c) =>
    c.json(await shipTransfer(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, ip(c))))
  .post('/:id/receive', doc('Receive (part of) it (the target’s manager or HQ); the receipt id is the idempotency key; close writes off what has not arrived', transferResultSchema, 400, 401, 403, 404, 409), validate('param', transferIdParamSchema), validate('json', receiveTransferSchema), async (c) =>
    c.json(await receiveTransfer(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), ip(c))))
  .post('/:id/cancel', doc('Cancel it: requested → just cancelled; shipped → what is in transit returns to the source', transferResultSchema, 400, 401, 403, 404, 409), validate('param', transferIdParamSchema), async (c) =>
    c.json(await cancelTransfer(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, ip(c))));
