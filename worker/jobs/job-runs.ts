import type { JobRun } from '../../shared/schemas/jobs';

/*
 * The job log (job_runs) as plain D1 statements: every claim is one conditional statement, so two
 * invocations (a late cron and the next one, or HQ's rerun) never work on one run at once.
 */

/** How long an invocation holds a run before another may take it over (it crashed or was cut off). */
export const LEASE_MS = 5 * 60_000;

type Row = Record<string, unknown>;
const runOf = (r: Row): JobRun => ({
  id: String(r.id), job: String(r.job), period: String(r.period), status: r.status as JobRun['status'],
  processed: Number(r.processed), changed: Number(r.changed), failed: Number(r.failed), cursor: (r.cursor as string | null) ?? null,
  startedAt: Number(r.started_at), finishedAt: r.finished_at === null ? null : Number(r.finished_at), lastError: (r.last_error as string | null) ?? null,
  triggeredBy: String(r.triggered_by), updatedAt: Number(r.updated_at),
});

export async function getRun(d1: D1Database, id: string): Promise<JobRun | null> {
  const r = await d1.prepare('SELECT * FROM job_runs WHERE id = ?').bind(id).first<Row>();
  return r ? runOf(r) : null;
}

export async function listRuns(d1: D1Database, job: string | undefined, limit: number): Promise<JobRun[]> {
  const q = job ? d1.prepare('SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id LIMIT ?').bind(job, limit) : d1.prepare('SELECT * FROM job_runs ORDER BY started_at DESC, id LIMIT ?').bind(limit);
  return (await q.all<Row>()).results.map(runOf);
}

const insertRun = (d1: D1Database, job: string, period: string, now: number, by: string) =>
  d1.prepare(`INSERT INTO job_runs (id, job, period, status, lease_until, started_at, triggered_by, updated_at) VALUES (?, ?, ?, 'running', ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING RETURNING *`)
    .bind(`${job}:${period}`, job, period, now + LEASE_MS, now, by, now).first<Row>();

/**
 * Takes the run of `job` for `period`: a new one, or a running one whose holder is gone. Null: it
 * is done (or failed: only a rerun repeats it), or another invocation holds it.
 */
export async function claimRun(d1: D1Database, job: string, period: string, now: number, by: string): Promise<JobRun | null> {
  const made = await insertRun(d1, job, period, now, by);
  if (made) return runOf(made);
  const taken = await d1.prepare(`UPDATE job_runs SET lease_until = ?, updated_at = ? WHERE id = ? AND status = 'running' AND lease_until <= ? RETURNING *`)
    .bind(now + LEASE_MS, now, `${job}:${period}`, now).first<Row>();
  return taken ? runOf(taken) : null;
}

/** HQ's rerun: the period from the start, counts reset (null: an invocation is working on it now). */
export async function restartRun(d1: D1Database, job: string, period: string, now: number, by: string): Promise<JobRun | null> {
  const made = await insertRun(d1, job, period, now, by);
  if (made) return runOf(made);
  const r = await d1.prepare(`UPDATE job_runs SET status = 'running', processed = 0, changed = 0, failed = 0, cursor = NULL, last_error = NULL, finished_at = NULL,
      lease_until = ?, started_at = ?, triggered_by = ?, updated_at = ? WHERE id = ? AND (status != 'running' OR lease_until <= ?) RETURNING *`)
    .bind(now + LEASE_MS, now, by, now, `${job}:${period}`, now).first<Row>();
  return r ? runOf(r) : null;
}

export type PageCounts = { processed: number; changed: number; failed: number; error: string | null; next: string | null };

/** Records one page's work and where to go on; the lease is renewed while the run goes on. */
export function savePage(d1: D1Database, id: string, p: PageCounts, now: number): Promise<unknown> {
  return d1.prepare(`UPDATE job_runs SET processed = processed + ?, changed = changed + ?, failed = failed + ?, cursor = ?, last_error = coalesce(?, last_error), lease_until = ?, updated_at = ? WHERE id = ?`)
    .bind(p.processed, p.changed, p.failed, p.next, p.error, now + LEASE_MS, now, id).run();
}

/** Ends the run (done, or failed if any member failed), or lets it go for the next invocation to go on. */
export function releaseRun(d1: D1Database, id: string, now: number, outcome: 'finished' | 'paused', error: string | null = null): Promise<unknown> {
  if (outcome === 'paused') return d1.prepare('UPDATE job_runs SET lease_until = 0, last_error = coalesce(?, last_error), updated_at = ? WHERE id = ?').bind(error, now, id).run();
  return d1.prepare(`UPDATE job_runs SET status = CASE WHEN failed > 0 THEN 'failed' ELSE 'done' END, finished_at = ?, lease_until = 0, updated_at = ? WHERE id = ?`).bind(now, now, id).run();
}
