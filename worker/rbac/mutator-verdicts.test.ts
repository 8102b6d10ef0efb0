import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/authz';
import { errorStatus, isDomainError } from '../../shared/errors';
import { mutatorNames, type MutatorName } from '../../shared/sync/mutator-args';
import { checkMutation } from '../../shared/sync/mutators';
import { call } from './call';
import { matches, ROLES, type Role } from './roles';
import { mutatorVerdicts } from './route-verdicts';
import { asRole } from './sample';
import { fundedMember, setupWorld, type Funded, type World } from './world';

// The mutators' part of the RBAC matrix (worker/rbac/route-verdicts.ts `mutatorVerdicts`): the
// shared check on the tablet, then the whole way through a push for what only the server knows.
let w: World;
const actors = new Map<Role, Actor>();
beforeAll(async () => {
  w = await setupWorld();
  for (const role of ROLES) {
    const token = w.tokens[role];
    if (token) actors.set(role, (await call('/api/me', { token })).json.user as Actor);
  }
}, 60_000);

const rows = () => Object.entries(mutatorVerdicts) as [MutatorName, (typeof mutatorVerdicts)[MutatorName]][];
/** The HTTP status a refusal's code stands for (an unknown code, or INTERNAL, is a 5xx: never a verdict). */
const statusOf = (code: string | null): number => (code === null ? 200 : ((errorStatus as Record<string, number>)[code] ?? 500));

type Patch = { op: string; key?: string; value?: any }[];
/** The group's view after pulling every page, as a client would. */
async function pullAll(token: string, clientGroupID: string): Promise<Map<string, any>> {
  const view = new Map<string, any>();
  let cookie: unknown = null;
  for (let pages = 0; pages < 300; pages++) {
    const r = await call('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID, cookie, profileID: 'p', schemaVersion: '1' } });
    if (r.status !== 200) throw new Error(`pull ${r.status}: ${r.text.slice(0, 200)}`);
    for (const op of r.json.patch as Patch) {
      if (op.op === 'clear') view.clear();
      else if (op.op === 'put') view.set(op.key!, op.value);
      else view.delete(op.key!);
    }
    cookie = r.json.cookie;
    if (!view.get('sync/meta')?.more) return view;
  }
  throw new Error('the view never finished paging');
}

describe('mutator verdicts', () => {
  it('has a row for every mutator, and a mutator for every row', () => {
    const names = Object.keys(mutatorVerdicts);
    expect({ withoutVerdict: mutatorNames.filter((n) => !names.includes(n)), withoutMutator: names.filter((n) => !(mutatorNames as string[]).includes(n)) })
      .toEqual({ withoutVerdict: [], withoutMutator: [] });
  });

  it('checkMutation (tablet and server alike) gives each role the expected verdict', async () => {
    const f = await fundedMember(w.tokens.clerk1!, 'mut-local');
    const mismatches: string[] = [];
    for (const [name, row] of rows()) {
      for (const role of ROLES.filter((r) => r !== 'none')) {
        let code: string | null = null;
        try {
          checkMutation({ actor: actors.get(role)! }, name, row.args(w, asRole(w, role), f));
        } catch (e) {
          if (!isDomainError(e)) throw e;
          code = e.code;
        }
        // A sample that does not even parse would prove nothing about permissions.
        if (code === 'VALIDATION_FAILED' || !matches(row.local[role], statusOf(code))) mismatches.push(`${name} as ${role}: expected ${row.local[role]}, got ${code ?? 'allowed'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a push gives each role the expected verdict, refusals recorded where the tablet sees them', async () => {
    const mismatches: string[] = [];
    const funded = new Map<Role, Funded>();
    for (const role of ROLES) {
      const f = await fundedMember(w.tokens.clerk1!, `mut-${role}`);
      funded.set(role, f);
      const as = asRole(w, role);
      const group = `g-${ulid()}`;
      const clientID = `c-${role}-${ulid()}`;
      // Each store's staff push from their store's registered tablet; HQ and members have none.
      const tablet = role === 'clerk1' || role === 'manager1' ? w.tablet['store-1'] : role === 'clerk2' || role === 'manager2' ? w.tablet['store-2'] : undefined;
      const sent: MutatorName[] = [];
      for (const [name, row] of rows()) {
        sent.push(name);
        const mutation = { clientID, id: sent.length, name, args: row.args(w, as, f), timestamp: Date.now() };
        const r = await call('/api/replicache/push', { token: as.token, headers: tablet ? { 'x-device': tablet } : {}, body: { pushVersion: 1, clientGroupID: group, profileID: 'p', schemaVersion: '1', mutations: [mutation] } });
        if (role === 'none' && r.status !== 401) mismatches.push(`${name} as none: push answered ${r.status}, not 401`);
        if (role !== 'none' && r.status !== 200) mismatches.push(`${name} as ${role}: push answered ${r.status} ${r.text.slice(0, 160)}`);
        // A sale at store 2 would make store 2 serve the member for the next mutation.
        await w.restoreSubject(f.person);
      }
      if (role === 'none') continue;
      const view = await pullAll(as.token!, group);
      sent.forEach((name, i) => {
        const rejection = view.get(`rejection/${clientID}/${String(i + 1).padStart(10, '0')}`) as { code: string; message: string } | undefined;
        const code = rejection?.code ?? null;
        const expected = mutatorVerdicts[name].server[role];
        if (code === 'VALIDATION_FAILED' || !matches(expected, statusOf(code))) mismatches.push(`${name} as ${role}: expected ${expected}, got ${code ? `${code}: ${rejection!.message}` : 'applied'}`);
      });
    }
    // Issue 21: a clerk elsewhere cannot report a store-1 member's card lost — refused, card active.
    const card = await call(`/api/members/${funded.get('clerk2')!.person.id}/account`, { token: w.tokens.hq });
    if (card.json.status !== 'active') mismatches.push(`clerk2's reportCardLoss left the card ${card.json.status}`);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
