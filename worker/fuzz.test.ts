import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../scripts/seed/rng';
import { appRouteKeys } from './rbac/app-routes';
import { call } from './rbac/call';
import { knob } from './rbac/knob';
import { routeVerdicts } from './rbac/route-verdicts';
import { ROLES, type Role } from './rbac/roles';
import { asRole, type As } from './rbac/sample';
import { setupWorld, type World } from './rbac/world';
import { fuzzMutator } from './fuzz/mutator-fuzz';
import { fuzzRoute, type Finding, type OpenApi } from './fuzz/route-fuzz';
import { mutatorNames } from '../shared/sync/mutator-args';
import { loginAs } from './test/fixtures';

// Issue 21 item 3: wrong inputs for every route, derived from its own zod schemas as the OpenAPI
// document carries them, starting from the RBAC matrix's valid samples — a new route is fuzzed as
// soon as it has its verdict row. Replay a run with VITE_FUZZ_SEED=n (see rbac/knob.ts);
// VITE_FUZZ_CAP sets the mutations per route (default 90); VITE_FUZZ_REPORT=1 prints what each route answered.
const SEED = Number(knob('FUZZ_SEED') ?? 21);
const CAP = Number(knob('FUZZ_CAP') ?? 90);

// Who sends each route's mutations: the first role allowed past authorization, in this order, so
// that the request reaches validation and the service. Some routes get an account of their own:
// wrong passwords and PINs count towards a lock-out (decision 018), and costly reads are limited
// to 120 a minute per account.
const PREFERENCE: Role[] = ['manager1', 'hq', 'clerk1', 'member', 'otherMember', 'clerk2', 'manager2', 'none'];
const OWN_ACCOUNT: Record<string, [Role, string]> = { 'PUT /api/me/password': ['clerk1', 'clerk3'], 'PUT /api/me/pin': ['manager1', 'manager3'] };
const ROLE_FOR: Record<string, Role> = { 'GET /api/members/:id/ledger': 'member', 'GET /api/members/:id/ledger/verify': 'hq' };

let w: World;
let found: Finding[] = [];
let routes = 0;
let sent = 0;
const report: string[] = [];

async function fuzzAs(key: string): Promise<As> {
  const own = OWN_ACCOUNT[key];
  if (own) return { ...asRole(w, own[0]), token: await loginAs(own[1]) };
  const verdicts = routeVerdicts[key as keyof typeof routeVerdicts]!.verdicts;
  if (verdicts.none === 'ok') return asRole(w, 'none'); // public: as anyone would call it
  return asRole(w, ROLE_FOR[key] ?? PREFERENCE.find((r) => verdicts[r] === 'allow' || verdicts[r] === 'ok') ?? ROLES[0]);
}

/** Back to the world the samples expect: store 1's active member, the chain's rules as seeded. */
async function restore() {
  await w.restoreSubject();
  const row = await env.DB.prepare('SELECT status FROM members WHERE id = ?').bind(w.subject.id).first<{ status: string }>();
  if (row?.status === 'frozen') await call(`/api/members/${w.subject.id}/unfreeze`, { token: w.tokens.hq, body: { opId: ulid() } });
  await call('/api/rules', { method: 'PUT', token: w.tokens.hq, body: w.rules });
  // A fuzzed tier edit that was valid (a 0 % "discount" pays nothing) would price every later sample.
  const now = (await call('/api/tiers', { token: w.tokens.hq })).json.tiers as Tier[];
  for (const t of seededTiers) {
    const had = now.find((x) => x.code === t.code);
    if (JSON.stringify(had) === JSON.stringify(t)) continue;
    const { name, nameEn, upgradeSpendFen, keepSpendFen, discountBp, pointsMultiplierBp, categoryDiscounts } = t;
    await call(`/api/tiers/${t.code}`, { method: 'PUT', token: w.tokens.hq, body: { name, nameEn, upgradeSpendFen, keepSpendFen, discountBp, pointsMultiplierBp, categoryDiscounts } });
  }
}
type Tier = { code: string; name: string; nameEn: string; upgradeSpendFen: number; keepSpendFen: number; discountBp: number; pointsMultiplierBp: number; categoryDiscounts: Record<string, number> };
let seededTiers: Tier[] = [];

beforeAll(async () => {
  w = await setupWorld();
  seededTiers = (await call('/api/tiers', { token: w.tokens.hq })).json.tiers as Tier[];
  const doc = (await call('/api/openapi.json')).json as OpenApi;
  const ctx = { w, doc, rng: createRng(SEED), cap: CAP };
  for (const key of appRouteKeys()) {
    const row = routeVerdicts[key as keyof typeof routeVerdicts];
    if (!row) continue; // worker/rbac.test.ts fails on a route without a row
    const as = await fuzzAs(key);
    const r = await fuzzRoute(ctx, key, row, as);
    if (!r) continue;
    routes++;
    sent += r.sent;
    report.push(`${key} as ${as.role}: ${r.sent} sent in ${r.ms} ms, ${JSON.stringify(r.statuses)}`);
    found.push(...r.findings);
    await restore();
  }
  // The push route's `args`, per mutator, from the mutators' own schemas.
  for (const name of mutatorNames) {
    const r = await fuzzMutator(w, ctx.rng, Math.ceil(CAP / 2), name);
    sent += r.sent;
    found.push(...r.findings);
    report.push(`push ${name}: ${r.sent} sent in ${r.ms} ms, ${JSON.stringify(r.statuses)}`);
    await restore();
  }
  if (knob('FUZZ_REPORT')) console.log(report.join('\n'));
}, 300_000);

const show = (fs: Finding[]) => fs.map((f) => `${f.route} [${f.mutation}] → ${f.status}: ${f.what}`);
const where = () => `seed ${SEED}, ${routes} routes, ${sent} requests`;

describe(`fuzzing every route from its schema`, () => {
  it('fuzzes the routes that take a body, a query or path parameters', () => {
    expect(routes, where()).toBeGreaterThanOrEqual(40);
  });

  it('never answers 5xx, always {error:{code,message}} with a known code naming the field, never its insides', () => {
    expect(show(found.filter((f) => !/^(accepted|refused)/.test(f.what))), where()).toEqual([]);
  });

  it('changes nothing when it refuses', () => {
    expect(show(found.filter((f) => f.what.startsWith('refused'))), where()).toEqual([]);
  });

  it('refuses what its schema refuses', () => {
    expect(show(found.filter((f) => f.what.startsWith('accepted an input'))), where()).toEqual([]);
  });

  it('refuses amounts no till sees (¥10 trillion, 2^53)', () => {
    expect(show(found.filter((f) => f.what.startsWith('accepted an implausible'))), where()).toEqual([]);
  });
});
