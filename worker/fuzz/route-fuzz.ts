import type { Rng } from '../../scripts/seed/rng';
import { call } from '../rbac/call';
import type { As, RouteRow, Sample } from '../rbac/sample';
import { urlOf } from '../rbac/sample';
import type { World } from '../rbac/world';
import { answerProblems } from './checks';
import type { Doc, Schema } from './json-schema';
import { bodyMutations, pathMutations, pick, queryMutations, type Mutation, type Sent } from './mutations';
import { diff, onlyRecorded, settled } from './state';

/** The sample with the mutation's parts in place of its own. */
function send(key: string, method: string, s: Sample, as: As, sent: Partial<Sent>) {
  const query = sent.query ?? (s.query ? new URLSearchParams(s.query).toString() : '');
  const url = urlOf(key, { ...s, params: sent.params ?? s.params, query: undefined }) + (query ? `?${query}` : '');
  const body = sent.raw ?? (sent.body !== undefined ? JSON.stringify(sent.body) : s.body !== undefined ? JSON.stringify(s.body) : undefined);
  const headers: Record<string, string> = { ...s.headers };
  if (sent.contentType !== null && body !== undefined) headers['content-type'] = sent.contentType ?? 'application/json';
  return call(url, { method, token: as.token, headers, rawBody: body ?? null });
}

export type Finding = { route: string; mutation: string; status: number; what: string };
type Parameter = { in: string; name: string; required?: boolean; schema: Schema };
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Parameter[] };
export type OpenApi = Doc & { paths: Record<string, Record<string, Operation>> };
export type FuzzContext = { w: World; doc: OpenApi; rng: Rng; cap: number };

/** `/api/members/:id` → `/api/members/{id}`, as the OpenAPI document names it. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The route's mutations, from its own schemas in the OpenAPI document; null when it is not in it.
 * `undocumented`: what the sample sends that no schema describes — a route whose validator was
 * dropped loses its requestBody from the document. It is still fuzzed, with the sample's shape
 * and an empty schema (nothing "must" be refused then, but nothing may break either).
 */
export function mutationsFor(doc: OpenApi, key: string, shape: { body?: unknown; query?: Record<string, string> }): { all: Mutation[]; undocumented: string[] } | null {
  const [method, path] = key.split(' ') as [string, string];
  const op = doc.paths[openApiPath(path)]?.[method.toLowerCase()];
  if (!op) return null;
  const documented = op.requestBody?.content?.['application/json']?.schema;
  const params = op.parameters ?? [];
  const query = params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema }));
  const undocumented = [
    ...(shape.body !== undefined && !documented ? ['a JSON body'] : []),
    ...Object.keys(shape.query ?? {}).filter((k) => !query.some((q) => q.name === k)).map((k) => `query ?${k}`),
  ];
  const body = documented ?? (shape.body !== undefined ? {} : undefined);
  const all = [
    // A sale's own time prices it and dates its points (decision 012): there, 1970 is implausible.
    ...(body ? bodyMutations(doc, body, shape.body ?? {}, { timed: key === 'POST /api/orders' }) : []),
    ...(query.length ? queryMutations(doc, query, shape.query) : []),
    ...pathMutations(doc, params.filter((p) => p.in === 'path')),
  ];
  return { all, undocumented };
}

/**
 * Sends the route's mutations as `as`, each from a fresh sample, and checks every answer and what
 * it left behind. D1 and the subjects' balances are compared around every request: a refused one
 * must change nothing (a 404/409 the member's object records excepted); an accepted one moves the
 * baseline, and is a finding when its input had to be refused or its amount is implausible.
 */
export type RouteRun = { sent: number; findings: Finding[]; statuses: Record<string, number>; ms: number };

export async function fuzzRoute(c: FuzzContext, key: string, row: RouteRow, as: As): Promise<RouteRun | null> {
  const t0 = Date.now();
  const statuses: Record<string, number> = {};
  const method = key.slice(0, key.indexOf(' '));
  const shape = await row.sample(c.w, as);
  const found = mutationsFor(c.doc, key, shape);
  if (!found?.all.length) return null;
  const { all, undocumented } = found;
  const people = [c.w.subject.id, c.w.other.id];
  const findings: Finding[] = [];
  const note = (m: Pick<Mutation, 'label'>, status: number, what: string) => findings.push({ route: key, mutation: m.label, status, what });
  for (const what of undocumented) note({ label: 'the sample' }, 0, `sends ${what} that the route neither documents nor validates`);
  const settle = (accepted: boolean) => settled(people, accepted);
  const control = await send(key, method, shape, as, {});
  await row.after?.(c.w, as, control.status);
  const controlMessage = control.status === 400 ? (control.json?.error?.message as string) : null;
  let before = await settle(true);
  const picked = pick(c.rng, all, c.cap);
  for (const m of picked) {
    const built = row.sample(c.w, as);
    const s = await built;
    // An async sample prepares state (freezes a card, sends a code): that is not the request's doing.
    if (built instanceof Promise) before = await settle(true);
    const sent = m.make({ body: s.body, query: s.query, params: s.params });
    const res = await send(key, method, s, as, sent);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    await row.after?.(c.w, as, res.status);
    for (const p of answerProblems(res, m, controlMessage)) note(m, res.status, p);
    const after = await settle(res.status < 300);
    const changes = diff(before, after);
    if (res.status < 300) {
      if (sent.refuse) note(m, res.status, `accepted an input its schema refuses: ${res.text.slice(0, 120)}`);
      else if (m.implausible) note(m, res.status, `accepted an implausible amount: ${res.text.slice(0, 120)}`);
    } else if (changes.length && !((res.status === 404 || res.status === 409) && onlyRecorded(changes))) {
      // 400, 401 and 403 come before any work: those must leave everything as it was.
      note(m, res.status, `refused (${res.json?.error?.code}) but changed ${changes.join('; ')}`);
    }
    before = after;
  }
  return { sent: picked.length, findings, statuses, ms: Date.now() - t0 };
}
