import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { alertIdParamSchema, alertListQuerySchema, alertListSchema, alertResolveResultSchema } from '../../shared/schemas/alerts';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listAlerts, resolveAlert } from '../services/alerts';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['alerts'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });

/** Staff alerts (decision 019): low stock, rollup mismatches — a store's manager sees their store's, HQ all. */
export const alerts = new Hono<AppEnv>()
  .get('/', doc('Alerts, newest first, e.g. open=true (a manager: their store; HQ: any)', alertListSchema, 400, 401, 403), validate('query', alertListQuerySchema), async (c) =>
    c.json({ alerts: await listAlerts(openDb(c.env.DB), c.get('actor'), c.req.valid('query')) }))
  .post('/:id/resolve', doc('Mark an alert dealt with (its store’s manager or HQ; audited). Twice changes nothing more', alertResolveResultSchema, 400, 401, 403, 404), validate('param', alertIdParamSchema), async (c) =>
    c.json(await resolveAlert(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, { ip: clientAddress(c.req), now: Date.now() })));
