import { jobNameSchema, type JobName } from '../../shared/schemas/jobs';
import { openDb } from '../db/client';
import { loadRules } from '../services/rules';
import { currentPeriod } from './periods';
import { JOBS } from './registry';
import { runJob, type RunOptions, type RunResult } from './runner';

/**
 * What one cron tick does (worker/scheduled.ts): each job's current period, if the rules give it
 * anything to do and it is not done; then runs left unfinished (an earlier period, a rerun) whose
 * invocation is gone. Each goes on from its cursor for at most the runner's budget.
 */
export async function runDueJobs(env: Env, now: number, opts: Omit<RunOptions, 'rerun' | 'triggeredBy'> = {}): Promise<RunResult[]> {
  const rules = await loadRules(openDb(env.DB));
  const out: RunResult[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(JOBS) as JobName[]) {
    const period = currentPeriod(name, now);
    seen.add(`${name}:${period}`);
    if (!JOBS[name].applies({ env, now, period, rules })) continue;
    out.push(await runJob(env, name, period, now, opts));
  }
  const left = await env.DB.prepare(`SELECT job, period FROM job_runs WHERE status = 'running' AND lease_until <= ? ORDER BY started_at LIMIT 5`).bind(now).all<{ job: string; period: string }>();
  for (const r of left.results) {
    const name = jobNameSchema.safeParse(r.job);
    if (name.success && !seen.has(`${r.job}:${r.period}`)) out.push(await runJob(env, name.data, r.period, now, opts));
  }
  return out;
}
