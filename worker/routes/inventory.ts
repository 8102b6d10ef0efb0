import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { adjustInventorySchema, inventoryAdjustResultSchema, inventoryLevelParamSchema, inventoryLevelSchema } from '../../shared/schemas/inventory';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { adjustInventory, getInventory } from '../services/inventory';

/** A store's stock (its own staff, or HQ). */
export const inventory = new Hono<AppEnv>()
  .post(
    '/adjustments',
    describeRoute({
      tags: ['inventory'],
      summary: 'Record a stock movement (the client-made id is the idempotency key: a repeat changes nothing and answers replayed: true); stock never goes below zero',
      security: bearer,
      responses: { ...ok(inventoryAdjustResultSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    validate('json', adjustInventorySchema),
    async (c) => c.json(await adjustInventory(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req) })),
  )
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
