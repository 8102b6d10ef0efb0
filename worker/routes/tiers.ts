import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { tierCodeSchema, tierSchema } from '../../shared/schemas/member';
import { tierEditSchema } from '../../shared/schemas/rules';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listTiers, saveTier } from '../services/tiers';

export const tiers = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags: ['members'], summary: 'Membership tiers: thresholds, discount, points multiplier', security: bearer, responses: { ...ok(z.object({ tiers: z.array(tierSchema) })), ...errors(401) } }),
    async (c) => c.json({ tiers: await listTiers(openDb(c.env.DB)) }),
  )
  .put(
    '/:code',
    describeRoute({ tags: ['members'], summary: 'Edit one tier (HQ; thresholds must climb with rank; versioned, audited)', security: bearer, responses: { ...ok(tierSchema), ...errors(400, 401, 403, 404, 409) } }),
    validate('param', z.object({ code: tierCodeSchema })),
    validate('json', tierEditSchema),
    async (c) => {
      const saved = await saveTier(openDb(c.env.DB), c.get('actor'), c.req.valid('param').code, c.req.valid('json'), clientAddress(c.req));
      c.header('x-rules-version', String(saved.version));
      return c.json(saved.tier);
    },
  );
