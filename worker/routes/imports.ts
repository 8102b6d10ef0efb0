import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { importOpeningBalances } from '../services/imports';

const importResultSchema = z.object({
  imported: z.number().int(),
  failed: z.array(z.object({ memberId: z.string(), code: z.string().nullable(), message: z.string().nullable() })),
  remaining: z.number().int(),
});

export const imports = new Hono<AppEnv>().post(
  '/opening-balances',
  describeRoute({
    tags: ['imports'],
    summary: 'Import pending opening balances (money, points, punch cards) into members’ ledgers; idempotent; HQ',
    security: bearer,
    responses: { ...ok(importResultSchema), ...errors(400, 401, 403) },
  }),
  validate('query', z.object({ limit: z.coerce.number().int().min(1).max(2000).default(500) })),
  async (c) => c.json(await importOpeningBalances(c.env, openDb(c.env.DB), c.get('actor'), c.req.valid('query').limit, clientAddress(c.req))),
);
