import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import * as b from '../../shared/schemas/backup';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { exportManifest, exportMemberPage, exportTablePage } from '../services/backup-export';
import { restoreBegin, restoreFinish, restoreMembers, restoreRows } from '../services/backup-restore';
import type { StandardSchemaV1 } from '@standard-schema/spec';

const exporting = (summary: string, schema: StandardSchemaV1) =>
  describeRoute({ tags: ['backup'], summary: `${summary} (HQ; docs/decisions/017)`, security: bearer, responses: { ...ok(schema), ...errors(400, 401, 403, 404) } });
// No session: an empty deployment has no one to sign in. The x-restore-token header is checked inside.
const restoring = (summary: string, schema: StandardSchemaV1) =>
  describeRoute({ tags: ['backup'], summary: `${summary} (x-restore-token; empty deployment only)`, responses: { ...ok(schema), ...errors(400, 401, 403, 409) } });

const caller = (c: { env: Env; get(k: 'actor'): AppEnv['Variables']['actor']; req: { header(n: string): string | undefined } }, run: string) => ({
  env: c.env, db: openDb(c.env.DB), actor: c.get('actor'), run, ip: clientAddress(c.req),
});
const TOKEN = 'x-restore-token';

/** Backup and restore of a whole chain: `scripts/backup.ts` and `scripts/restore.ts` drive these. */
export const backup = new Hono<AppEnv>()
  .get('/manifest', exporting('What a backup holds: tables in restore order, row counts, migration level, watermark', b.manifestSchema), validate('query', b.runQuerySchema), async (c) =>
    c.json(await exportManifest(caller(c, c.req.valid('query').run))))
  .get('/tables/:table', exporting('One page of a D1 table’s rows, by rowid', b.tablePageSchema), validate('param', b.tableParamSchema), validate('query', b.tablePageQuerySchema), async (c) => {
    const q = c.req.valid('query');
    return c.json(await exportTablePage(caller(c, q.run), c.req.valid('param').table, q.after, q.limit));
  })
  .get('/members', exporting('One page of members, each with their account object’s whole state', b.memberPageSchema), validate('query', b.memberPageQuerySchema), async (c) => {
    const q = c.req.valid('query');
    return c.json(await exportMemberPage(caller(c, q.run), q.after, q.limit));
  })
  .post('/restore/begin', restoring('Start or resume restoring a backup', b.restoreBeginResultSchema), validate('json', b.restoreBeginSchema), async (c) =>
    c.json(await restoreBegin(c.env, c.req.header(TOKEN), c.req.valid('json'))))
  .post('/restore/rows', restoring('Load one page of a table’s rows (one D1 batch; repeats insert nothing)', z.object({ table: z.string(), rows: z.number(), inserted: z.number() })), validate('json', b.restoreRowsSchema), async (c) =>
    c.json(await restoreRows(c.env, c.req.header(TOKEN), c.req.valid('json'))))
  .post('/restore/members', restoring('Load members’ account objects and verify each', z.object({ members: z.array(b.restoredMemberSchema) })), validate('json', b.restoreMembersSchema), async (c) =>
    c.json(await restoreMembers(c.env, c.req.header(TOKEN), c.req.valid('json'))))
  .post('/restore/finish', restoring('Check the row counts, mark the restore done and audit it', z.object({ status: z.literal('done'), finishedAt: z.number() })), validate('json', b.restoreFinishSchema), async (c) =>
    c.json(await restoreFinish(c.env, c.req.header(TOKEN), c.req.valid('json'))));
