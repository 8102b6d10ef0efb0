import { z } from 'zod';

/** The scheduled jobs (worker/jobs, decision 019) and their periods: a month or a business day. */
export const jobNameSchema = z.enum(['tier-review', 'expiry', 'birthday-coupons', 'notify-reminders', 'low-stock-alerts', 'rollup-check', 'member-analysis']);
export type JobName = z.infer<typeof jobNameSchema>;
export const JOB_CADENCE: Record<JobName, 'monthly' | 'daily'> = { 'tier-review': 'monthly', expiry: 'daily', 'birthday-coupons': 'daily', 'notify-reminders': 'daily', 'low-stock-alerts': 'daily', 'rollup-check': 'daily', 'member-analysis': 'daily' };

export const monthPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export const dayPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day YYYY-MM-DD');

export const jobRunSchema = z
  .object({
    id: z.string(),
    job: z.string(),
    period: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    processed: z.number().int(),
    changed: z.number().int(),
    failed: z.number().int(),
    cursor: z.string().nullable(),
    startedAt: z.number().int(),
    finishedAt: z.number().int().nullable(),
    lastError: z.string().nullable(),
    triggeredBy: z.string(),
    updatedAt: z.number().int(),
  })
  .meta({ id: 'JobRun' });
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobListQuerySchema = z.object({
  job: jobNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const jobListSchema = z.object({ runs: z.array(jobRunSchema) });
export const jobNameParamSchema = z.object({ name: jobNameSchema });
/** Which period to (re)run; absent: the current one. Checked against the job's cadence. */
export const jobRunRequestSchema = z.object({ period: z.union([monthPeriodSchema, dayPeriodSchema]).optional() }).strict();
export const jobRunResultSchema = z.object({ run: jobRunSchema, finished: z.boolean() });
