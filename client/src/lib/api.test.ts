import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from './api';
import { SessionStore } from './session';

const memoryStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const user = { kind: 'staff' as const, id: 's1', name: 'A', role: 'clerk' as const, storeId: 'st1' };

describe('createApi', () => {
  it('sends the bearer token and query, returns the JSON', async () => {
    const session = new SessionStore('clerk', memoryStorage());
    session.set({ token: 't0k', expiresAt: Date.now() + 60_000, user });
    const fetchImpl = vi.fn(async () => json(200, { members: [] }));
    const api = createApi(session, fetchImpl);
    await expect(api.get('/api/members', { q: '5678', limit: 20, empty: '' })).resolves.toEqual({ members: [] });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/members?q=5678&limit=20');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer t0k');
  });

  it('parses the error body and Retry-After', async () => {
    const api = createApi(new SessionStore('clerk', memoryStorage()), async () =>
      json(429, { error: { code: 'RATE_LIMITED', message: 'Too many' } }, { 'retry-after': '840' }),
    );
    const err = await api.post('/api/auth/login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'Too many', retryAfter: 840 });
  });

  it('reads retryAfter from details when there is no header', async () => {
    const api = createApi(new SessionStore('member', memoryStorage()), async () =>
      json(429, { error: { code: 'RATE_LIMITED', message: 'wait', details: { retryAfter: 12 } } }),
    );
    await expect(api.post('/api/auth/member/otp', { phone: '1' })).rejects.toMatchObject({ retryAfter: 12 });
  });

  it('clears the session on a 401 to an authenticated call', async () => {
    const session = new SessionStore('hq', memoryStorage());
    session.set({ token: 'old', expiresAt: Date.now() + 60_000, user });
    const api = createApi(session, async () => json(401, { error: { code: 'SESSION_EXPIRED', message: 'expired' } }));
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(session.get()).toBeNull();
  });

  it('turns a failed fetch into NETWORK and a non-JSON 502 into UNAVAILABLE', async () => {
    const s = new SessionStore('hq', memoryStorage());
    await expect(createApi(s, async () => Promise.reject(new TypeError('Failed to fetch'))).get('/api/me')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    await expect(createApi(s, async () => new Response('<html>', { status: 502 })).get('/api/me')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('SessionStore', () => {
  it('persists per app and forgets expired sessions', () => {
    const storage = memoryStorage();
    let now = 1000;
    const a = new SessionStore('clerk', storage, () => now);
    a.set({ token: 't', expiresAt: 2000, user });
    expect(new SessionStore('clerk', storage, () => now).get()?.token).toBe('t');
    expect(new SessionStore('hq', storage, () => now).get()).toBeNull();
    now = 2000;
    expect(a.get()).toBeNull();
    expect(new SessionStore('clerk', storage, () => now).get()).toBeNull();
  });
  it('notifies subscribers', () => {
    const s = new SessionStore('clerk', memoryStorage());
    const fn = vi.fn();
    s.subscribe(fn);
    s.set({ token: 't', expiresAt: Date.now() + 1000, user });
    s.clear();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
