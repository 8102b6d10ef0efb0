import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { members } from './members';

/**
 * Scheduled jobs (worker/jobs, decision 019): one row per job and period ("2026-12", "2026-12-07").
 * A period runs once; a crash resumes from `cursor` (the last member id done); a done period is
 * only run again by HQ's rerun, and each job is idempotent per member and period, so a rerun
 * changes only what the first run failed to change.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: text('id').primaryKey(), // `${job}:${period}`
    job: text('job').notNull(),
    period: text('period').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    processed: integer('processed').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cursor: text('cursor'),
    // Held by the invocation working on the run until then: another one (a second cron, a rerun) waits.
    leaseUntil: integer('lease_until').notNull().default(0),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    lastError: text('last_error'),
    // 'cron' or the HQ staff id that asked for a (re)run.
    triggeredBy: text('triggered_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('job_runs_started_idx').on(t.startedAt), index('job_runs_status_idx').on(t.status)],
);

/** The tier review's memory per member: the period last reviewed and the grace reviews used on the tier. */
export const memberTierReviews = sqliteTable('member_tier_reviews', {
  memberId: text('member_id').primaryKey().references(() => members.id),
  period: text('period').notNull(),
  tierCode: text('tier_code').notNull(),
  misses: integer('misses').notNull().default(0),
  outcome: text('outcome').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
