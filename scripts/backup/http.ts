// The HTTP side of scripts/backup.ts and scripts/restore.ts: JSON calls that retry what is safe to
// retry. Every backup and restore call is (export pages are reads; restore calls are idempotent).

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(`${status} ${code}: ${message}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ATTEMPTS = 5;

export type Call = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

/**
 * A caller for `baseUrl` with these headers. A refused connection, a 5xx or a 429 is tried again
 * (wrangler dev sometimes drops a proxied connection; a 429 says how long to wait); anything else
 * that is not 2xx throws an ApiError with the server's error code.
 */
export function client(baseUrl: string, headers: Record<string, string> = {}): Call {
  const base = baseUrl.replace(/\/+$/, '');
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(base + path, {
          method,
          headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (e) {
        if (attempt >= ATTEMPTS) throw e;
        await sleep(250 * 2 ** attempt);
        continue;
      }
      const text = await res.text();
      let json: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: reported below
      }
      if (res.ok && json !== null) return json as T;
      if ((res.status >= 500 || res.status === 429) && attempt < ATTEMPTS) {
        const wait = Number(res.headers.get('retry-after'));
        await sleep(res.status === 429 && wait > 0 ? Math.min(wait, 60) * 1000 : 250 * 2 ** attempt);
        continue;
      }
      throw new ApiError(res.status, json?.error?.code ?? `HTTP_${res.status}`, json?.error?.message ?? text.slice(0, 300), json?.error?.details);
    }
  };
}

/** A staff session token for `username` (HQ, for a backup). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const r = await client(baseUrl)<{ token: string }>('POST', '/api/auth/login', { username, password });
  return r.token;
}

/** Ends a session the script opened itself (a token it was given is left alone). */
export async function signOut(baseUrl: string, token: string): Promise<void> {
  await client(baseUrl, { authorization: `Bearer ${token}` })('POST', '/api/auth/logout').catch(() => undefined);
}
