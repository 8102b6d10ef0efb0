import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as s from '../../shared/schemas/member-admin';
import { memberIdParamSchema } from '../../shared/schemas/member';
import { clientAddress } from '../auth/middleware';
import { limitCostlyRead } from '../auth/rate-limit';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { exportMembersCsv } from '../services/member-admin-export';
import { commitMemberImport, previewMemberImport } from '../services/member-admin-import';
import { memberDetail, searchMemberPage } from '../services/member-admin-search';
import { assignMembers, changeTags } from '../services/member-admin-writes';

type C = { env: Env; get(k: 'actor'): AppEnv['Variables']['actor']; req: { header(n: string): string | undefined } };
const ctx = (c: C) => ({ env: c.env, db: openDb(c.env.DB), d1: c.env.DB, actor: c.get('actor'), ip: clientAddress(c.req) });
const doc = (summary: string, responses: object) => describeRoute({ tags: ['member-admin'], summary, security: bearer, responses: responses as never });
const csvDoc = { 200: { description: 'CSV, UTF-8 with a BOM', content: { 'text/csv': { schema: { type: 'string' } } } } };

/** HQ's member back office (docs/decisions/026); the counter's member routes are in ./members and ./accounts. */
export const memberAdmin = new Hono<AppEnv>()
  .get('/members', doc('Members by name, phone (or its last 4), card, tag, tier, home store, status; paged; a store’s staff get their store’s; phones masked by role', { ...ok(s.memberAdminPageSchema), ...errors(400, 401, 403, 429) }),
    limitCostlyRead, validate('query', s.memberAdminQuerySchema), async (c) => c.json(await searchMemberPage(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .get('/members/export', doc('The filtered list as CSV (managers: their store’s; HQ: the chain; audited)', { ...csvDoc, ...errors(400, 401, 403, 429) }),
    limitCostlyRead, validate('query', s.memberAdminFilterSchema), async (c) => {
      const { csv } = await exportMembersCsv(openDb(c.env.DB), c.get('actor'), c.req.valid('query'), clientAddress(c.req));
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="members-${day}.csv"` });
    })
  .get('/members/:id', doc('One member’s record with tags (the record rule of decision 002)', { ...ok(s.memberAdminDetailSchema), ...errors(400, 401, 403, 404) }),
    validate('param', memberIdParamSchema), async (c) => c.json(await memberDetail(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .post('/tags', doc('Add or remove staff tags on members (HQ; staff of a store that serves them); audited per member; the opId makes a repeat change nothing', { ...ok(s.memberTagsResultSchema), ...errors(400, 401, 403, 404) }),
    validate('json', s.memberTagsRequestSchema), async (c) => c.json(await changeTags(ctx(c), c.req.valid('json'))))
  .post('/assign', doc('新店会员分配: give members another home store (HQ); audited per member; idempotent', { ...ok(s.memberAssignResultSchema), ...errors(400, 401, 403, 404) }),
    validate('json', s.memberAssignRequestSchema), async (c) => c.json(await assignMembers(ctx(c), c.req.valid('json'))))
  .post('/imports/preview', doc('Check a members CSV (with opening balances) row by row; writes nothing (HQ)', { ...ok(s.memberImportPreviewSchema), ...errors(400, 401, 403, 404) }),
    validate('json', s.memberImportPreviewRequestSchema), async (c) => {
      const b = c.req.valid('json');
      return c.json(await previewMemberImport(ctx(c), b.storeId, b.csv));
    })
  .post('/imports/commit', doc('Create the CSV’s members and import their opening balances once (HQ); rows with errors change nothing; a re-run creates nothing twice', { ...ok(s.memberImportResultSchema), ...errors(400, 401, 403, 404) }),
    validate('json', s.memberImportCommitRequestSchema), async (c) => c.json(await commitMemberImport(ctx(c), c.req.valid('json'))));
