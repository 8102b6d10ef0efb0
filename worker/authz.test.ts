import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

type Row = { id: string; phone: string; home_store_id: string; last_visit_store_id: string | null };
let clerk1: string, manager2: string, hq: string;
let only2: Row; // home store-2 and last served at store-2: none of store 1's business

beforeAll(async () => {
  await seedChain();
  [clerk1, manager2, hq] = await Promise.all([loginAs('clerk1'), loginAs('manager2'), loginAs('admin')]);
  only2 = (await env.DB.prepare(
    `SELECT id, phone, home_store_id, last_visit_store_id FROM members WHERE home_store_id = 'store-2' AND coalesce(last_visit_store_id, 'store-2') = 'store-2' LIMIT 1`,
  ).first<Row>())!;
});

describe('stores', () => {
  it('HQ sees every store with its figures; a clerk only their own', async () => {
    const all = await api('/api/stores', { token: hq });
    expect(all.json.stores.map((s: { id: string }) => s.id)).toEqual(['store-1', 'store-2', 'store-3']);
    expect(all.json.stores[0].memberCount).toBeGreaterThan(0);
    const own = await api('/api/stores', { token: clerk1 });
    expect(own.json.stores.map((s: { id: string }) => s.id)).toEqual(['store-1']);
  });

  it('30-day figures come from the daily rollup and equal the orders they summarise', async () => {
    const { windowStartDay } = await import('../shared/domain/business-day');
    const since = windowStartDay(Date.now(), 30);
    const truth = await env.DB.prepare(
      `SELECT store_id, count(*) n, sum(total_fen) total FROM orders WHERE kind = 'sale' AND status = 'completed' AND date(created_at / 1000 + 28800, 'unixepoch') >= ? GROUP BY store_id`,
    ).bind(since).all<{ store_id: string; n: number; total: number }>();
    const r = await api('/api/stores', { token: hq });
    for (const s of r.json.stores) {
      const t = truth.results.find((x) => x.store_id === s.id);
      expect([s.id, s.orders30d, s.sales30dFen]).toEqual([s.id, t?.n ?? 0, t?.total ?? 0]);
    }
    expect(truth.results.length).toBeGreaterThan(0);
  });

  it('a clerk of store 1 gets 403 on store 2, with a clear message', async () => {
    const r = await api('/api/stores/store-2', { token: clerk1 });
    expect(r.status).toBe(403);
    expect(r.json.error).toEqual({ code: 'FORBIDDEN', message: 'You can only access your own store’s data' });
    expect((await api('/api/stores/store-1', { token: clerk1 })).status).toBe(200);
    expect((await api('/api/stores/store-2', { token: hq })).status).toBe(200);
    expect((await api('/api/stores/store-9', { token: hq })).json.error.code).toBe('STORE_NOT_FOUND');
  });
});

describe('members', () => {
  it('a clerk browses only members their store serves', async () => {
    const r = await api('/api/members?limit=100', { token: clerk1 });
    expect(r.status).toBe(200);
    expect(r.json.members.length).toBeGreaterThan(0);
    for (const m of r.json.members) expect([m.homeStoreId, m.lastVisitStoreId]).toContain('store-1');
    const hqAll = await api('/api/members?limit=100', { token: hq });
    expect(hqAll.json.members.length).toBeGreaterThan(r.json.members.length);
  });

  it('a clerk of store 1 gets 403 on a store-2 member, but can identify them by full phone', async () => {
    const detail = await api(`/api/members/${only2.id}`, { token: clerk1 });
    expect(detail.status).toBe(403);
    expect(detail.json.error.code).toBe('FORBIDDEN');
    const last4 = await api(`/api/members?q=${only2.phone.slice(-4)}`, { token: clerk1 });
    expect(last4.json.members.map((m: { id: string }) => m.id)).not.toContain(only2.id);
    const exact = await api(`/api/members?q=${only2.phone}`, { token: clerk1 });
    expect(exact.json.members.map((m: { id: string }) => m.id)).toEqual([only2.id]);
    expect((await api(`/api/members/${only2.id}`, { token: manager2 })).status).toBe(200);
  });

  it('a member identified by card number at a store that does not serve them shows a masked phone', async () => {
    const card = (await env.DB.prepare('SELECT card_no FROM members WHERE id = ?').bind(only2.id).first<{ card_no: string }>())!.card_no;
    const byCard = await api(`/api/members?q=${card}`, { token: clerk1 });
    const masked = `${only2.phone.slice(0, 3)}****${only2.phone.slice(7)}`;
    expect(byCard.json.members.map((m: { id: string; phone: string }) => [m.id, m.phone])).toEqual([[only2.id, masked]]);
    const byPhone = await api(`/api/members?q=${only2.phone}`, { token: clerk1 });
    expect(byPhone.json.members[0].phone).toBe(only2.phone);
    expect((await api(`/api/members?q=${card}`, { token: manager2 })).json.members[0].phone).toBe(only2.phone);
    expect((await api(`/api/members?q=${card}`, { token: hq })).json.members[0].phone).toBe(only2.phone);
  });

  it('searches by name, last digits and card number; wildcards are literal', async () => {
    const m = (await env.DB.prepare(`SELECT name, card_no FROM members WHERE home_store_id = 'store-1' LIMIT 1`).first<{ name: string; card_no: string }>())!;
    const byName = await api(`/api/members?q=${encodeURIComponent(m.name)}`, { token: clerk1 });
    expect(byName.json.members.some((x: { name: string }) => x.name === m.name)).toBe(true);
    const byCard = await api(`/api/members?q=${m.card_no}`, { token: clerk1 });
    expect(byCard.json.members[0].cardNo).toBe(m.card_no);
    const wild = await api(`/api/members?q=${encodeURIComponent('%')}`, { token: hq });
    expect(wild.json.members).toEqual([]);
    const bad = await api('/api/members?limit=0', { token: hq });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('limit');
  });

  it('a member sees only themself', async () => {
    const self = (await env.DB.prepare(`SELECT id, phone FROM members WHERE home_store_id = 'store-1' LIMIT 1 OFFSET 2`).first<{ id: string; phone: string }>())!;
    const token = await memberLoginToken(self.phone);
    expect((await api(`/api/members/${self.id}`, { token })).json.id).toBe(self.id);
    const other = await api(`/api/members/${only2.id}`, { token });
    expect(other.status).toBe(403);
    expect(other.json.error.message).toBe('Members can only see their own account');
    expect((await api('/api/members/no-such-member', { token })).status).toBe(403);
    expect((await api('/api/members?q=1', { token })).status).toBe(403);
    expect((await api('/api/stores/store-1', { token })).status).toBe(403);
  });
});
