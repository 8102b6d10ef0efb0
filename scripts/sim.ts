// The long run of the money-path simulation (docs/decisions/016):
//   npx tsx scripts/sim.ts --seeds 10000 [--start 1] [--steps 8] [--chunk 500] [--jobs 2]
// It runs the vitest `sim` project (worker/sim/money-path.sim.test.ts, inside workerd) a chunk of
// seeds at a time (SIM_SEED_START, SIM_RUNS, SIM_STEPS), each chunk in a fresh process and storage
// (`--jobs` chunks at once, one per core to spare),
// reads the summary line each chunk prints and adds them up: runs, steps, faults injected by kind,
// violations. Exit code 1 if any run found a violation; each failing seed is printed with its
// replay command (SIM_SEED=n npx vitest run --project sim).
import { spawn } from 'node:child_process';

type Summary = { runs: number; steps: number; seconds: number; violations: number; failedSeeds: number[]; faults: Record<string, number> };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`SIM_${name.toUpperCase()}`] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const seeds = arg('seeds', 10_000);
const start = arg('start', 1);
const steps = arg('steps', 8);
const chunk = arg('chunk', 500);
const jobs = arg('jobs', 1);
// ANSI colours and vitest's prefixes, so the summary line parses whatever the reporter does.
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

function runChunk(first: number, runs: number): Promise<{ summary: Summary | null; failures: string[] }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'sim'], {
      env: { ...process.env, SIM_SEED: '', SIM_SEED_START: String(first), SIM_RUNS: String(runs), SIM_STEPS: String(steps) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let summary: Summary | null = null;
    const failures: string[] = [];
    let inFailure = false;
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const raw of lines) {
        const line = plain(raw);
        const at = line.indexOf('[sim] SIM-SUMMARY ');
        if (at >= 0) summary = JSON.parse(line.slice(at + '[sim] SIM-SUMMARY '.length)) as Summary;
        if (/\[sim\] seed \d+ FAILED/.test(line)) inFailure = true;
        else if (inFailure && !/^\s{2}/.test(line)) inFailure = false;
        if (inFailure) failures.push(line.replace(/^.*(\[sim\])/, '$1'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', () => undefined);
    child.on('close', () => resolve({ summary, failures }));
  });
}

const total = { runs: 0, steps: 0, seconds: 0, violations: 0, failedSeeds: [] as number[], faults: {} as Record<string, number> };
const began = Date.now();
const firsts: number[] = [];
for (let first = start; first < start + seeds; first += chunk) firsts.push(first);
async function worker(): Promise<void> {
  for (let first = firsts.shift(); first !== undefined; first = firsts.shift()) {
    const runs = Math.min(chunk, start + seeds - first);
    const { summary, failures } = await runChunk(first, runs);
    if (!summary) {
      console.log(`seeds ${first}–${first + runs - 1}: no summary (the chunk crashed); counted as ${runs} failed runs`);
      total.violations += 1;
      total.failedSeeds.push(first);
      continue;
    }
    total.runs += summary.runs;
    total.steps += summary.steps;
    total.seconds += summary.seconds;
    total.violations += summary.violations;
    total.failedSeeds.push(...summary.failedSeeds);
    for (const [k, n] of Object.entries(summary.faults)) total.faults[k] = (total.faults[k] ?? 0) + n;
    console.log(`seeds ${first}–${first + runs - 1}: ${summary.runs} runs, ${summary.steps} steps, ${summary.seconds.toFixed(0)} s, ${summary.violations} violations`);
    for (const f of failures) console.log(`  ${f}`);
  }
}
await Promise.all(Array.from({ length: jobs }, () => worker()));

const faults = Object.entries(total.faults).filter(([k]) => !k.startsWith('seen:') && !['mutations', 'sales:accepted', 'refused-on-tablet'].includes(k));
const seen = Object.entries(total.faults).filter(([k]) => k.startsWith('seen:') || ['mutations', 'sales:accepted', 'refused-on-tablet'].includes(k));
console.log(`\nruns ${total.runs}, steps ${total.steps} (${steps} per run), ${((Date.now() - began) / 1000).toFixed(0)} s wall, ${total.seconds.toFixed(0)} s in runs`);
console.log(`faults injected: ${faults.map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`exercised: ${seen.map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`violations: ${total.violations}${total.failedSeeds.length ? ` (seeds ${total.failedSeeds.join(', ')}; replay: SIM_SEED=n npx vitest run --project sim)` : ''}`);
process.exit(total.violations === 0 ? 0 : 1);
