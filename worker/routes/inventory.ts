import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  adjustInventorySchema, inventoryAdjustResultSchema, inventoryLevelParamSchema, inventoryLevelSchema, inventoryListQuerySchema, stockLedgerPageSchema, stockLedgerQuerySchema,
  movementResultSchema, stockLevelListSchema, stockMovementSchema, stockWarningListSchema, thresholdBodySchema, warningsQuerySchema,
} from '../../shared/schemas/inventory';
import { suggestionListSchema, suggestionQuerySchema } from '../../shared/schemas/stock-transfer';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { adjustInventory, getInventory } from '../services/inventory';
import { listSuggestions, listWarnings } from '../services/inventory-insights';
import { listLedger } from '../services/inventory-ledger';
import { listLevels, setThreshold } from '../services/inventory-levels';
import { recordMovement } from '../services/inventory-movements';
import { transfers } from './stock-transfers';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['inventory'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/** A store's stock (its own staff, or HQ); the back office's levels, movements, ledger, warnings and transfers (decision 025). */
export const inventory = new Hono<AppEnv>()
  .get('/', doc('Stock per store × goods product (HQ any store or all; staff their own), e.g. ?q=&lowOnly=true', stockLevelListSchema, 400, 401, 403), validate('query', inventoryListQuerySchema), async (c) =>
    c.json(await listLevels(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .get('/ledger', doc('The stock ledger: every movement, newest first, paged by nextCursor', stockLedgerPageSchema, 400, 401, 403), validate('query', stockLedgerQuerySchema), async (c) =>
    c.json(await listLedger(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .get('/warnings', doc('预警中心: products at or below their threshold, with days of cover at the recent rate of sale (managers: their store; HQ: all)', stockWarningListSchema, 400, 401, 403), validate('query', warningsQuerySchema), async (c) =>
    c.json(await listWarnings(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .get('/transfer-suggestions', doc('调拨建议 from stock and recent sales: which store runs out first, which has surplus', suggestionListSchema, 400, 401, 403), validate('query', suggestionQuerySchema), async (c) =>
    c.json(await listSuggestions(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .post('/movements', doc('进货 (with unit cost), 盘点 (sets the count), 报损, other; the client id is the idempotency key; below zero → 409 unless the chain allows negative stock', movementResultSchema, 400, 401, 403, 404, 409), validate('json', stockMovementSchema), async (c) =>
    c.json(await recordMovement(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req) })))
  .route('/transfers', transfers)
  .post(
    '/adjustments',
    describeRoute({
      tags: ['inventory'],
      summary: 'Record a stock movement (the client-made id is the idempotency key: a repeat changes nothing and answers replayed: true); stock never goes below zero unless the chain allows it',
      security: bearer,
      responses: { ...ok(inventoryAdjustResultSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    validate('json', adjustInventorySchema),
    async (c) => c.json(await adjustInventory(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req) })),
  )
  .put('/:storeId/:productId/threshold', doc('Low-stock threshold of a product at a store (its manager or HQ; 0 = none); audited', inventoryLevelSchema, 400, 401, 403, 404), validate('param', inventoryLevelParamSchema), validate('json', thresholdBodySchema), async (c) => {
    const { storeId, productId } = c.req.valid('param');
    return c.json(await setThreshold(openDb(c.env.DB), c.get('actor'), storeId, productId, c.req.valid('json'), { ip: clientAddress(c.req) }));
  })
  .get(
    '/:storeId/:productId',
    describeRoute({
      tags: ['inventory'],
      summary: 'One product’s stock at a store (0 if never stocked there)',
      security: bearer,
      responses: { ...ok(inventoryLevelSchema), ...errors(400, 401, 403, 404) },
    }),
    validate('param', inventoryLevelParamSchema),
    async (c) => {
      const { storeId, productId } = c.req.valid('param');
      return c.json(await getInventory(openDb(c.env.DB), c.get('actor'), storeId, productId));
    },
  );
