import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { z } from 'zod';
import type { Rng } from '../../scripts/seed/rng';
import { mutatorArgs, type MutatorName } from '../../shared/sync/mutator-args';
import { call } from '../rbac/call';
import { mutatorVerdicts } from '../rbac/route-verdicts';
import { asRole } from '../rbac/sample';
import type { World } from '../rbac/world';
import type { Doc, Schema } from './json-schema';
import { bodyMutations, pick } from './mutations';
import type { Finding, RouteRun } from './route-fuzz';
import { diff, onlyRecorded, settled } from './state';

/**
 * A push's `args` are `unknown` to the route's schema: each mutator's own zod schema (shared with
 * the tablets) is what checks them. Its wrong args go one per push, as manager1 from
 * store 1's tablet. The push answers 200 either way; a refusal is the audit entry
 * `sync:<client>:<id>` (what HQ sees; the tablet gets the same in its pull), and may record that
 * and a rejected order, nothing else.
 */
export async function fuzzMutator(w: World, rng: Rng, cap: number, name: MutatorName): Promise<RouteRun> {
  const t0 = Date.now();
  const schema = z.toJSONSchema(mutatorArgs[name] as z.ZodType, { io: 'input' }) as Schema & Doc;
  const as = asRole(w, 'manager1');
  const funded = { person: w.subject, saleId: w.saleId, punchCardId: w.punchCardId };
  const args = () => mutatorVerdicts[name].args(w, as, funded);
  const people = [w.subject.id, w.other.id];
  // The whole-request mutations (JSON text, content types) are the push route's own business.
  const all = bodyMutations(schema, schema, args(), { timed: name === 'checkout' }).filter((m) => m.field !== null || m.label === 'unknown field');
  const findings: Finding[] = [];
  const statuses: Record<string, number> = {};
  const route = `POST /api/replicache/push (${name})`;
  let before = await settled(people, true);
  const picked = pick(rng, all, cap);
  // One group and client for the lot: a new group per push is a new object each time, and the
  // pool slows down with every one of them.
  const group = `g-fuzz-${ulid()}`;
  const clientID = `fz-${name}-${ulid()}`;
  for (const [i, m] of picked.entries()) {
    const sent = m.make({ body: args() });
    const id = i + 1;
    const raw = sent.raw ?? JSON.stringify(sent.body);
    const push = `{"pushVersion":1,"clientGroupID":"${group}","profileID":"p","schemaVersion":"1","mutations":[{"clientID":"${clientID}","id":${id},"name":"${name}","timestamp":1,"args":${raw}}]}`;
    const res = await call('/api/replicache/push', { token: as.token, rawBody: push, headers: { 'content-type': 'application/json', 'x-device': w.tablet['store-1'] } });
    const refusal = await env.DB.prepare('SELECT detail FROM audit_log WHERE id = ?').bind(`sync:${clientID}:${id}`).first<{ detail: string }>();
    const code = refusal ? (JSON.parse(refusal.detail) as { code: string; message: string }) : null;
    const outcome = code ? code.code : 'applied';
    statuses[outcome] = (statuses[outcome] ?? 0) + 1;
    const note = (what: string) => findings.push({ route, mutation: m.label, status: res.status, what });
    if (res.status !== 200) note(`push answered ${res.status}: ${res.text.slice(0, 120)}`);
    if (code?.code === 'INTERNAL') note(`refused as INTERNAL: ${code.message}`);
    if (code?.code === 'VALIDATION_FAILED' && m.field && !code.message.includes(String(m.field.split('.')[0]))) note(`VALIDATION_FAILED does not name ${m.field}: ${code.message}`);
    const after = await settled(people, !code);
    const changes = diff(before, after);
    if (!code && sent.refuse) note(`accepted an input its schema refuses`);
    else if (!code && m.implausible) note(`accepted an implausible amount`);
    else if (code && changes.length && !onlyRecorded(changes)) note(`refused (${code.code}) but changed ${changes.join('; ')}`);
    before = after;
  }
  return { sent: picked.length, findings, statuses, ms: Date.now() - t0 };
}
