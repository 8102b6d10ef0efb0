import type { JobName, JobRun } from '../../shared/schemas/jobs';
import { openDb } from '../db/client';
import { loadRules } from '../services/rules';
import { claimRun, getRun, releaseRun, restartRun, savePage } from './job-runs';
import { meteredEnv, type Meter } from './meter';
import { JOBS } from './registry';
import type { JobContext } from './types';

/** Members per page: one D1 read of them (and of what the job needs about them) per page. */
export const PAGE_SIZE = 500;
/**
 * Wall time an invocation spends on one run before it lets go (the cursor is saved after every
 * page): a cron invocation stays well inside Workers' limits whatever the chain's size, and the
 * next cron tick (every 10 minutes, wrangler.toml) takes the run on from its cursor.
 */
export const BUDGET_MS = 15_000;

/**
 * Subrequests (D1 calls and member-object calls, meter.ts) one cron invocation may spend on its job
 * runs. Cloudflare caps an invocation's subrequests to its own services at 1,000 on the plans that
 * cap them lowest; the tick's housekeeping and the notification sender keep the last 100. At 50,000
 * members a month's first night needs ~7,700 (bench/scheduled.ts): about nine ticks, not one.
 */
export const SUBREQUEST_BUDGET = 900;
/** A page asks at most one member object per member it holds, plus at most this many D1 calls (its own and the runner's). */
export const PAGE_OVERHEAD = 12;
/** Fewer members than this left room for: the run lets go rather than do a page mostly of overhead. */
const MIN_PAGE = 50;

export type RunOptions = {
  triggeredBy?: string;
  pageSize?: number;
  budgetMs?: number;
  rerun?: boolean;
  subrequestBudget?: number;
  /** What the invocation has spent already on other runs (the cron shares one across its runs; this run's is added). */
  spent?: Meter;
};

/** Members the next page may hold: what the invocation's subrequest budget has room for (0: none). */
export function pageRoom(opts: RunOptions, run: Meter): number {
  const size = opts.pageSize ?? PAGE_SIZE;
  const used = (opts.spent ? opts.spent.d1 + opts.spent.objects : 0) + run.d1 + run.objects;
  const room = Math.min(size, (opts.subrequestBudget ?? SUBREQUEST_BUDGET) - used - PAGE_OVERHEAD);
  return room >= Math.min(MIN_PAGE, size) ? room : 0;
}
/** What one invocation did on a run: its pages, wall time and the subrequests it made (meter.ts). */
export type RunStats = { pages: number; ms: number; processed: number; changed: number; failed: number } & Meter;
/** `claimed` false: the run was done already, or another invocation holds it (nothing was done). */
export type RunResult = { run: JobRun | null; finished: boolean; claimed: boolean; stats: RunStats };

/**
 * Runs (or goes on with) `name` for `period` at `now`. A done period is left alone unless `rerun`;
 * a run held by another invocation is left to it. A page that throws (D1 down) pauses the run: the
 * next invocation resumes from the last saved cursor.
 */
export async function runJob(baseEnv: Env, name: JobName, period: string, now: number, opts: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const stats: RunStats = { pages: 0, ms: 0, processed: 0, changed: 0, failed: 0, d1: 0, objects: 0 };
  const env = meteredEnv(baseEnv, stats);
  const result = await work(env, name, period, now, opts, started, stats);
  stats.ms = Date.now() - started;
  if (opts.spent) {
    opts.spent.d1 += stats.d1;
    opts.spent.objects += stats.objects;
  }
  // One line per run and invocation (Workers Logs): how near a tick comes to the cron's limits.
  if (result.claimed) console.log(`job-invocation ${JSON.stringify({ id: `${name}:${period}`, finished: result.finished, status: result.run?.status ?? null, ...stats })}`);
  return result;
}

async function work(env: Env, name: JobName, period: string, now: number, opts: RunOptions, started: number, stats: RunStats): Promise<RunResult> {
  const d1 = env.DB;
  const by = opts.triggeredBy ?? 'cron';
  const claimed = opts.rerun ? await restartRun(d1, name, period, now, by) : await claimRun(d1, name, period, now, by);
  if (!claimed) return { run: await getRun(d1, `${name}:${period}`), finished: false, claimed: false, stats };
  const ctx: JobContext = { env, now, period, rules: await loadRules(openDb(d1)) };
  const def = JOBS[name];
  let cursor = claimed.cursor;
  try {
    if (def.applies(ctx)) {
      for (;;) {
        const room = pageRoom(opts, stats);
        if (room === 0) {
          await releaseRun(d1, claimed.id, now, 'paused');
          return { run: await getRun(d1, claimed.id), finished: false, claimed: true, stats };
        }
        const page = await def.page(ctx, cursor, room);
        await savePage(d1, claimed.id, page, now);
        stats.pages++;
        stats.processed += page.processed;
        stats.changed += page.changed;
        stats.failed += page.failed;
        cursor = page.next;
        if (cursor === null) break;
        if (Date.now() - started >= (opts.budgetMs ?? BUDGET_MS) || pageRoom(opts, stats) === 0) {
          await releaseRun(d1, claimed.id, now, 'paused');
          return { run: await getRun(d1, claimed.id), finished: false, claimed: true, stats };
        }
      }
    }
    await releaseRun(d1, claimed.id, now, 'finished');
    return { run: await getRun(d1, claimed.id), finished: true, claimed: true, stats };
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300);
    console.error(`job ${claimed.id}: paused after an error`, e);
    await releaseRun(d1, claimed.id, now, 'paused', message).catch(() => undefined);
    return { run: await getRun(d1, claimed.id).catch(() => null), finished: false, claimed: true, stats };
  }
}
