import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { rollupCheckQuerySchema, rollupCheckSchema, rollupRebuildRequestSchema, rollupRebuildSchema } from '../../shared/schemas/report-rollups';
import { clientAddress } from '../auth/middleware';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { checkReportRollups, rebuildReportRollups } from '../services/report-rollups';

/** HQ's upkeep of the report rollups (decision 028): a rebuild from the orders, and the check. */
export const reportRollups = new Hono<AppEnv>()
  .post(
    '/rebuild',
    describeRoute({ tags: ['reports'], summary: 'Rebuild every report rollup from the orders and ledgers, a few weeks per call: call again with `next` until null (HQ; audited). Run when the stores are closed', security: bearer, responses: { ...ok(rollupRebuildSchema), ...errors(400, 401, 403) } }),
    validate('json', rollupRebuildRequestSchema),
    async (c) => c.json(await rebuildReportRollups(c.env.DB, c.get('actor'), c.req.valid('json').from, clientAddress(c.req))),
  )
  .get(
    '/check',
    describeRoute({ tags: ['reports'], summary: 'The rollups of the last days against the orders and ledgers: every difference (HQ)', security: bearer, responses: { ...ok(rollupCheckSchema), ...errors(400, 401, 403) } }),
    validate('query', rollupCheckQuerySchema),
    async (c) => c.json(await checkReportRollups(c.env.DB, c.get('actor'), c.req.valid('query').days)),
  );
