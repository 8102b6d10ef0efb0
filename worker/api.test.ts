import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from './app';
import { loginAs, seedChain } from './test/fixtures';

describe('OpenAPI document', () => {
  it('lists every /api route with its method', async () => {
    const doc = (await (await SELF.fetch('http://local/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !['/api/openapi.json', '/api/docs'].includes(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThanOrEqual(11);
    for (const r of routes) expect(documented, r).toContain(r);
  });

  it('has a docs page that loads Swagger UI from our own assets', async () => {
    const html = await (await SELF.fetch('http://local/api/docs')).text();
    expect(html).toContain('/vendor/swagger-ui/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);
  });
});

describe('errors', () => {
  beforeAll(seedChain);

  it('asks for a session before anything else, then answers an unknown route with a JSON 404', async () => {
    expect((await SELF.fetch('http://local/api/nope')).status).toBe(401);
    const r = await SELF.fetch('http://local/api/nope', { headers: { authorization: `Bearer ${await loginAs('admin')}` } });
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /api/nope' } });
  });

  it('hides the dev outbox outside local development', async () => {
    const r = await app.request('/api/dev/outbox', {}, { ...env, ENVIRONMENT: 'production' });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NOT_AVAILABLE');
  });
});
