// `npm test`: typecheck → build the three PWAs → deploy check + bundle budget → unit + workerd tests
// → browser tests.
// Ends with one plain line "N passed, N failed" (what CI reads).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
};
const step = (label, cmd, args) => {
  const ok = run(label, cmd, args);
  if (ok) passed += 1;
  else {
    failed += 1;
    console.log(`✖ ${label} failed`);
  }
  return ok;
};
const countVitest = (file) => {
  if (!existsSync(file)) return false;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + (j.numTotalTests === 0 ? 1 : 0);
  // A file that failed to load has no tests but is still a failure.
  failed += j.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return true;
};

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('typecheck client', 'npx', ['tsc', '--noEmit', '-p', 'client/tsconfig.json']);
const built = run('build', 'node', ['scripts/build-clients.mjs']);
if (!built) failed += 1;

if (built) {
  // Bundles the production worker as `wrangler deploy` would, with no account and no network, so a
  // config or bundling error shows here rather than at deploy time; the budget reads its output.
  const bundle = mkdtempSync(join(tmpdir(), 'cloudcard-deploy-'));
  if (step('deploy check', 'npx', ['wrangler', 'deploy', '--dry-run', '--env', 'production', '--outdir', bundle])) {
    step('bundle budget', 'node', ['scripts/bundle-budget.mjs', '--worker-dir', bundle]);
  }
  rmSync(bundle, { recursive: true, force: true });
}

const vitestOk = run('unit + worker tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`,
]);
const failedBefore = failed;
const counted = countVitest(`${results}/vitest.json`);
// A failing hook (afterAll) fails the run without failing a test: still a failure.
if (!vitestOk && (!counted || failed === failedBefore)) failed += 1;

if (built) {
  const e2eOk = run('browser tests', 'npx', ['tsx', 'client/e2e/run.ts']);
  const e2eFile = `${results}/e2e.json`;
  if (existsSync(e2eFile)) {
    const j = JSON.parse(readFileSync(e2eFile, 'utf8'));
    passed += j.passed;
    failed += j.failed;
  } else if (!e2eOk) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
