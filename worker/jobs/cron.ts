import { jobNameSchema, type JobName } from '../../shared/schemas/jobs';
import { openDb } from '../db/client';
import { loadRules } from '../services/rules';
import { currentPeriod } from './periods';
import { JOBS } from './registry';
import type { Meter } from './meter';
import { pageRoom, runJob, type RunOptions, type RunResult } from './runner';

/**
 * What one cron tick does (worker/scheduled.ts): each job's current period, if the rules give it
 * anything to do and it is not done; then runs left unfinished (an earlier period, a rerun) whose
 * invocation is gone. Each goes on from its cursor for at most the runner's time budget; all of
 * them share the invocation's subrequest budget, and once it is spent the rest wait for the next tick.
 */
export async function runDueJobs(env: Env, now: number, opts: Omit<RunOptions, 'rerun' | 'triggeredBy' | 'spent'> = {}): Promise<RunResult[]> {
  const spent: Meter = { d1: 0, objects: 0 };
  const none: Meter = { d1: 0, objects: 0 };
  const o: RunOptions = { ...opts, spent };
  const rules = await loadRules(openDb(env.DB));
  const out: RunResult[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(JOBS) as JobName[]) {
    const period = currentPeriod(name, now);
    seen.add(`${name}:${period}`);
    if (!JOBS[name].applies({ env, now, period, rules })) continue;
    if (pageRoom(o, none) === 0) return out;
    out.push(await runJob(env, name, period, now, o));
  }
  const left = await env.DB.prepare(`SELECT job, period FROM job_runs WHERE status = 'running' AND lease_until <= ? ORDER BY started_at LIMIT 5`).bind(now).all<{ job: string; period: string }>();
  for (const r of left.results) {
    const name = jobNameSchema.safeParse(r.job);
    if (pageRoom(o, none) === 0) break;
    if (name.success && !seen.has(`${r.job}:${r.period}`)) out.push(await runJob(env, name.data, r.period, now, o));
  }
  return out;
}
