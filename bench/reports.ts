// HQ's reports on a large chain (issue 19): p50/p95 of each report route for a 30- and a 365-day
// period, all stores and one, on `wrangler dev`; and the HQ home's first paint in Chromium. Usage:
//   npx tsx bench/reports.ts [--members 50000] [--orders N (default 20 × members)] [--runs 20]
//     [--persist-to .wrangler/bench-reports] [--seed-from .wrangler/bench-scheduled/seed-50000-1000000]
//     [--port 8796] [--paint-runs 5]
//
// The chain: `scripts/seed` (3 stores, a year of orders ending at the seed's anchor, opening
// balances imported), whose last step builds the report rollups from those orders by the same
// SELECTs the live batches use (worker/reports/rollup-rebuild.ts). A chain seeded before the
// rollups existed (`--seed-from`, e.g. bench/scheduled's) is copied and rebuilt once through HQ's
// `POST /api/reports/rollups/rebuild`, which is timed and printed too. The nightly member analysis
// (RFM, retention) is run once through HQ's job run before measuring.
//
// What is measured: wall time of each request from this process (HQ's token, sequential, after 2
// warm-ups), so a figure includes the dev server's HTTP, the Worker and local D1. The home's first
// paint: a fresh page per run, signed in, from navigation start to the browser's first contentful
// paint and to the home's figures being on screen (data-testid home-figures).
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startDevServer } from '../scripts/dev-server';
import { businessDay, windowStartDay } from '../shared/domain/business-day';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '50000' },
    orders: { type: 'string' },
    runs: { type: 'string', default: '20' },
    'paint-runs': { type: 'string', default: '5' },
    'persist-to': { type: 'string', default: '.wrangler/bench-reports' },
    'seed-from': { type: 'string', default: '.wrangler/bench-scheduled/seed-50000-1000000' },
    port: { type: 'string', default: '8796' },
  },
});
const MEMBERS = Number(values.members);
const ORDERS = values.orders === undefined ? MEMBERS * 20 : Number(values.orders);
const RUNS = Number(values.runs);
const ROOT = values['persist-to']!;
const dir = join(ROOT, `seed-${MEMBERS}-${ORDERS}`);
const marker = join(dir, 'bench-reports.json');
const seedArgs = ['--members', String(MEMBERS), '--orders', String(ORDERS)];
const fresh = !existsSync(marker);
if (fresh && existsSync(join(values['seed-from']!, 'bench-seeded.json'))) {
  mkdirSync(ROOT, { recursive: true });
  console.log(`▶ copying the seeded chain from ${values['seed-from']} …`);
  cpSync(values['seed-from']!, dir, { recursive: true });
} else if (fresh) {
  console.log(`▶ seeding ${MEMBERS.toLocaleString()} members, ${ORDERS.toLocaleString()} orders into ${dir} (once per size)…`);
}
const server = await startDevServer({ port: Number(values.port), persistTo: dir, seedArgs, quiet: true, logFile: join(ROOT, 'wrangler.log') });
const base = server.baseUrl;

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<{ ms: number; status: number; json: T }> {
  const t0 = performance.now();
  const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await r.json()) as T;
  return { ms: performance.now() - t0, status: r.status, json };
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

try {
  const signIn = async () => (await call<{ token: string }>('POST', '/api/auth/login', null, { username: 'admin', password: 'demo1234' })).json.token;
  let token = await signIn();
  if (fresh) {
    // HQ's rebuild, a few weeks of history per call, as its screen calls it.
    const t1 = Date.now();
    let next: number | null = null, calls = 0, windows = 0;
    do {
      const r: { status: number; json: { windows: number; next: number | null; ms: number } } = await call('POST', '/api/reports/rollups/rebuild', token, { from: next });
      if (r.status !== 200) throw new Error(`rebuild: ${r.status} ${JSON.stringify(r.json)}`);
      [next, calls, windows] = [r.json.next, calls + 1, windows + r.json.windows];
    } while (next !== null);
    console.log(`▶ rebuilt the rollups from the orders: ${windows} week windows in ${calls} calls, ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    // The nightly member analysis (RFM, retention) through the cron path, tick after tick until done.
    const t0 = Date.now();
    for (let tick = 0; tick < 100; tick++) {
      await fetch(`${base}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('*/10 * * * *')}&time=${Date.now()}&format=json`);
      const fresh = (await call<{ token: string }>('POST', '/api/auth/login', null, { username: 'admin', password: 'demo1234' })).json.token;
      const runs = (await call<{ runs: { period: string; status: string; processed: number }[] }>('GET', '/api/jobs?job=member-analysis&limit=1', fresh)).json.runs;
      if (runs[0]?.status === 'done') {
        console.log(`▶ member analysis done for ${runs[0].period}: ${runs[0].processed} members, ${tick + 1} ticks, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        break;
      }
    }
    writeFileSync(marker, JSON.stringify({ members: MEMBERS, orders: ORDERS, at: new Date().toISOString() }));
    token = await signIn();
  }
  const counts = await call<{ ok: boolean; ledger: unknown }>('GET', '/api/reports/liability/check', token);
  console.log(`liability check: status ${counts.status}, ${(counts.ms).toFixed(0)} ms, ${JSON.stringify(counts.json).slice(0, 160)}`);

  const now = Date.now();
  const period = (days: number) => `from=${windowStartDay(now, days)}&to=${businessDay(now)}`;
  const reports: [string, (q: string) => string][] = [
    ['sales (vs previous)', (q) => `/api/reports/sales?${q}&compare=previous`],
    ['margin', (q) => `/api/reports/margin?${q}`],
    ['staff', (q) => `/api/reports/staff?${q}`],
    ['commission', (q) => `/api/reports/commission?${q}`],
    ['campaigns', (q) => `/api/reports/campaigns?${q}`],
    ['members', (q) => `/api/reports/members?${q}`],
    ['members: cross-store', (q) => `/api/reports/members/cross-store?${q}`],
    ['liability', (q) => `/api/reports/liability?${q}`],
    ['orders (drill-down page)', (q) => `/api/reports/orders?${q}`],
  ];
  const fixed: [string, string][] = [['today (home)', '/api/reports/today'], ['rfm', '/api/reports/rfm'], ['retention', '/api/reports/retention']];
  const rows: string[][] = [];
  const measure = async (label: string, path: string) => {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const r = await call('GET', path, token);
      status = r.status;
      if (i >= 2) times.push(r.ms);
    }
    rows.push([label, String(status), pct(times, 50).toFixed(0), pct(times, 95).toFixed(0), Math.max(...times).toFixed(0)]);
  };
  for (const days of [30, 365]) {
    for (const store of ['', '&storeId=store-1']) {
      for (const [name, path] of reports) await measure(`${name}, ${days} d${store ? ', store-1' : ''}`, path(period(days) + store));
    }
  }
  for (const [name, path] of fixed) for (const store of ['', '?storeId=store-1']) await measure(`${name}${store ? ', store-1' : ''}`, path + store);
  console.log(`\n${MEMBERS.toLocaleString()} members, ${ORDERS.toLocaleString()} orders; ${RUNS} requests each (ms):`);
  console.log(['report', 'status', 'p50', 'p95', 'max'].join('\t'));
  for (const r of rows) console.log(r.join('\t'));
  const worst = rows.reduce((a, r) => (Number(r[3]) > Number(a[3]) ? r : a));
  console.log(`worst p95: ${worst[3]} ms (${worst[0]})`);

  // The home's first paint.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const paints: { fcp: number; figures: number }[] = [];
    for (let i = 0; i < Number(values['paint-runs']) + 1; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // When the home's figures first appear, by the page's own clock (from navigation start).
      await ctx.addInitScript({ content: `new MutationObserver(() => { if (window.__figuresAt === undefined && document.querySelector('[data-testid="home-figures"]')) window.__figuresAt = performance.now(); }).observe(document, { childList: true, subtree: true });` });
      const page = await ctx.newPage();
      await page.goto(`${base}/hq/`);
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('home-figures').waitFor({ timeout: 60_000 });
      // Signed in: now a cold navigation to the home, as the owner opening it in the morning.
      await page.goto(`${base}/hq/`);
      await page.getByTestId('home-figures').waitFor({ timeout: 60_000 });
      const t = (await page.evaluate(`({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1, figures: window.__figuresAt ?? -1 })`)) as { fcp: number; figures: number };
      if (i > 0) paints.push(t);
      await ctx.close();
    }
    const fcp = paints.map((p) => p.fcp), fig = paints.map((p) => p.figures);
    console.log(`\nHQ home (${paints.length} cold loads, signed in): first contentful paint p50 ${pct(fcp, 50).toFixed(0)} ms, max ${Math.max(...fcp).toFixed(0)} ms; today's figures on screen by p50 ${pct(fig, 50).toFixed(0)} ms, max ${Math.max(...fig).toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}
