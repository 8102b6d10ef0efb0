// `node scripts/bundle-budget.mjs [--worker-dir DIR]`, after `npm run build`: the gzipped size of
// each app's JavaScript and CSS, and of the worker bundle, against budgets. Exits 1 when one is
// over, naming it. DIR is a `wrangler deploy --dry-run --env production --outdir DIR` output
// (scripts/test.mjs makes one); without it this script runs that dry run itself.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const KiB = 1024;
/**
 * Gzipped bytes. Member: a phone on a shop's Wi-Fi or 4G opens it cold, so it gets the tightest.
 * Clerk and HQ were measured on 2026-12-06 (clerk 359 KiB, of which the camera scanner's lazy
 * chunks are 122; HQ 140 KiB) and given about 25 % headroom. Worker: Cloudflare's free-plan limit.
 * HQ's back office (issue 18) loads each screen when it is opened: what a sign-in downloads is its
 * first load (the entry and what it preloads), measured 2026-12-07 at 186 KiB — of which every
 * app's strings are 48 (HQ's own 18; splitting them per screen is the next saving) — given 200;
 * all its screens together (263 KiB, 242 before the split) are budgeted apart. Issue 19's reports
 * add Apache ECharts (183 KiB: echarts/core, three charts, three components, the canvas renderer),
 * fetched only when a chart is first shown, and ~47 KiB of report screens: 494 KiB in all, given 560.
 */
const BUDGETS = {
  'member js': 200 * KiB,
  'clerk js': 450 * KiB,
  'hq js (first load)': 200 * KiB,
  'hq js': 560 * KiB,
  worker: 3 * 1024 * KiB,
};
const APPS = ['clerk', 'member', 'hq'];
// The service worker and Workbox run in the worker scope, not in the page; listed on their own.
const isServiceWorker = (name) => name === 'sw.js' || /^workbox-[\w-]+\.js$/.test(name);

const root = join(import.meta.dirname, '..');
const client = join(root, 'dist', 'client');
const gz = (file) => gzipSync(readFileSync(file)).length;
const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

function workerDir() {
  const i = process.argv.indexOf('--worker-dir');
  if (i > 0 && process.argv[i + 1]) return { dir: process.argv[i + 1], cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'cloudcard-bundle-'));
  const r = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--env', 'production', '--outdir', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'error' },
  });
  if (r.status !== 0) {
    console.error('✖ wrangler deploy --dry-run failed');
    process.exit(1);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

if (!APPS.every((app) => existsSync(join(client, app, 'index.html')))) {
  console.error('✖ dist/client is incomplete: run `npm run build` first');
  process.exit(1);
}

const rows = [];
const measure = (label, files) => rows.push({ label, bytes: files.reduce((n, f) => n + gz(f), 0), files: files.length });

for (const app of APPS) {
  const files = walk(join(client, app));
  const name = (f) => f.split('/').pop();
  measure(`${app} js`, files.filter((f) => f.endsWith('.js') && !isServiceWorker(name(f))));
  measure(`${app} css`, files.filter((f) => f.endsWith('.css')));
  measure(`${app} service worker`, files.filter((f) => isServiceWorker(name(f))));
  if (app === 'hq') {
    // The entry script and the chunks the page preloads: what the browser fetches before first paint.
    const html = readFileSync(join(client, app, 'index.html'), 'utf8');
    const first = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/hq\/([^"]+\.js)"/g)].map((m) => join(client, app, m[1]));
    measure(`${app} js (first load)`, first);
  }
}

const { dir, cleanup } = workerDir();
try {
  // Every module the worker uploads counts towards the limit; source maps and the README do not.
  const modules = walk(dir).filter((f) => !f.endsWith('.map') && !f.endsWith('README.md'));
  if (modules.length === 0) throw new Error(`no worker modules in ${dir}`);
  measure('worker', modules);
  console.log(`worker modules: ${modules.map((f) => relative(dir, f)).join(', ')}`);
} finally {
  cleanup();
}

let over = 0;
console.log(`\n${'bundle'.padEnd(26)}${'gzipped'.padStart(12)}${'budget'.padStart(14)}  files`);
for (const r of rows) {
  const budget = BUDGETS[r.label];
  const bad = budget !== undefined && r.bytes > budget;
  if (bad) over += 1;
  console.log(`${bad ? '✖' : ' '} ${r.label.padEnd(24)}${kib(r.bytes).padStart(12)}${(budget ? kib(budget) : '—').padStart(14)}  ${r.files}`);
}
if (over > 0) {
  for (const r of rows.filter((x) => BUDGETS[x.label] !== undefined && x.bytes > BUDGETS[x.label])) {
    console.error(`✖ ${r.label} is ${kib(r.bytes)} gzipped, over its budget of ${kib(BUDGETS[r.label])}`);
  }
  process.exit(1);
}
console.log('\n✓ every bundle is within its budget');
