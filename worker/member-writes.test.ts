import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../shared/domain/authz';
import { isDomainError } from '../shared/errors';
import { openDb } from './db/client';
import { adjustInventory } from './services/inventory';
import { registerMember, updateMember } from './services/member-registry';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

let clerk1: string, clerk2: string, manager1: string, hq: string;

const phone = () => `198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const registration = (over: Record<string, unknown> = {}) => ({ id: ulid(), phone: phone(), name: '新会员', homeStoreId: 'store-1', createdAt: Date.now() - 60_000, ...over });
const register = (token: string, body: unknown) => api('/api/members', { token, body });
const count = async (q: string, ...args: unknown[]) => (await env.DB.prepare(q).bind(...args).first<{ n: number }>())!.n;

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2, manager1, hq] = await Promise.all([loginAs('clerk1'), loginAs('clerk2'), loginAs('manager1'), loginAs('admin')]);
});

describe('POST /api/members', () => {
  it('registers a member once per id, with a server-assigned card, audited once', async () => {
    const body = registration({ gender: 'female', birthday: '1990-05-01' });
    const first = await register(clerk1, body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ id: body.id, phone: body.phone, name: '新会员', gender: 'female', birthday: '1990-05-01', homeStoreId: 'store-1', tierCode: 'normal', status: 'active', joinedAt: body.createdAt, principalFen: 0, bonusFen: 0, points: 0, lastVisitAt: null });
    expect(first.json.cardNo).toMatch(/^8800\d{8}$/);
    const read = await api(`/api/members/${body.id}`, { token: clerk1 });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(first.json);

    const again = await register(clerk1, body);
    expect([again.status, again.json]).toEqual([201, first.json]);
    expect(await count('SELECT count(*) n FROM members WHERE phone = ?', body.phone)).toBe(1);
    const audit = await env.DB.prepare(`SELECT actor_id, store_id, detail FROM audit_log WHERE action = 'member.register' AND entity_id = ?`).bind(body.id).all<{ actor_id: string; store_id: string; detail: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.store_id).toBe('store-1');
    expect(JSON.parse(audit.results[0]!.detail)).toMatchObject({ phone: body.phone, cardNo: first.json.cardNo });

    const otherPhone = await register(clerk1, { ...body, phone: phone() });
    expect([otherPhone.status, otherPhone.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    const taken = await register(clerk1, registration({ phone: body.phone }));
    expect([taken.status, taken.json.error.code]).toEqual([409, 'PHONE_TAKEN']);
    expect(taken.json.error.message).toContain(body.phone);
  });

  it('the same registration sent concurrently makes one member; different ones get distinct cards', async () => {
    const body = registration();
    const same = await Promise.all([1, 2, 3].map(() => register(clerk1, body)));
    expect(same.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(same.map((r) => r.json.cardNo)).size).toBe(1);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'member.register' AND entity_id = ?`, body.id)).toBe(1);

    const many = await Promise.all(Array.from({ length: 8 }, () => register(hq, registration({ homeStoreId: 'store-3' }))));
    expect(many.map((r) => r.status)).toEqual(Array(8).fill(201));
    const cards = many.map((r) => r.json.cardNo as string);
    for (const c of cards) expect(c).toMatch(/^\d{12}$/);
    expect(new Set(cards).size).toBe(8);
    expect(await count(`SELECT count(*) n FROM members WHERE card_no IN (${cards.map(() => '?').join(',')})`, ...cards)).toBe(8);

    const givenCard = await register(manager1, registration({ cardNo: cards[0] }));
    expect([givenCard.status, givenCard.json.error.code]).toEqual([409, 'CONFLICT']);
    const ownCard = await register(manager1, registration({ cardNo: '660000000001' }));
    expect([ownCard.status, ownCard.json.cardNo]).toEqual([201, '660000000001']);
  });

  it('refuses other stores, members, unknown stores and bad bodies', async () => {
    const elsewhere = registration({ homeStoreId: 'store-2' });
    const r = await register(clerk1, elsewhere);
    expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await count('SELECT count(*) n FROM members WHERE id = ?', elsewhere.id)).toBe(0);
    const nowhere = await register(hq, registration({ homeStoreId: 'store-404' }));
    expect([nowhere.status, nowhere.json.error.code]).toEqual([404, 'STORE_NOT_FOUND']);

    const bad = await register(clerk1, { ...registration(), phone: '12345', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    expect(bad.json.error.message).toContain('phone');
    expect(bad.json.error.message).toContain('name');
    const badCard = await register(clerk1, registration({ cardNo: '12ab' }));
    expect([badCard.status, badCard.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const self = (await register(clerk1, registration())).json;
    const memberToken = await memberLoginToken(self.phone);
    const byMember = await register(memberToken, registration());
    expect(byMember.status).toBe(403);
    const selfEdit = await api(`/api/members/${self.id}`, { method: 'PATCH', token: memberToken, body: { name: '我自己' } });
    expect(selfEdit.status).toBe(403);
  });
});

describe('PATCH /api/members/:id', () => {
  it('changes the fields that differ, audits before/after, keeps phones unique', async () => {
    const m = (await register(clerk1, registration({ name: '旧名字' }))).json;
    const other = (await register(clerk1, registration())).json;
    const before = await env.DB.prepare('SELECT updated_at u FROM members WHERE id = ?').bind(m.id).first<{ u: number }>();

    const r = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: { name: '新名字', gender: 'male' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: m.id, name: '新名字', gender: 'male', phone: m.phone, cardNo: m.cardNo });
    expect((await api(`/api/members/${m.id}`, { token: clerk1 })).json).toMatchObject({ name: '新名字', gender: 'male' });
    const row = await env.DB.prepare('SELECT name, updated_at u FROM members WHERE id = ?').bind(m.id).first<{ name: string; u: number }>();
    expect(row!.name).toBe('新名字');
    expect(row!.u).toBeGreaterThanOrEqual(before!.u);
    const audits = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'member.update' AND entity_id = ?`).bind(m.id).all<{ detail: string }>();
    expect(audits.results.map((a) => JSON.parse(a.detail))).toEqual([{ name: { before: '旧名字', after: '新名字' }, gender: { before: 'unknown', after: 'male' } }]);

    // The same values again: nothing to write, nothing audited.
    const same = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: { name: '新名字' } });
    expect([same.status, same.json.name]).toEqual([200, '新名字']);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'member.update' AND entity_id = ?`, m.id)).toBe(1);

    const taken = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: { phone: other.phone } });
    expect([taken.status, taken.json.error.code]).toEqual([409, 'PHONE_TAKEN']);
    expect(await count('SELECT count(*) n FROM members WHERE id = ? AND phone = ?', m.id, m.phone)).toBe(1);
    const newPhone = phone();
    const moved = await api(`/api/members/${m.id}`, { method: 'PATCH', token: hq, body: { phone: newPhone, birthday: '1988-02-29' } });
    expect(moved.json).toMatchObject({ phone: newPhone, birthday: '1988-02-29' });

    const empty = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: {} });
    expect([empty.status, empty.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notServed = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk2, body: { name: '别店改名' } });
    expect(notServed.status).toBe(403);
    const missing = await api(`/api/members/${ulid()}`, { method: 'PATCH', token: hq, body: { name: 'x' } });
    expect([missing.status, missing.json.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
  });

  it('a replayed edit (same opId) changes nothing, even after a later edit', async () => {
    const m = (await register(clerk1, registration({ name: '甲' }))).json;
    const first = { opId: ulid(), name: '乙' };
    expect((await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: first })).json.name).toBe('乙');
    expect((await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: { opId: ulid(), name: '丙' } })).json.name).toBe('丙');
    const replay = await api(`/api/members/${m.id}`, { method: 'PATCH', token: clerk1, body: first });
    expect([replay.status, replay.json.name]).toEqual([200, '丙']);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'member.update' AND entity_id = ?`, m.id)).toBe(2);
  });
});

describe('POST /api/inventory/adjustments', () => {
  const STORE = 'store-2', PRODUCT = 'p-401';
  const adjust = (token: string, delta: number, id = ulid()) =>
    api('/api/inventory/adjustments', { token, body: { id, storeId: STORE, productId: PRODUCT, delta, reason: delta > 0 ? 'receive' : 'damage', createdAt: Date.now() } });
  const stock = () => env.DB.prepare('SELECT quantity q FROM inventory WHERE store_id = ? AND product_id = ?').bind(STORE, PRODUCT).first<{ q: number }>();

  it('moves the stock once per id, never below zero, and audits each movement', async () => {
    await env.DB.prepare('DELETE FROM inventory WHERE store_id = ? AND product_id = ?').bind(STORE, PRODUCT).run();
    const plus = await adjust(clerk2, 5);
    expect(plus.json).toEqual({ storeId: STORE, productId: PRODUCT, quantity: 5, lowStockThreshold: 0, replayed: false });
    const minusId = ulid();
    expect((await adjust(clerk2, -3, minusId)).json).toMatchObject({ quantity: 2, replayed: false });
    expect((await adjust(clerk2, -3, minusId)).json).toMatchObject({ quantity: 2, replayed: true });
    expect(await stock()).toEqual({ q: 2 });
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE id = ?', minusId)).toBe(1);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'inventory.adjust' AND id = ?`, minusId)).toBe(1);
    expect((await api(`/api/inventory/${STORE}/${PRODUCT}`, { token: clerk2 })).json).toMatchObject({ quantity: 2 });

    const tooMuchId = ulid();
    const tooMuch = await adjust(clerk2, -10, tooMuchId);
    expect([tooMuch.status, tooMuch.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(tooMuch.json.error.message).toContain('current quantity 2');
    expect(await stock()).toEqual({ q: 2 });
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE id = ?', tooMuchId)).toBe(0);
    expect(await count('SELECT count(*) n FROM audit_log WHERE id = ?', tooMuchId)).toBe(0);

    // Concurrent withdrawals of the last two: exactly two pass.
    const race = await Promise.all(Array.from({ length: 6 }, () => adjust(clerk2, -1)));
    expect(race.filter((r) => r.status === 200)).toHaveLength(2);
    expect(race.filter((r) => r.status === 400)).toHaveLength(4);
    expect(await stock()).toEqual({ q: 0 });
    // A repeat of an applied withdrawal is still a repeat once the stock has run out.
    expect((await adjust(clerk2, -3, minusId)).json).toMatchObject({ quantity: 0, replayed: true });
    const changed = await adjust(clerk2, -2, minusId);
    expect([changed.status, changed.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
  });

  it('refuses other stores, unknown products and a zero delta', async () => {
    const id = ulid();
    const otherStore = await adjust(clerk1, 5, id);
    expect([otherStore.status, otherStore.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE id = ?', id)).toBe(0);
    expect((await adjust(hq, 1)).status).toBe(200);
    const noProduct = await api('/api/inventory/adjustments', { token: clerk2, body: { id: ulid(), storeId: STORE, productId: 'p-nope', delta: 1, reason: 'count', createdAt: Date.now() } });
    expect([noProduct.status, noProduct.json.error.message]).toEqual([400, 'productId: no product p-nope']);
    const zero = await adjust(clerk2, 0);
    expect([zero.status, zero.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(zero.json.error.message).toContain('delta');
  });
});

// Through SELF.fetch the copies of a request rarely overlap; called side by side, the services'
// own race handling (the failed D1 batch) is what answers.
describe('races, at the service (as the sync push calls it)', () => {
  const actor: Actor = { kind: 'staff', id: 'staff-clerk1', name: '王小芳', role: 'clerk', storeId: 'store-1' };
  const outcome = (p: Promise<unknown>) => p.then((v) => v, (e) => (isDomainError(e) ? e.code : Promise.reject(e)));

  it('one registration sent five times at once: one member, one audit row, the same answer', async () => {
    const db = openDb(env.DB);
    const input = { id: ulid(), phone: phone(), name: '并发', gender: 'unknown', birthday: null, homeStoreId: 'store-1', cardNo: null, createdAt: 1 } as const;
    const out = (await Promise.all(Array.from({ length: 5 }, () => registerMember(db, actor, input)))).map((m) => m.cardNo);
    expect(new Set(out).size).toBe(1);
    expect(await count('SELECT count(*) n FROM members WHERE id = ?', input.id)).toBe(1);
    expect(await count('SELECT count(*) n FROM audit_log WHERE id = ?', input.id)).toBe(1);
  });

  it('one withdrawal sent four times at once against one unit: applied once, the rest are repeats', async () => {
    const db = openDb(env.DB);
    await env.DB.prepare(`INSERT OR REPLACE INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) VALUES ('store-1', 'p-401', 1, 0, 0)`).run();
    const input = { id: ulid(), storeId: 'store-1', productId: 'p-401', delta: -1, reason: 'damage', note: '', createdAt: 1 } as const;
    const out = await Promise.all(Array.from({ length: 4 }, () => adjustInventory(db, actor, input)));
    expect(out.map((r) => r.quantity)).toEqual([0, 0, 0, 0]);
    expect(out.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await count('SELECT count(*) n FROM audit_log WHERE id = ?', input.id)).toBe(1);
  });

  it('concurrent edits of one field all land, each audited with the value it really replaced', async () => {
    const db = openDb(env.DB);
    const m = await registerMember(db, actor, { id: ulid(), phone: phone(), name: '原名', gender: 'unknown', birthday: null, homeStoreId: 'store-1', cardNo: null, createdAt: 1 });
    const names = ['甲', '乙', '丙', '丁'];
    const out = await Promise.all(names.map((name) => outcome(updateMember(db, actor, { id: m.id, name }))));
    // A guarded write that lost the race reads again (CONFLICT only after three lost races).
    for (const o of out) if (typeof o === 'string') expect(o).toBe('CONFLICT');
    const audits = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'member.update' AND entity_id = ? ORDER BY at, id`).bind(m.id).all<{ detail: string }>();
    const steps = audits.results.map((a) => JSON.parse(a.detail).name as { before: string; after: string });
    expect(steps).toHaveLength(out.filter((o) => typeof o !== 'string').length);
    // The audited edits chain from the original name to the one stored.
    let name = '原名';
    for (const step of steps) {
      expect(step.before).toBe(name);
      name = step.after;
    }
    expect((await env.DB.prepare('SELECT name FROM members WHERE id = ?').bind(m.id).first<{ name: string }>())!.name).toBe(name);
  });
});
