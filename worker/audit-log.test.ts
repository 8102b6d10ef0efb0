import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// GET /api/audit (decision 023): filters, the cursor, names, and who reads which store's rows.
let hq: string, manager1: string, manager2: string, clerk1: string;
const T0 = Date.UTC(2001, 0, 1); // a time of their own, before anything the seed or other tests write
const insert = (id: string, at: number, o: { actor?: string; kind?: string; store?: string | null; action?: string; entity?: string; entityId?: string; detail?: object }) =>
  env.DB.prepare('INSERT INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .bind(id, at, o.kind ?? 'staff', o.actor ?? 'staff-manager1', o.store === undefined ? 'store-1' : o.store, o.action ?? 'staff.updated', o.entity ?? 'staff', o.entityId ?? 'staff-x', JSON.stringify(o.detail ?? {}), '').run();

let ids: Record<string, string>;
beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1')]);
  const staff = (await env.DB.prepare('SELECT id, username FROM staff').all<{ id: string; username: string }>()).results;
  ids = Object.fromEntries(staff.map((s) => [s.username, s.id]));
  // 30 store-1 rows a minute apart by manager1, 5 store-2 rows by manager2, 2 chain rows by HQ.
  for (let i = 0; i < 30; i++) await insert(`a1-${String(i).padStart(2, '0')}`, T0 + i * 60_000, { actor: ids.manager1, entityId: `e-${i}`, detail: { before: { name: `旧${i}` }, after: { name: `新${i}` } } });
  for (let i = 0; i < 5; i++) await insert(`a2-${i}`, T0 + i * 60_000 + 1, { actor: ids.manager2, store: 'store-2', action: 'store.updated', entity: 'store', entityId: 'store-2' });
  await insert('a3-0', T0 + 5, { actor: ids.admin, store: null, action: 'rules.updated', entity: 'rules', entityId: 'chain', detail: { note: '国庆活动' } });
  await insert('a3-1', T0 + 5, { actor: 'tier-review', kind: 'system', store: null, action: 'tier.review', entity: 'member', entityId: 'm-1' });
});

const q = (token: string, query: Record<string, string | number>) => api(`/api/audit?${new URLSearchParams(Object.entries({ to: T0 + 86_400_000, ...query }).map(([k, v]) => [k, String(v)]))}`, { token });

describe('GET /api/audit', () => {
  it('pages newest first by cursor, with actor and store names; every row once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof q>> = await q(hq, { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(r.status).toBe(200);
      seen.push(...r.json.entries.map((e: { id: string }) => e.id));
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(37);
    expect(new Set(seen).size).toBe(37);
    expect(seen[0]).toBe('a1-29');
    expect(seen.at(-1)).toBe('a1-00');
    const first = (await q(hq, { limit: 1 })).json.entries[0];
    expect(first).toMatchObject({ actorName: '李店长', actorUsername: 'manager1', storeName: expect.any(String), detail: { before: { name: '旧29' }, after: { name: '新29' } } });
    const sys = (await q(hq, { entityId: 'm-1' })).json.entries[0];
    expect(sys).toMatchObject({ actorKind: 'system', actorName: 'tier-review', storeId: null });
  });

  it('filters by actor (username or id), store, action or kind, entity, entity id, time and text', async () => {
    const n = async (query: Record<string, string | number>) => (await q(hq, { limit: 200, ...query })).json.entries.length;
    expect(await n({ actor: 'manager2' })).toBe(5);
    expect(await n({ actor: ids.manager2! })).toBe(5);
    expect(await n({ storeId: 'store-2' })).toBe(5);
    expect(await n({ action: 'store.updated' })).toBe(5);
    expect(await n({ action: 'staff.' })).toBe(30);
    expect(await n({ entity: 'rules' })).toBe(1);
    expect(await n({ entityId: 'e-3' })).toBe(1);
    expect(await n({ from: T0 + 10 * 60_000, to: T0 + 19 * 60_000 })).toBe(10);
    expect(await n({ q: '国庆' })).toBe(1);
    expect(await n({ q: '新1' })).toBe(11); // 新1, 新10 … 新19
    expect(await n({ q: '%' })).toBe(0);
    const bad = await q(hq, { limit: 500 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/limit/);
    expect((await q(hq, { from: T0 + 10, to: T0 })).json.error.message).toMatch(/to/);
  });

  it('a manager reads only their own store’s rows; clerks and other stores are refused', async () => {
    const mine = (await q(manager1, { limit: 200 })).json.entries as { storeId: string }[];
    expect(mine.length).toBe(30);
    expect(mine.every((e) => e.storeId === 'store-1')).toBe(true);
    expect((await q(manager2, { limit: 200 })).json.entries).toHaveLength(5);
    expect((await q(manager1, { storeId: 'store-2' })).status).toBe(403);
    expect((await q(manager1, { storeId: 'store-1', limit: 200 })).json.entries).toHaveLength(30);
    expect((await q(clerk1, {})).status).toBe(403);
  });

  it('records the real writes of this issue: a store edit and a staff change are found by entity and action', async () => {
    const code = `A${ulid().slice(-6)}`;
    const s = await api('/api/stores', { token: hq, body: { code, name: '审计店' } });
    await api(`/api/stores/${s.json.id}`, { method: 'PATCH', token: hq, body: { phone: '021-1234' } });
    const found = (await api(`/api/audit?entity=store&entityId=${s.json.id}`, { token: hq })).json.entries;
    expect(found.map((e: { action: string }) => e.action)).toEqual(['store.updated', 'store.created']);
    expect(found[0].detail).toEqual({ before: { phone: '' }, after: { phone: '021-1234' } });
    expect(found[0]).toMatchObject({ actorUsername: 'admin', storeName: '审计店' });
  });
});
