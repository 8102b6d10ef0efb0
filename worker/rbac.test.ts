import { beforeAll, describe, expect, it } from 'vitest';
import { appRouteKeys } from './rbac/app-routes';
import { routeVerdicts } from './rbac/route-verdicts';
import { matches, ROLES, type Role } from './rbac/roles';
import { asRole, sendAs } from './rbac/sample';
import { knob } from './rbac/knob';
import { setupWorld, type World } from './rbac/world';

// The RBAC matrix of issue 21: every route × every role, verdicts in worker/rbac/route-verdicts.ts.
// VITE_RBAC_REPORT=1 prints each request's status (to see which "allow"s were 2xx and which business 4xx).
let w: World;
beforeAll(async () => {
  w = await setupWorld();
}, 60_000);

describe('RBAC matrix', () => {
  it('has a verdict row for every route, and a route for every row', () => {
    const routes = appRouteKeys();
    const rows = Object.keys(routeVerdicts);
    expect({ routesWithoutVerdicts: routes.filter((k) => !rows.includes(k)), rowsWithoutRoute: rows.filter((k) => !routes.includes(k)) })
      .toEqual({ routesWithoutVerdicts: [], rowsWithoutRoute: [] });
  });

  it('gives every role the expected verdict on every route', async () => {
    const mismatches: string[] = [];
    const report: string[] = [];
    for (const [key, row] of Object.entries(routeVerdicts)) {
      const t0 = Date.now();
      const one = async (role: Role) => [role, await sendAs(w, key, row, asRole(w, role))] as const;
      const results = row.serial ? await ROLES.reduce(async (done, role) => [...(await done), await one(role)], Promise.resolve([] as (readonly [Role, { status: number; json: any }])[])) : await Promise.all(ROLES.map(one));
      for (const [role, res] of results) {
        const expected = row.verdicts[role];
        if (!matches(expected, res.status)) {
          const why = res.json?.error ? `${res.json.error.code}: ${res.json.error.message}` : JSON.stringify(res.json).slice(0, 120);
          mismatches.push(`${key} as ${role}: expected ${expected}, got ${res.status} (${why})`);
        }
      }
      const statuses = results.map(([role, res]) => `${role}=${res.status}`);
      report.push(`${key}  ${statuses.join(' ')}  ${Date.now() - t0} ms`);
      // A sale at store 2 makes store 2 serve the subject: put them back before the next route.
      await w.restoreSubject();
    }
    if (knob('RBAC_REPORT')) console.log(report.join('\n'));
    expect(mismatches).toEqual([]);
  }, 180_000);
});
