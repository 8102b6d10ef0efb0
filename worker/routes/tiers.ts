import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { tierSchema } from '../../shared/schemas/member';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { listTiers } from '../services/tiers';

export const tiers = new Hono<AppEnv>().get(
  '/',
  describeRoute({ tags: ['members'], summary: 'Membership tiers: thresholds, discount, points multiplier', security: bearer, responses: { ...ok(z.object({ tiers: z.array(tierSchema) })), ...errors(401) } }),
  async (c) => c.json({ tiers: await listTiers(openDb(c.env.DB)) }),
);
