import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { storeCreateSchema, storeIdParamSchema, storeSchema, storeSummaryListSchema, storeUpdateSchema } from '../../shared/schemas/store';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { getStore, listStoreSummaries } from '../services/stores';
import { createStore, updateStore } from '../services/stores-admin';

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
  .post(
    '/',
    describeRoute({
      tags: ['stores'],
      summary: 'Open a store (HQ): code, name, address, phone, hours, status; a taken code is a 409 naming it; audited',
      security: bearer,
      responses: { ...ok(storeSchema), ...errors(400, 401, 403, 409) },
    }),
    validate('json', storeCreateSchema),
    async (c) => c.json(await createStore(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })),
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
  )
  .patch(
    '/:id',
    describeRoute({
      tags: ['stores'],
      summary: 'Edit a store (HQ): only the fields sent change; closing it keeps its history; audited with before/after',
      security: bearer,
      responses: { ...ok(storeSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    validate('param', storeIdParamSchema),
    validate('json', storeUpdateSchema),
    async (c) => c.json(await updateStore(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), { ip: clientAddress(c.req), now: Date.now() })),
  );
