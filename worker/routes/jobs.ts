import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { assertHq } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { jobListQuerySchema, jobListSchema, jobNameParamSchema, jobRunRequestSchema, jobRunResultSchema } from '../../shared/schemas/jobs';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { listRuns } from '../jobs/job-runs';
import { checkPeriod, currentPeriod } from '../jobs/periods';
import { runJob } from '../jobs/runner';
import { auditInsert } from '../services/audit';

/** HQ's job log (decision 019): what ran, for how many, what failed; and a (re)run of a period. */
export const jobs = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags: ['jobs'], summary: 'Recent runs of the scheduled jobs, newest first (HQ)', security: bearer, responses: { ...ok(jobListSchema), ...errors(400, 401, 403) } }),
    validate('query', jobListQuerySchema),
    async (c) => {
      assertHq(c.get('actor'));
      const q = c.req.valid('query');
      return c.json({ runs: await listRuns(c.env.DB, q.job, q.limit) });
    },
  )
  .post(
    '/:name/run',
    describeRoute({
      tags: ['jobs'], summary: 'Run a job’s period again from the start (HQ; audited). Only what the first run left undone changes', security: bearer,
      responses: { ...ok(jobRunResultSchema), ...errors(400, 401, 403, 409) },
    }),
    validate('param', jobNameParamSchema),
    validate('json', jobRunRequestSchema),
    async (c) => {
      const actor = c.get('actor');
      assertHq(actor);
      const { name } = c.req.valid('param');
      const now = Date.now();
      const period = checkPeriod(name, c.req.valid('json').period ?? currentPeriod(name, now), now);
      const result = await runJob(c.env, name, period, now, { rerun: true, triggeredBy: actor.id });
      if (!result.claimed || !result.run) {
        throw new DomainError('CONFLICT', `${name} for ${period} is being run now; look at the job log in a few minutes`);
      }
      const db = openDb(c.env.DB);
      await auditInsert(db, { actor, action: 'job.run', entity: 'job_run', entityId: result.run.id, ip: clientAddress(c.req), at: now, detail: { job: name, period, finished: result.finished, processed: result.run.processed, changed: result.run.changed, failed: result.run.failed } });
      return c.json({ run: result.run, finished: result.finished });
    },
  );
