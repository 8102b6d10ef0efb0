import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { seedChain } from '../test/fixtures';
import { Faults, installFaults } from './faults';
import { count, type Tally } from './network';
import { runOne, type RunResult } from './run';
import { SIM_PRODUCTS } from './sales';
import { flattenPoolProxies } from './pool-proxy-fix';

/**
 * The whole money path under seeded faults (docs/decisions/016): tablets of 2–3 stores and a
 * member's phone syncing through /api/replicache/push and /pull, member objects, the projector
 * and D1, with requests dropped, doubled, delayed and unanswered, objects restarted around their
 * commits, D1 refusing the projector for a while, tablets reloaded and clocks set wrong.
 * A failing run prints its seed and steps; SIM_SEED=n replays that run alone.
 */
const cfg = env as unknown as { SIM_FAULTS?: string; SIM_SEED?: string; SIM_RUNS?: string; SIM_SEED_START?: string; SIM_STEPS?: string };
const only = cfg.SIM_SEED ? Number(cfg.SIM_SEED) : null;
const runs = only === null ? Number(cfg.SIM_RUNS || 500) : 1;
const first = only ?? Number(cfg.SIM_SEED_START || 1);
const DEFAULT_STEPS = 8;
const steps = Number(cfg.SIM_STEPS || DEFAULT_STEPS);

it(`${only === null ? `${runs} seeded runs of ${steps} steps` : `seed ${only}`}: no sale lost or doubled, nothing negative, every refusal shown, D1 and the reports agree`, async () => {
  const flat = flattenPoolProxies();
  await seedChain();
  // The simulated chain sells five products: each tablet's first sync then loads a couple of dozen
  // rows, not the whole catalog, and a run costs what its money path costs.
  await env.DB.prepare(`UPDATE products SET status = 'archived', updated_at = ? WHERE id NOT IN (SELECT value FROM json_each(?))`).bind(Date.now(), JSON.stringify(SIM_PRODUCTS)).run();
  const faults = new Faults();
  const undo = installFaults(cfg, faults);
  const total: Tally = {};
  const failed: RunResult[] = [];
  let stepCount = 0;
  const started = Date.now();
  try {
    for (let seed = first; seed < first + runs; seed++) {
      let r: RunResult;
      try {
        // Replaying one seed, each step is printed as it happens (a run that hangs shows where).
        r = await runOne(seed, steps, faults, only === null ? undefined : (line) => console.log(`[sim] live ${Date.now() - started} ms: ${line}`));
      } catch (e) {
        r = { seed, steps: 0, tally: {}, violations: [`the run crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`], trace: [] };
      }
      stepCount += r.steps;
      for (const [k, n] of Object.entries(r.tally)) count(total, k, n);
      if (r.violations.length) failed.push(r);
      if (only !== null || r.violations.length) console.log(`[sim] seed ${seed}${r.violations.length ? ' FAILED' : ''}\n  ${r.trace.join('\n  ')}${r.violations.length ? `\n  violations:\n    ${r.violations.join('\n    ')}` : ''}`);
    }
  } finally {
    undo();
    flat();
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = { runs, firstSeed: first, stepsPerRun: steps, steps: stepCount, seconds, violations: failed.reduce((n, r) => n + r.violations.length, 0), failedSeeds: failed.map((r) => r.seed), faults: Object.fromEntries(Object.entries(total).sort()) };
  console.log(`[sim] SIM-SUMMARY ${JSON.stringify(summary)}`);
  for (const r of failed) console.log(`[sim] replay: SIM_SEED=${r.seed}${steps === DEFAULT_STEPS ? '' : ` SIM_STEPS=${steps}`} npx vitest run --project sim`);
  expect(failed.map((r) => `seed ${r.seed}: ${r.violations[0]}`)).toEqual([]);
  if (only === null && runs >= 100) {
    // The runs exercise what they claim to: every kind of fault fired, sales went through.
    for (const k of ['net:drop', 'net:lost-response', 'net:duplicate', 'net:delay', 'member:crash-before-commit', 'member:commit-lost', 'member:crash-after-commit', 'member:crash-after-reply', 'projector:crash-after-write', 'push:answer-lost', 'd1:refused-batch', 'restart:member', 'restart:projector', 'restart:client-group']) {
      expect(total[k] ?? 0, k).toBeGreaterThan(0);
    }
    for (const k of ['seen:sale-under-lease', 'seen:lease-held', 'seen:refund:applied', 'seen:coupon_grant:applied', 'seen:punch_sale:applied', 'seen:refused:INSUFFICIENT_FUNDS']) expect(total[k] ?? 0, k).toBeGreaterThan(0);
    expect(total['sales:accepted'] ?? 0).toBeGreaterThan(runs);
  }
}, 900_000);
