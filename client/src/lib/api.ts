import type { SessionStore } from './session';
import { deviceHeaders } from './device';

/** An API failure as the server describes it (`{error:{code,message}}`), or NETWORK when unreachable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying (Retry-After, or details.retryAfter). */
    readonly retryAfter?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

export type Api = {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
};

function retryAfterOf(res: Response, details: unknown): number | undefined {
  const header = Number(res.headers.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header;
  const d = details as { retryAfter?: unknown } | undefined;
  return typeof d?.retryAfter === 'number' ? d.retryAfter : undefined;
}

/** Turns a non-2xx response into an ApiError, whatever its body. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: a proxy page, an empty body */
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof e?.code === 'string' ? e.code : res.status >= 500 ? 'UNAVAILABLE' : 'HTTP_ERROR';
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${res.status}`;
  return new ApiError(res.status, code, message, retryAfterOf(res, e?.details), e?.details);
}

/**
 * fetch for /api with the app's Bearer token. A 401 on an authenticated call means the session is
 * gone (expired, revoked): the session is cleared and the app shows its login screen.
 */
export function createApi(session: SessionStore, fetchImpl: typeof fetch = (...a) => fetch(...a)): Api {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = session.get()?.token;
    const headers: Record<string, string> = { accept: 'application/json', ...deviceHeaders() };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetchImpl(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'Network error');
    }
    if (!res.ok) {
      const error = await toApiError(res);
      if (res.status === 401 && token) session.clear();
      throw error;
    }
    return (await res.json()) as T;
  }
  return {
    get: (path, query) => {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
      const s = qs.toString();
      return request('GET', s ? `${path}?${s}` : path);
    },
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
  };
}
