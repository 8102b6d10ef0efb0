import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { auditPageSchema, auditQuerySchema } from '../../shared/schemas/audit';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { searchAudit } from '../services/audit-log';

export const audit = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['audit'],
    summary: 'The audit log, newest first: filter by actor (id or username), store, action (or "kind."), entity, time range (UTC ms) and text; paged by cursor (limit ≤ 200). HQ all; a manager their own store’s',
    security: bearer,
    responses: { ...ok(auditPageSchema), ...errors(400, 401, 403) },
  }),
  validate('query', auditQuerySchema),
  async (c) => c.json(await searchAudit(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))),
);
