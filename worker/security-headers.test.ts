import { env, SELF } from 'cloudflare:test';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../scripts/seed/demo-catalog';
import { app } from './app';
import type { AppEnv } from './env';
import { onError } from './http/on-error';
import { API_POLICY, securityHeaders } from './http/security-headers';
import { api, loginAs, seedChain } from './test/fixtures';

const FOREIGN = 'https://evil.example';

function expectCommon(h: Headers) {
  expect(h.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('referrer-policy')).toBe('no-referrer');
  expect(h.get('x-frame-options')).toBe('DENY');
  expect(h.get('permissions-policy')).toContain('camera=(self)');
  expect(h.get('access-control-allow-origin')).toBeNull();
}

/** The page policy, parsed: directive → sources. */
function csp(h: Headers): Record<string, string[]> {
  const raw = h.get('content-security-policy') ?? '';
  return Object.fromEntries(raw.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
}

function expectPagePolicy(h: Headers) {
  expectCommon(h);
  const p = csp(h);
  expect(p['default-src']).toEqual(["'self'"]);
  expect(p['script-src']).toEqual(["'self'", "'report-sample'"]);
  expect(p['connect-src']).toEqual(["'self'", 'ws://local']);
  for (const d of ['frame-ancestors', 'object-src']) expect(p[d]).toEqual(["'none'"]);
  for (const d of ['base-uri', 'form-action', 'worker-src', 'manifest-src']) expect(p[d]).toEqual(["'self'"]);
}

describe('security headers', () => {
  beforeAll(seedChain);

  it('puts the strict policy and no-store on API JSON, and leaves health cacheable', async () => {
    const me = await api('/api/me', { token: await loginAs('admin') });
    expect(me.status).toBe(200);
    expectCommon(me.headers);
    expect(me.headers.get('content-security-policy')).toBe(API_POLICY);
    expect(me.headers.get('cache-control')).toBe('no-store');

    const health = await api('/api/health');
    expect(health.headers.get('content-security-policy')).toBe(API_POLICY);
    expect(health.headers.get('cache-control')).toBeNull();
  });

  it('sends them on errors: 401, 404 and a body that is not JSON', async () => {
    for (const r of [
      await api('/api/nope'),
      await api('/api/nope', { token: await loginAs('admin') }),
      await api('/api/auth/login', { rawBody: '{"username": "admin", "password": ' }),
    ]) {
      expect([400, 401, 404]).toContain(r.status);
      expectCommon(r.headers);
      expect(r.headers.get('content-security-policy')).toBe(API_POLICY);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(r.json)).toEqual(['error']);
      expect(JSON.stringify(r.json)).not.toMatch(/\bat .+:\d+|SQLITE|D1_|stack/i);
    }
  });

  it('gives the apps a page policy: no inline script, same-origin WebSocket', async () => {
    for (const path of ['/clerk/', '/member/card', '/hq/']) {
      const res = await SELF.fetch(`http://local${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expectPagePolicy(res.headers);
      expect(res.headers.get('cache-control')).not.toBe('no-store');
      await res.body?.cancel();
    }
  });

  it('serves the docs page under the page policy with no inline script', async () => {
    const res = await SELF.fetch('http://local/api/docs');
    expectPagePolicy(res.headers);
    const html = await res.text();
    expect(html).toContain('<script src="/vendor/swagger-ui/init.js"></script>');
    expect(html).not.toMatch(/<script>/);
  });

  it('leaves the poke WebSocket upgrade alone (a 101 carries no headers of ours)', async () => {
    const token = await loginAs('clerk1');
    const res = await SELF.fetch(`http://local/api/replicache/poke?token=${token}`, { headers: { upgrade: 'websocket' } });
    expect(res.status).toBe(101);
    expect(res.webSocket).toBeTruthy();
    res.webSocket!.accept();
    res.webSocket!.close();
  });
});

describe('cross-origin requests', () => {
  beforeAll(seedChain);
  const login = { username: 'admin', password: DEMO_PASSWORD };

  it('answers a foreign preflight without any Access-Control-* header', async () => {
    const res = await SELF.fetch('http://local/api/auth/login', {
      method: 'OPTIONS',
      headers: { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(403);
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    await res.body?.cancel();
  });

  it('refuses a POST from another origin with 403 FORBIDDEN, before any handler runs', async () => {
    const r = await api('/api/auth/login', { body: login, headers: { origin: FOREIGN } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ error: { code: 'FORBIDDEN', message: 'Cross-origin requests are not accepted' } });
    expectCommon(r.headers);
    expect((await api('/api/auth/login', { body: login, headers: { origin: 'null' } })).status).toBe(403);
  });

  it('refuses a WebSocket handshake from another origin, and lets the app’s own through', async () => {
    const token = await loginAs('clerk1');
    const foreign = await SELF.fetch(`http://local/api/replicache/poke?token=${token}`, { headers: { upgrade: 'websocket', origin: FOREIGN } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Cross-origin requests are not accepted' } });
    const own = await SELF.fetch(`http://local/api/replicache/poke?token=${token}`, { headers: { upgrade: 'websocket', origin: 'http://local' } });
    expect(own.status).toBe(101);
    own.webSocket!.accept();
    own.webSocket!.close();
  });

  it('lets same-origin and Origin-less calls through, and a foreign GET gets no ACAO', async () => {
    expect((await api('/api/auth/login', { body: login, headers: { origin: 'http://local' } })).status).toBe(200);
    expect((await api('/api/auth/login', { body: login })).status).toBe(200);
    const get = await api('/api/health', { headers: { origin: FOREIGN } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the Vite dev proxy (a loopback origin) through in development only', async () => {
    const init = { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json', 'cf-connecting-ip': '10.8.0.1' }, body: JSON.stringify(login) };
    expect((await SELF.fetch('http://local/api/auth/login', init)).status).toBe(200);
    const prod = await app.request('http://local/api/auth/login', init, { ...env, ENVIRONMENT: 'production' });
    expect(prod.status).toBe(403);
  });
});

describe('unhandled errors', () => {
  it('answer exactly {error:{code:INTERNAL,message:Internal error}}, with no SQL or stack', async () => {
    // onError logs the cause for the operator; the caller is the one who must not see it.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const probe = new Hono<AppEnv>();
    probe.use('*', securityHeaders);
    probe.get('/api/boom', () => {
      throw new Error('D1_ERROR: UNIQUE constraint failed: members.phone: SQLITE_CONSTRAINT');
    });
    probe.onError(onError);
    const res = await probe.request('http://local/api/boom', {}, env);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
    expectCommon(res.headers);
    expect(res.headers.get('content-security-policy')).toBe(API_POLICY);
    expect(String(logged.mock.calls[0])).toContain('SQLITE_CONSTRAINT');
    logged.mockRestore();
  });
});
