// The nightly jobs (decision 019) on a large chain: how long each takes, how many cron invocations
// (ticks) it needs, and how many requests one invocation makes, against Cloudflare's limits for a
// cron trigger. Usage:
//   npx tsx bench/scheduled.ts [--members 50000] [--orders N (default 20 × members)]
//     [--nights 0,1,31] [--days-before 3] [--late-days 7] [--template ctpl-welcome-10]
//     [--persist-to .wrangler/bench-scheduled] [--port 8794] [--reseed]
//
// How it drives the jobs. The worker's own cron path (worker/index.ts `scheduled` → runScheduled →
// worker/jobs/cron.ts runDueJobs → runner.ts runJob for every job in worker/jobs/registry.ts) is
// fired through Miniflare's trigger endpoint `/cdn-cgi/local/scheduled?cron=…&time=<ms>`, which
// `wrangler dev` serves without `--test-scheduled` (wrangler sets `unsafeTriggerHandlers: true`;
// the `/__scheduled` route of `--test-scheduled` always uses Date.now()). `time` is the tick's
// scheduledTime: the fake clock the jobs see, so the bench picks the nights. The call returns when
// the invocation, including its `ctx.waitUntil`, is over: one call = one cron invocation. HQ's
// `POST /api/jobs/:name/run` is not used: it runs with the real clock and restarts the period from
// the start on every call, so a run it leaves paused can only be taken on by the cron anyway.
//
// The chain: `scripts/seed` (3 stores, members with birthdays on days 1–28 of every month, a year
// of orders, tiers from that spend, opening balances imported into every member's object; opening
// points never expire). Seeded once per size into `<persist>/seed-<members>-<orders>`, then copied
// to `<persist>/run` for every bench run, so each run starts from the same state. The bench then,
// as HQ, switches on birthday coupons (the demo rules have none) from a 30-day template, shortens
// the tier review's window to --window-months (6: the seed's tiers come from a year of spend and a
// tier's keep is 75 % of its upgrade, so the demo's 12-month window downgrades no one), and runs
// cron ticks, every 10 minutes of fake time from 02:00 (UTC+8), on each night of `--nights`
// (days after tomorrow): by default tomorrow (the month's tier review: members below their tier's
// keep get their grace review; the birthday coupons' catch-up window), the day after (a steady
// night), and 31 days later (next month's review: downgrades; night one's coupons expire).
//
// What is measured. Per tick: wall time of the invocation, CPU of the dev server's workerd
// processes over it (worker, Durable Objects and local D1 together: an upper bound for the
// Worker's own CPU), and, per job run it worked on, the runner's own `job-invocation` log line
// (worker/jobs/runner.ts): pages, wall time, and the subrequests it made, counted as they are made
// (worker/jobs/meter.ts: D1 calls, a batch being one, and member-object stubs). The tick's
// housekeeping, rules and left-over-runs queries and the notification sender add a few (PER_TICK).
// The job log is read with a fresh HQ session after each tick: a tick at a fake clock weeks ahead
// purges every session that expires before it, the bench's too.
//
// Cloudflare's limits for a cron trigger (cloudflare/cloudflare-docs,
// src/content/docs/workers/platform/limits.mdx, and developers.cloudflare.com/workers/platform/limits/):
// - CPU: "When the schedule interval is less than 1 hour, a Scheduled Worker may run for up to 30
//   seconds" of CPU (ours fires every 10 minutes; wrangler.toml). The current page gives 5 min of CPU
//   on Workers Paid; 30 s stays the default unless `limits.cpu_ms` raises it (changelog 2025-03-25).
// - Duration (wall clock): "15 min duration limit for Cron Triggers, Durable Object Alarms and Queue
//   Consumers".
// - Subrequests: "A subrequest is any request that a Worker makes to either Internet resources using
//   the Fetch API or requests to other Cloudflare services like R2, KV, or D1"; "For subrequests to
//   internal services like Workers KV and Durable Objects, the subrequest limit is 1,000 per
//   request" (Workers Paid: 1,000/request in that version). The current page lists 10,000/request
//   on Workers Paid (configurable with `limits.subrequests`) and 50 on Free. Both are printed.
import { request as httpRequest } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer, type DevServer } from '../scripts/dev-server';
import { businessDay } from '../shared/domain/business-day';
import type { JobRun } from '../shared/schemas/jobs';
import type { ChainRules } from '../shared/schemas/rules';
import { periodStart } from '../worker/jobs/periods';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '50000' },
    orders: { type: 'string' },
    nights: { type: 'string', default: '0,1,31' },
    'days-before': { type: 'string', default: '3' },
    'late-days': { type: 'string', default: '7' },
    template: { type: 'string', default: 'ctpl-welcome-10' },
    'window-months': { type: 'string', default: '6' },
    'grace-reviews': { type: 'string', default: '1' },
    'persist-to': { type: 'string', default: '.wrangler/bench-scheduled' },
    port: { type: 'string', default: '8794' },
    'max-ticks': { type: 'string', default: '200' },
    reseed: { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(values.members);
const ORDERS = values.orders === undefined ? MEMBERS * 20 : Number(values.orders);
const NIGHTS = values.nights!.split(',').map(Number);
const MAX_TICKS = Number(values['max-ticks']);
const PORT = Number(values.port);
const ROOT = values['persist-to']!;
const DAY = 86_400_000;
const MIN = 60_000;
const CRON = '*/10 * * * *'; // wrangler.toml [triggers]

// The runner's page size and time budget, read from its source so the figures follow the code.
const runnerSrc = readFileSync('worker/jobs/runner.ts', 'utf8');
const sourceConst = (name: string) => Number(new RegExp(`export const ${name} = ([\\d_]+)`).exec(runnerSrc)?.[1]?.replaceAll('_', '') ?? NaN);
const PAGE_SIZE = sourceConst('PAGE_SIZE');
const BUDGET_MS = sourceConst('BUDGET_MS');
// The jobs in the order the cron runs them (the keys of JOBS in worker/jobs/registry.ts).
const jobsLine = /export const JOBS[^=]*= \{([^}]*)\}/.exec(readFileSync('worker/jobs/registry.ts', 'utf8'))?.[1] ?? '';
const REGISTRY = jobsLine.split(',').map((e) => e.split(':')[0]!.trim().replace(/'/g, '')).filter(Boolean);

const LIMITS = { cpuMs: 30_000, wallMs: 15 * 60_000, subrequestsOld: 1_000, subrequestsNow: 10_000 };

// The tick's own D1 calls outside the runs: housekeeping batch, rules, left-over runs, the sender's claim.
const PER_TICK = 4;

type Worked = { id: string; job: string; period: string; processed: number; changed: number; failed: number; pages: number; finished: boolean; status: string; shareMs: number; objects: number; d1: number };
type Tick = { n: number; at: number; wallMs: number; cpuMs: number; outcome: string; worked: Worked[]; otherMs: number; subrequests: number };
type Invocation = { id: string; finished: boolean; status: string | null; pages: number; ms: number; processed: number; changed: number; failed: number; d1: number; objects: number };

const fmtS = (ms: number) => (ms / 1000).toFixed(1);
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// CPU of the dev server's processes (its own process group: npx, wrangler, workerd), from /proc.
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      if (Number(f[2]) !== pgid || !name.startsWith('workerd')) continue;
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** One request on its own connection (a long call under wrangler dev must not share a pooled socket). */
function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(20 * 60_000, () => req.destroy(new Error('scheduled call timed out after 20 min')));
    req.on('error', reject);
    req.end();
  });
}

async function prepareState(): Promise<string> {
  const seedDir = join(ROOT, `seed-${MEMBERS}-${ORDERS}`);
  const marker = join(seedDir, 'bench-seeded.json');
  if (values.reseed) rmSync(seedDir, { recursive: true, force: true });
  if (!existsSync(marker)) {
    mkdirSync(seedDir, { recursive: true });
    const t0 = Date.now();
    console.log(`▶ seeding ${MEMBERS.toLocaleString()} members, ${ORDERS.toLocaleString()} orders into ${seedDir} and importing opening balances (once per size)…`);
    const s = await startDevServer({ port: PORT, persistTo: seedDir, seedArgs: ['--members', String(MEMBERS), '--orders', String(ORDERS)], quiet: true, logFile: join(ROOT, 'seed-wrangler.log') });
    await s.stop();
    writeFileSync(marker, JSON.stringify({ members: MEMBERS, orders: ORDERS, seededAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 }));
    console.log(`  seeded and imported in ${fmtS(Date.now() - t0)} s`);
  }
  const runDir = join(ROOT, 'run');
  rmSync(runDir, { recursive: true, force: true });
  const t0 = Date.now();
  cpSync(seedDir, runDir, { recursive: true });
  console.log(`▶ copied the seeded chain to ${runDir} (${fmtS(Date.now() - t0)} s)`);
  return runDir;
}

const runDir = await prepareState();
const logFile = join(ROOT, 'run-wrangler.log');
rmSync(logFile, { force: true });
const server: DevServer = await startDevServer({ port: PORT, persistTo: runDir, seedArgs: ['--members', String(MEMBERS), '--orders', String(ORDERS)], quiet: true, logFile });
const base = server.baseUrl;
const pgid = server.child.pid!;
let httpCalls = 0;

async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  httpCalls++;
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.9.0.1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

const login = async () => (await api<{ token: string }>('POST', '/api/auth/login', null, { username: 'admin', password: 'demo1234' })).token;
const logBytes = () => (existsSync(logFile) ? statSync(logFile).size : 0);

/** The runner's `job-invocation` lines written since byte `from` of the dev server's log. */
function invocationsSince(from: number): Invocation[] {
  const text = readFileSync(logFile).subarray(from).toString('utf8');
  return [...text.matchAll(/job-invocation (\{.*\})/g)].map((m) => JSON.parse(m[1]!) as Invocation);
}

async function tick(n: number, at: number): Promise<Tick> {
  const from = logBytes();
  const cpu0 = groupCpuMs(pgid);
  const t0 = performance.now();
  let outcome: string;
  try {
    httpCalls++;
    const r = await getOnce(`${base}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(CRON)}&time=${at}&format=json`);
    outcome = r.status === 200 ? ((JSON.parse(r.body) as { outcome?: string }).outcome ?? r.body) : `HTTP ${r.status} ${r.body.slice(0, 200)}`;
  } catch (e) {
    outcome = `error: ${e instanceof Error ? e.message : String(e)}`;
  }
  const wallMs = performance.now() - t0;
  const cpuMs = groupCpuMs(pgid) - cpu0;
  await sleep(500); // wrangler relays workerd's output a moment later
  const worked: Worked[] = invocationsSince(from).map((v) => {
    const [job, period] = [v.id.slice(0, v.id.indexOf(':')), v.id.slice(v.id.indexOf(':') + 1)];
    return { id: v.id, job: job!, period: period!, processed: v.processed, changed: v.changed, failed: v.failed, pages: v.pages, finished: v.finished, status: v.finished ? (v.status ?? '?') : 'paused', shareMs: v.ms, objects: v.objects, d1: v.d1 };
  });
  const inRuns = worked.reduce((s, w) => s + w.shareMs, 0);
  return { n, at, wallMs, cpuMs, outcome, worked, otherMs: Math.max(0, wallMs - inRuns), subrequests: PER_TICK + worked.reduce((s, w) => s + w.objects + w.d1, 0) };
}

type JobTotal = { job: string; period: string; ticks: number; wallMs: number; worstMs: number; processed: number; changed: number; failed: number; pages: number; objects: number; d1: number; worstSub: number; status: string; lastError: string | null };

function printNight(label: string, ticks: Tick[]) {
  const totals = new Map<string, JobTotal>();
  for (const t of ticks) {
    for (const w of t.worked) {
      const x = totals.get(w.id) ?? { job: w.job, period: w.period, ticks: 0, wallMs: 0, worstMs: 0, processed: 0, changed: 0, failed: 0, pages: 0, objects: 0, d1: 0, worstSub: 0, status: w.status, lastError: null };
      x.ticks++;
      x.wallMs += w.shareMs;
      x.worstMs = Math.max(x.worstMs, w.shareMs);
      x.processed += w.processed;
      x.changed += w.changed;
      x.failed += w.failed;
      x.pages += w.pages;
      x.objects += w.objects;
      x.d1 += w.d1;
      x.worstSub = Math.max(x.worstSub, w.objects + w.d1);
      x.status = w.status;
      totals.set(w.id, x);
    }
  }
  console.log(`\n${label}`);
  for (const t of ticks) {
    const jobs = t.worked.map((w) => `${w.job} ${fmtS(w.shareMs)} s/${w.pages}p/${w.processed}${w.finished ? ` ${w.status}` : ' paused'}`).join(', ');
    console.log(`  tick ${String(t.n).padStart(2)} @ ${local(t.at)}  wall ${fmtS(t.wallMs).padStart(6)} s  workerd CPU ${fmtS(t.cpuMs).padStart(6)} s  subrequests ${String(t.subrequests).padStart(5)}  [${t.outcome}]  ${jobs || '(nothing to do)'}  · rest ${fmtS(t.otherMs)} s`);
  }
  const head = ['job', 'period', 'status', 'wall s', 'invocations', 'worst inv. s', 'processed', 'changed', 'failed', 'pages', 'object calls', 'D1 calls', 'worst inv. subreq'];
  const rows = [...totals.values()].sort((a, b) => REGISTRY.indexOf(a.job) - REGISTRY.indexOf(b.job)).map((x) => [x.job, x.period, x.status, fmtS(x.wallMs), String(x.ticks), fmtS(x.worstMs), String(x.processed), String(x.changed), String(x.failed), String(x.pages), String(x.objects), String(x.d1), String(x.worstSub)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log('  ' + head.map((h, i) => h.padStart(widths[i]!)).join('  '));
  for (const r of rows) console.log('  ' + r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  const worst = ticks.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), ticks[0]!);
  const worstCpu = Math.max(...ticks.map((t) => t.cpuMs));
  const worstSub = Math.max(...ticks.map((t) => t.subrequests));
  console.log(`  night: ${ticks.length} invocations, ${fmtS(ticks.reduce((s, t) => s + t.wallMs, 0))} s of wall time in all; worst invocation ${fmtS(worst.wallMs)} s wall (${((100 * worst.wallMs) / LIMITS.wallMs).toFixed(1)} % of 15 min),` +
    ` ${fmtS(worstCpu)} s workerd CPU (${((100 * worstCpu) / LIMITS.cpuMs).toFixed(0)} % of 30 s; worker + objects + local D1, an upper bound),` +
    ` ${worstSub} subrequests (${((100 * worstSub) / LIMITS.subrequestsOld).toFixed(0)} % of 1,000; ${((100 * worstSub) / LIMITS.subrequestsNow).toFixed(0)} % of 10,000)`);
  return { ticks: ticks.length, worstWall: worst.wallMs, worstCpu, worstSub };
}

try {
  const token = await login();
  const rules = await api<ChainRules>('GET', '/api/rules', token);
  const birthdayCoupon = { active: true, templateId: values.template!, daysBefore: Number(values['days-before']), lateDays: Number(values['late-days']) };
  const tierReview = { ...rules.tierReview, windowMonths: Number(values['window-months']), graceReviews: Number(values['grace-reviews']) };
  await api('PUT', '/api/rules', token, { ...rules, birthdayCoupon, tierReview });
  console.log(`chain: ${MEMBERS.toLocaleString()} members, ${ORDERS.toLocaleString()} orders · runner: ${PAGE_SIZE} members a page, lets go after ${BUDGET_MS / 1000} s · jobs in the registry: ${REGISTRY.join(', ')}`);
  console.log(`rules: tier review ${JSON.stringify(tierReview)} (window and grace set by the bench; the demo's were ${rules.tierReview.windowMonths} months, ${rules.tierReview.graceReviews} grace); birthday coupons ${JSON.stringify(birthdayCoupon)} (switched on by the bench); points expiry ${JSON.stringify(rules.pointsExpiry)}`);
  console.log(`ticks: ${CRON} from 02:00 (UTC+8), fake clock via /cdn-cgi/local/scheduled; per-run figures from the runner's job-invocation log lines`);
  const tomorrow = businessDay(Date.now() + DAY);
  const summary: { label: string; ticks: number; worstWall: number; worstCpu: number; worstSub: number }[] = [];
  for (const offset of NIGHTS) {
    const first = periodStart(tomorrow) + offset * DAY + 2 * 60 * MIN;
    const label = `night ${businessDay(first)} (tomorrow + ${offset} d)`;
    const ticks: Tick[] = [];
    for (let k = 0; k < MAX_TICKS; k++) {
      const t = await tick(k + 1, first + k * 10 * MIN);
      ticks.push(t);
      if (process.env.BENCH_VERBOSE) console.log(JSON.stringify({ n: t.n, wall: t.wallMs, cpu: t.cpuMs, outcome: t.outcome, worked: t.worked }));
      const { runs } = await api<{ runs: JobRun[] }>('GET', '/api/jobs?limit=200', await login());
      if (!runs.some((r) => r.status === 'running')) break;
    }
    summary.push({ label, ...printNight(label, ticks) });
  }
  const all = summary.reduce((a, b) => ({ worstWall: Math.max(a.worstWall, b.worstWall), worstCpu: Math.max(a.worstCpu, b.worstCpu), worstSub: Math.max(a.worstSub, b.worstSub) }), { worstWall: 0, worstCpu: 0, worstSub: 0 });
  console.log(`\nworst invocation over all nights: wall ${fmtS(all.worstWall)} s (limit 15 min), workerd CPU ${fmtS(all.worstCpu)} s (limit 30 s CPU for a cron under an hourly interval), ${all.worstSub} subrequests (limit 1,000 in the docs' older text and for Durable Objects; 10,000 on Workers Paid now)`);
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const reloads = (log.match(/Reloading local server|reloading/gi) ?? []).length;
  const paused = (log.match(/paused after an error/g) ?? []).length;
  console.log(`bench HTTP calls: ${httpCalls} (${summary.reduce((s, x) => s + x.ticks, 0)} scheduled invocations, the rest sign-ins, job-log reads and setup) · wrangler log: ${reloads} reloads, ${paused} "paused after an error" (${logFile})`);
} finally {
  await server.stop();
}
