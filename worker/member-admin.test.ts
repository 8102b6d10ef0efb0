import { env, SELF } from 'cloudflare:test';
import Papa from 'papaparse';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

type Person = { id: string; phone: string; cardNo: string };
let hq: string, manager1: string, clerk1: string, manager2: string, clerk2: string;
let n = 0;
const tag = `t${Date.now() % 100_000}`;
const name = `后台${tag}`;

/** A member written straight into D1, with a name this file's searches find. */
async function member(home: string, lastVisit: string | null, extra: { tier?: string; status?: string } = {}): Promise<Person> {
  n += 1;
  const p = { id: `m-adm-${ulid()}`, phone: `166${String(Date.now() % 1e6).padStart(6, '0')}${String(n).padStart(2, '0')}`, cardNo: `77${String(Date.now()).slice(-8)}${String(n).padStart(2, '0')}` };
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, last_visit_at, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, ?, 'female', ?, ?, ?, ?, ?, ?, ?, 0)`)
    .bind(p.id, p.phone, `${name}${n}`, home, lastVisit, lastVisit ? Date.now() - n : null, extra.tier ?? 'normal', p.cardNo, extra.status ?? 'active', n).run();
  return p;
}

const list = (token: string, query: Record<string, string> = {}) => api(`/api/member-admin/members?${new URLSearchParams({ q: name, ...query })}`, { token });
const ids = (r: { json: { members: { id: string }[] } }) => r.json.members.map((m) => m.id).sort();
const audits = (action: string, entityId: string) => env.DB.prepare('SELECT * FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY at').bind(action, entityId).all<{ id: string; detail: string; store_id: string | null }>().then((r) => r.results);

let a1: Person, a2: Person, visitor: Person, b1: Person, c1: Person;
beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1, manager2, clerk2] = await Promise.all(['admin', 'manager1', 'clerk1', 'manager2', 'clerk2'].map(loginAs)) as [string, string, string, string, string];
  a1 = await member('store-1', 'store-1', { tier: 'gold' });
  a2 = await member('store-1', null, { status: 'frozen' });
  visitor = await member('store-2', 'store-1'); // home store 2, last served at store 1
  b1 = await member('store-2', 'store-2');
  c1 = await member('store-3', null);
});

describe('search: scope by role and store (decision 002)', () => {
  it('HQ sees the chain; a store’s staff the members their store serves (home or last visit)', async () => {
    expect(ids(await list(hq))).toEqual([a1.id, a2.id, visitor.id, b1.id, c1.id].sort());
    expect(ids(await list(manager1))).toEqual([a1.id, a2.id, visitor.id].sort());
    expect(ids(await list(clerk1))).toEqual([a1.id, a2.id, visitor.id].sort());
    expect(ids(await list(manager2))).toEqual([visitor.id, b1.id].sort());
    // Asking for another store's members does not widen the scope.
    expect(ids(await list(manager1, { storeId: 'store-3' }))).toEqual([]);
    expect(ids(await list(manager1, { storeId: 'store-2' }))).toEqual([visitor.id]);
  });
  it('filters: phone (whole or last 4), card, tier, status, home store; paged with a total', async () => {
    expect(ids(await api(`/api/member-admin/members?q=${a1.phone}`, { token: hq }))).toEqual([a1.id]);
    expect(ids(await api(`/api/member-admin/members?q=${a1.phone.slice(-4)}&storeId=store-1`, { token: hq }))).toContain(a1.id);
    expect(ids(await api(`/api/member-admin/members?q=${a1.cardNo}`, { token: hq }))).toEqual([a1.id]);
    expect(ids(await list(hq, { tier: 'gold' }))).toEqual([a1.id]);
    expect(ids(await list(hq, { status: 'frozen' }))).toEqual([a2.id]);
    expect(ids(await list(hq, { storeId: 'store-2' }))).toEqual([visitor.id, b1.id].sort());
    const page = await list(hq, { pageSize: '2', page: '2' });
    expect(page.json).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.json.members).toHaveLength(2);
  });
  it('a member cannot search; bad input is a 400 naming the field', async () => {
    const bad = await api('/api/member-admin/members?pageSize=1000&tier=platinum', { token: hq });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/pageSize/);
    expect(bad.json.error.message).toMatch(/tier/);
    expect((await api('/api/member-admin/members')).status).toBe(401);
  });
});

describe('phone masking per role (decision 026)', () => {
  it('HQ and the serving store’s manager see phones whole; clerks masked', async () => {
    const phoneOf = async (token: string) => (await list(token)).json.members.find((m: { id: string }) => m.id === a1.id);
    expect(await phoneOf(hq)).toMatchObject({ phone: a1.phone, phoneMasked: false });
    expect(await phoneOf(manager1)).toMatchObject({ phone: a1.phone, phoneMasked: false });
    expect(await phoneOf(clerk1)).toMatchObject({ phone: `${a1.phone.slice(0, 3)}****${a1.phone.slice(7)}`, phoneMasked: true });
    const detail = await api(`/api/member-admin/members/${a1.id}`, { token: clerk1 });
    expect(detail.json.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
  it('the record: another store’s staff 403, an unknown id 404', async () => {
    expect((await api(`/api/member-admin/members/${a1.id}`, { token: manager2 })).status).toBe(403);
    expect((await api(`/api/member-admin/members/${a1.id}`, { token: clerk2 })).status).toBe(403);
    expect((await api('/api/member-admin/members/m-nobody', { token: hq })).status).toBe(404);
    expect((await api(`/api/member-admin/members/${a1.id}`, { token: manager1 })).json).toMatchObject({ id: a1.id, tierCode: 'gold', staffTags: [], gender: 'female' });
  });
});

describe('staff tags', () => {
  it('a serving store adds and removes tags, audited per member with before/after; a repeat changes nothing', async () => {
    await env.DB.prepare(`INSERT INTO member_tags (member_id, tag, source, created_at) VALUES (?, '烘焙', 'member', 0)`).bind(a1.id).run();
    const opId = ulid();
    const body = { opId, memberIds: [a1.id, a2.id], add: [tag, '烘焙'] };
    expect((await api('/api/member-admin/tags', { token: manager1, body })).json).toEqual({ changed: 2, unchanged: 0 });
    expect((await api('/api/member-admin/tags', { token: manager1, body })).json).toEqual({ changed: 0, unchanged: 2 });
    expect(ids(await list(hq, { tag }))).toEqual([a1.id, a2.id].sort());
    const d = (await api(`/api/member-admin/members/${a1.id}`, { token: hq })).json;
    expect(d).toMatchObject({ staffTags: [tag], interests: ['烘焙'] });
    const [audit] = await audits('member.tags', a1.id);
    expect(JSON.parse(audit!.detail)).toEqual({ staffTags: { before: [], after: [tag] } });
    expect((await api('/api/member-admin/tags', { token: hq, body: { opId: ulid(), memberIds: [a2.id], remove: [tag] } })).json).toEqual({ changed: 1, unchanged: 0 });
    expect(ids(await list(hq, { tag }))).toEqual([a1.id]);
  });
  it('another store’s member: 403 and nothing changes; bad input 400 naming the field', async () => {
    const r = await api('/api/member-admin/tags', { token: manager2, body: { opId: ulid(), memberIds: [visitor.id, a1.id], add: ['越权'] } });
    expect(r.status).toBe(403);
    expect(ids(await list(hq, { tag: '越权' }))).toEqual([]);
    const bad = await api('/api/member-admin/tags', { token: hq, body: { opId: ulid(), memberIds: [a1.id] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/add/);
    expect((await api('/api/member-admin/tags', { token: hq, body: { opId: ulid(), memberIds: ['m-nobody'], add: ['x'] } })).status).toBe(404);
  });
});

describe('新店会员分配 (assign to another store)', () => {
  it('HQ only: managers (their own store or another) and clerks are refused, nothing moves', async () => {
    for (const token of [manager1, manager2, clerk1]) {
      expect((await api('/api/member-admin/assign', { token, body: { opId: ulid(), storeId: 'store-2', memberIds: [a1.id] } })).status).toBe(403);
    }
    expect((await api(`/api/member-admin/members/${a1.id}`, { token: hq })).json.homeStoreId).toBe('store-1');
  });
  it('moves members once, audited per member with before/after; a repeat and members already there change nothing', async () => {
    const opId = ulid();
    const body = { opId, storeId: 'store-3', memberIds: [a2.id, b1.id, c1.id] };
    expect((await api('/api/member-admin/assign', { token: hq, body })).json).toEqual({ moved: 2, unchanged: 1 });
    expect((await api('/api/member-admin/assign', { token: hq, body })).json).toEqual({ moved: 0, unchanged: 3 });
    const rows = await audits('member.assign_store', b1.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: `${opId}:${b1.id}`, store_id: 'store-3' });
    expect(JSON.parse(rows[0]!.detail)).toEqual({ homeStoreId: { before: 'store-2', after: 'store-3' } });
    expect(await audits('member.assign_store', c1.id)).toHaveLength(0);
    // store 1 no longer browses a2 (home moved, never visited); store 3's manager now does.
    expect(ids(await list(manager1))).not.toContain(a2.id);
    expect(ids(await list(await loginAs('manager3')))).toContain(a2.id);
  });
  it('by filter; unknown store or member 404, bad body 400 naming the field, nothing moves', async () => {
    expect((await api('/api/member-admin/assign', { token: hq, body: { opId: ulid(), storeId: 'store-1', filter: { q: name, storeId: 'store-3' } } })).json).toEqual({ moved: 3, unchanged: 0 });
    expect(ids(await list(hq, { storeId: 'store-1' }))).toEqual([a1.id, a2.id, b1.id, c1.id].sort());
    expect((await api('/api/member-admin/assign', { token: hq, body: { opId: ulid(), storeId: 'store-nowhere', memberIds: [a1.id] } })).status).toBe(404);
    expect((await api('/api/member-admin/assign', { token: hq, body: { opId: ulid(), storeId: 'store-2', memberIds: [a1.id, 'm-nobody'] } })).status).toBe(404);
    expect((await api(`/api/member-admin/members/${a1.id}`, { token: hq })).json.homeStoreId).toBe('store-1');
    const bad = await api('/api/member-admin/assign', { token: hq, body: { opId: 'nope', storeId: 'store-2' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/opId/);
    expect(bad.json.error.message).toMatch(/memberIds/);
  });
});

describe('CSV export', () => {
  it('managers get their store’s members, HQ the chain, with a BOM; clerks are refused; audited', async () => {
    expect((await api(`/api/member-admin/members/export?q=${encodeURIComponent(name)}`, { token: clerk1 })).status).toBe(403);
    const r = await api(`/api/member-admin/members/export?q=${encodeURIComponent(name)}`, { token: manager1 });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="members-\d{8}\.csv"/);
    // fetch's text() drops a BOM: look at the bytes.
    const raw = await SELF.fetch(`http://local/api/member-admin/members/export?q=${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${manager1}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = Papa.parse<string[]>(r.json as string, { skipEmptyLines: true }).data;
    expect(header!.slice(0, 3)).toEqual(['手机', '姓名', '性别']);
    // After the moves above, store 1 is home to four of them and last served the visitor: all five, phones whole.
    expect(rows.map((x) => x[0]).sort()).toEqual([a1, a2, b1, c1, visitor].map((m) => m.phone).sort());
    const hqRows = Papa.parse<string[]>(((await api(`/api/member-admin/members/export?q=${encodeURIComponent(name)}`, { token: hq })).json as string), { skipEmptyLines: true }).data;
    expect(hqRows).toHaveLength(6);
    const audit = await env.DB.prepare(`SELECT actor_id, detail FROM audit_log WHERE action = 'member.export' ORDER BY at DESC LIMIT 1`).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ rows: 5, filter: { q: name } });
  });
});
