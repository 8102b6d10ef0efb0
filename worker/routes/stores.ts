import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { storeIdParamSchema, storeSchema, storeSummaryListSchema } from '../../shared/schemas/store';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { getStore, listStoreSummaries } from '../services/stores';

export const stores = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['stores'],
      summary: 'Stores: HQ all, staff their own (with 30-day figures), members the open-store directory',
      security: bearer,
      responses: { ...ok(storeSummaryListSchema), ...errors(401) },
    }),
    async (c) => c.json({ stores: await listStoreSummaries(openDb(c.env.DB), c.get('actor'), Date.now()) }),
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['stores'],
      summary: 'One store (HQ, or that store’s staff)',
      security: bearer,
      responses: { ...ok(storeSchema), ...errors(400, 401, 403, 404) },
    }),
    validate('param', storeIdParamSchema),
    async (c) => c.json(await getStore(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)),
  );
