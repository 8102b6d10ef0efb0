import { call, type Answer } from './call';
import { storeOf, type Role, type Verdicts } from './roles';
import type { World } from './world';

/** The caller of one sample request. `storeId`: where that caller works (see `storeOf`). */
export type As = { role: Role; token: string | null; storeId: string };
export const asRole = (w: World, role: Role): As => ({ role, token: w.tokens[role], storeId: storeOf(role) });

/**
 * One request, built afresh per call (new ULIDs), so an allowed write never collides with the
 * next one. `url` replaces the route's pattern (static apps); `fresh`: send with a new session.
 */
export type Sample = {
  params?: Record<string, string>;
  url?: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  fresh?: true;
};

export type RouteRow = {
  sample: (w: World, as: As) => Sample | Promise<Sample>;
  verdicts: Verdicts;
  /** Why a verdict is what it is, where the code or the decisions need saying. */
  note?: string;
  /** Its roles' requests one after another (they share state); other rows send all roles at once. */
  serial?: true;
  /** Puts back what an allowed request changed that later requests rely on (a password). */
  after?: (w: World, as: As, status: number) => Promise<void>;
};

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export function urlOf(key: string, s: Pick<Sample, 'params' | 'url' | 'query'>): string {
  const pattern = key.slice(key.indexOf(' ') + 1);
  const path = s.url ?? pattern.replace(/:(\w+)/g, (_, name: string) => {
    const v = s.params?.[name];
    if (v === undefined) throw new Error(`${key}: the sample gives no :${name}`);
    return encodeURIComponent(v);
  });
  const q = s.query ? new URLSearchParams(s.query).toString() : '';
  return q ? `${path}?${q}` : path;
}

/** Sends a sample; `rawBody` and `headers` let the fuzzer say what JSON cannot (bad JSON, content types). */
export function send(key: string, s: Sample, token: string | null, extra: { rawBody?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const method = key.slice(0, key.indexOf(' '));
  const headers = { ...s.headers, ...extra.headers };
  return call(urlOf(key, s), { method, token, headers, ...(extra.rawBody !== undefined ? { rawBody: extra.rawBody } : { body: s.body }) });
}

export async function sendAs(w: World, key: string, row: RouteRow, as: As): Promise<Answer> {
  const s = await row.sample(w, as);
  const token = s.fresh ? await w.freshToken(as.role) : as.token;
  const res = await send(key, s, token);
  await row.after?.(w, as, res.status);
  return res;
}
