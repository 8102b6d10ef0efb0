import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { memberIdParamSchema, memberListSchema, memberSchema, memberSearchQuerySchema } from '../../shared/schemas/member';
import { limitCostlyRead } from '../auth/rate-limit';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { getMember, searchMembers } from '../services/members';

export const members = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['members'],
      summary: 'Search members by phone (or its last digits), name or card number, scoped by role',
      security: bearer,
      responses: { ...ok(memberListSchema), ...errors(400, 401, 403, 429) },
    }),
    limitCostlyRead,
    validate('query', memberSearchQuerySchema),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ members: await searchMembers(openDb(c.env.DB), c.get('actor'), q, limit) });
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['members'],
      summary: 'One member (HQ; the store that serves them; the member themself)',
      security: bearer,
      responses: { ...ok(memberSchema), ...errors(400, 401, 403, 404) },
    }),
    validate('param', memberIdParamSchema),
    async (c) => c.json(await getMember(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)),
  );
