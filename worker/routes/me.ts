import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { meSchema } from '../../shared/schemas/me';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { describeMe } from '../services/me';

export const me = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['auth'],
    summary: 'The signed-in user, their store (staff) or their account (member)',
    security: bearer,
    responses: { ...ok(meSchema), ...errors(401) },
  }),
  async (c) => c.json(await describeMe(openDb(c.env.DB), c.get('actor'))),
);
