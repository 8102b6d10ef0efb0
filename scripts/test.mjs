// `npm test`: typecheck → build the three PWAs → unit + workerd tests → browser tests.
// Ends with one plain line "N passed, N failed" (what CI reads).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✖ ${label} failed`);
  }
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
