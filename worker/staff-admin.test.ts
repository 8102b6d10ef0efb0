import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../scripts/seed/demo-catalog';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// Stores, staff accounts and the forced password change (decision 023).
let hq: string, manager1: string, manager2: string, clerk1: string, member: string;
const uname = (p = 'st') => `${p}-${ulid().toLowerCase().slice(-10)}`;
const pw = () => `Temp-${ulid()}`;
const count = async (q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<{ n: number }>())!.n;
const auditRows = (entityId: string) => env.DB.prepare('SELECT action, actor_id, store_id, detail FROM audit_log WHERE entity_id = ? ORDER BY at, id').bind(entityId).all<{ action: string; actor_id: string; store_id: string | null; detail: string }>().then((r) => r.results);
const login = (username: string, password: string) => api('/api/auth/login', { body: { username, password } });

async function newClerk(token: string, storeId = 'store-1') {
  const body = { username: uname('clerk'), name: '新店员', phone: '13800001111', role: 'clerk', storeId, password: pw() };
  const r = await api('/api/staff', { token, body });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return { ...body, id: r.json.id as string };
}

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1')]);
  const phone = `196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '员工测试会员', 'female', 'store-1', 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(`m-sa-${ulid()}`, phone, `74${String(Date.now()).slice(-10)}`).run();
  member = await memberLoginToken(phone);
});

describe('stores', () => {
  it('HQ creates and edits a store, audited with before/after; a taken code is a 409 naming it; bad input changes nothing', async () => {
    const code = `T${ulid().slice(-6)}`;
    const made = await api('/api/stores', { token: hq, body: { code, name: '测试新店', address: '上海市', phone: '021-5555 1234', hours: '10:00-22:00' } });
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ code, name: '测试新店', hours: '10:00-22:00', status: 'open' });
    const id = made.json.id as string;

    const dup = await api('/api/stores', { token: hq, body: { code, name: '另一家' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toMatch(/^code:/);
    const other = await api(`/api/stores/store-1`, { method: 'PATCH', token: hq, body: { code } });
    expect(other.status).toBe(409);

    const bad = await api(`/api/stores/${id}`, { method: 'PATCH', token: hq, body: { name: '', hours: 'x'.repeat(81) } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/name/);
    expect(bad.json.error.message).toMatch(/hours/);
    const empty = await api(`/api/stores/${id}`, { method: 'PATCH', token: hq, body: {} });
    expect(empty.status).toBe(400);

    const edit = await api(`/api/stores/${id}`, { method: 'PATCH', token: hq, body: { name: '测试新店（改）', status: 'closed' } });
    expect(edit.json).toMatchObject({ name: '测试新店（改）', status: 'closed', code });
    const rows = await auditRows(id);
    expect(rows.map((r) => r.action)).toEqual(['store.created', 'store.updated']);
    expect(JSON.parse(rows[1]!.detail)).toEqual({ before: { name: '测试新店', status: 'open' }, after: { name: '测试新店（改）', status: 'closed' } });
    expect(rows[1]!.store_id).toBe(id);

    // The list and GET carry hours; nobody but HQ writes.
    expect((await api(`/api/stores/${id}`, { token: hq })).json.hours).toBe('10:00-22:00');
    for (const t of [manager1, clerk1, member]) {
      expect((await api('/api/stores', { token: t, body: { code: `X${ulid().slice(-6)}`, name: 'x' } })).status).toBe(403);
      expect((await api('/api/stores/store-1', { method: 'PATCH', token: t, body: { name: 'x' } })).status).toBe(403);
    }
    expect((await api('/api/stores/store-nope', { method: 'PATCH', token: hq, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('staff accounts: who manages whom', () => {
  it('HQ creates anyone; a manager only clerks of their own store; clerks and members nothing', async () => {
    const m = await api('/api/staff', { token: hq, body: { username: uname('mgr'), name: '新店长', role: 'store_manager', storeId: 'store-2', password: pw() } });
    expect(m.status).toBe(200);
    expect(m.json).toMatchObject({ role: 'store_manager', storeId: 'store-2', storeName: expect.any(String), mustChangePassword: true, status: 'active' });
    const h = await api('/api/staff', { token: hq, body: { username: uname('hq'), name: '总部', role: 'hq_admin', password: pw() } });
    expect(h.json).toMatchObject({ role: 'hq_admin', storeId: null });

    await newClerk(manager1);
    const asManager = (body: object) => api('/api/staff', { token: manager1, body: { username: uname(), name: 'x', password: pw(), ...body } });
    expect((await asManager({ role: 'store_manager', storeId: 'store-1' })).status).toBe(403);
    expect((await asManager({ role: 'hq_admin' })).status).toBe(403);
    expect((await asManager({ role: 'clerk', storeId: 'store-2' })).status).toBe(403);
    for (const t of [clerk1, member]) expect((await api('/api/staff', { token: t, body: { username: uname(), name: 'x', role: 'clerk', storeId: 'store-1', password: pw() } })).status).toBe(403);
    for (const t of [clerk1, member]) expect((await api('/api/staff', { token: t })).status).toBe(403);

    const list1 = await api('/api/staff', { token: manager1 });
    expect(list1.status).toBe(200);
    expect(new Set(list1.json.staff.map((s: { storeId: string }) => s.storeId))).toEqual(new Set(['store-1']));
    expect(JSON.stringify(list1.json)).not.toMatch(/pbkdf2|passwordHash|pinHash/);
    expect((await api('/api/staff?storeId=store-2', { token: manager1 })).status).toBe(403);
    const all = await api('/api/staff', { token: hq });
    expect(new Set(all.json.staff.map((s: { storeId: string | null }) => s.storeId))).toContain('store-2');
    expect((await api('/api/staff?q=manager1', { token: hq })).json.staff.map((s: { username: string }) => s.username)).toEqual(['manager1']);
  });

  it('bad input is a 400 naming the field and writes nothing; a taken username is a 409', async () => {
    const before = await count('SELECT count(*) n FROM staff');
    const cases: [object, RegExp][] = [
      [{ username: 'a', name: 'x', role: 'clerk', storeId: 'store-1', password: pw() }, /username/],
      [{ username: uname(), name: '', role: 'clerk', storeId: 'store-1', password: pw() }, /name/],
      [{ username: uname(), name: 'x', role: 'clerk', storeId: 'store-1', password: 'short' }, /password/],
      [{ username: uname(), name: 'x', role: 'clerk', password: pw() }, /storeId/],
      [{ username: uname(), name: 'x', role: 'hq_admin', storeId: 'store-1', password: pw() }, /storeId/],
      [{ username: uname(), name: 'x', role: 'clerk', storeId: 'store-1', phone: '123', password: pw() }, /phone/],
      [{ username: uname(), name: 'x', role: 'clerk', storeId: 'store-nope', password: pw() }, /storeId/],
      [{ username: uname(), name: 'x', role: 'boss', storeId: 'store-1', password: pw() }, /role/],
    ];
    for (const [body, field] of cases) {
      const r = await api('/api/staff', { token: hq, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.message).toMatch(field);
    }
    const dup = await api('/api/staff', { token: hq, body: { username: 'CLERK1', name: 'x', role: 'clerk', storeId: 'store-1', password: pw() } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toMatch(/^username/);
    expect(await count('SELECT count(*) n FROM staff')).toBe(before);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'staff.created' AND detail LIKE '%"name":"x"%'`)).toBe(0);

    const c = await newClerk(hq);
    const bad = await api(`/api/staff/${c.id}`, { method: 'PATCH', token: hq, body: { phone: 'abc', name: '改了' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/phone/);
    expect(await env.DB.prepare('SELECT name FROM staff WHERE id = ?').bind(c.id).first('name')).toBe('新店员');
  });

  it('edits: a manager renames their clerk but cannot promote or move them, nor touch another store’s; HQ moves; audited with before/after', async () => {
    const c = await newClerk(manager1);
    const c2 = await newClerk(manager2, 'store-2');
    const patch = (token: string, id: string, body: object) => api(`/api/staff/${id}`, { method: 'PATCH', token, body });
    expect((await patch(manager1, c.id, { name: '改名', phone: '' })).json).toMatchObject({ name: '改名', phone: '' });
    expect((await patch(manager1, c.id, { role: 'store_manager' })).status).toBe(403);
    expect((await patch(manager1, c.id, { storeId: 'store-2' })).status).toBe(403);
    expect((await patch(manager1, c2.id, { name: '别人的' })).status).toBe(403);
    expect((await patch(clerk1, c.id, { name: '店员改' })).status).toBe(403);
    const manager1Id = (await api('/api/me', { token: manager1 })).json.user.id as string;
    expect((await patch(manager1, manager1Id, { name: '自己' })).status).toBe(403);
    expect((await patch(hq, c.id, { role: 'hq_admin' })).json).toMatchObject({ role: 'hq_admin', storeId: null });
    expect((await patch(hq, c.id, { role: 'clerk' })).status).toBe(400);
    expect((await patch(hq, c.id, { role: 'clerk', storeId: 'store-3' })).json).toMatchObject({ role: 'clerk', storeId: 'store-3' });
    const rows = await auditRows(c.id);
    expect(rows.map((r) => r.action)).toEqual(['staff.created', 'staff.updated', 'staff.updated', 'staff.updated']);
    expect(JSON.parse(rows[1]!.detail)).toEqual({ before: { name: '新店员', phone: '13800001111' }, after: { name: '改名', phone: '' } });
    expect(JSON.parse(rows[2]!.detail)).toEqual({ before: { role: 'clerk', storeId: 'store-1' }, after: { role: 'hq_admin', storeId: null } });
    expect(rows.every((r) => !/password|pbkdf2/i.test(r.detail))).toBe(true);
  });

  it('disable signs the person out and refuses sign-in; enable lets them back; nobody disables themself', async () => {
    const c = await newClerk(hq);
    // As if the first password had been changed already: this test is about the status alone.
    await env.DB.prepare('UPDATE staff SET must_change_password = 0 WHERE id = ?').bind(c.id).run();
    const own = c.password;
    const token = (await login(c.username, own)).json.token as string;
    expect((await api('/api/shifts/current', { token })).status).toBe(200);

    expect((await api(`/api/staff/${c.id}/disable`, { token: manager2, body: {} })).status).toBe(403);
    expect((await api(`/api/staff/${c.id}/disable`, { token: clerk1, body: {} })).status).toBe(403);
    const off = await api(`/api/staff/${c.id}/disable`, { token: manager1, body: {} });
    expect(off.json.status).toBe('disabled');
    expect((await api('/api/shifts/current', { token })).status).toBe(401);
    expect((await login(c.username, own)).status).toBe(403);
    expect((await api(`/api/staff/${c.id}/enable`, { token: manager1, body: {} })).json.status).toBe('active');
    expect((await login(c.username, own)).status).toBe(200);

    const hqId = (await api('/api/me', { token: hq })).json.user.id as string;
    expect((await api(`/api/staff/${hqId}/disable`, { token: hq, body: {} })).status).toBe(403);
    const manager1Id = (await api('/api/me', { token: manager1 })).json.user.id as string;
    expect((await api(`/api/staff/${manager1Id}/disable`, { token: manager1, body: {} })).status).toBe(403);
    expect((await api(`/api/staff/staff-nope/disable`, { token: hq, body: {} })).status).toBe(404);
    const actions = (await auditRows(c.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.disabled', 'staff.enabled']));
  });
});

describe('reset and the forced password change', () => {
  it('reset: old password fails, the temporary one signs in to a session that can only change its password, then all is fine', async () => {
    const c = await newClerk(manager1);
    // The first sign-in must also choose a password: the creator knew the first one.
    const first = await login(c.username, c.password);
    expect(first.json.mustChangePassword).toBe(true);
    const own = `Own-${ulid()}`;
    expect((await api('/api/me/password', { method: 'PUT', token: first.json.token, body: { currentPassword: c.password, newPassword: own } })).status).toBe(200);
    const before = (await login(c.username, own)).json;
    expect(before.mustChangePassword).toBe(false);
    expect((await api('/api/shifts/current', { token: before.token })).status).toBe(200);

    expect((await api(`/api/staff/${c.id}/reset-password`, { token: manager2, body: {} })).status).toBe(403);
    expect((await api(`/api/staff/${c.id}/reset-password`, { token: clerk1, body: {} })).status).toBe(403);
    expect((await api(`/api/staff/${c.id}/reset-password`, { token: hq, body: { password: 'short' } })).status).toBe(400);
    const reset = await api(`/api/staff/${c.id}/reset-password`, { token: manager1, body: {} });
    expect(reset.status).toBe(200);
    expect(reset.json.temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(reset.json.revokedSessions).toBeGreaterThanOrEqual(1);
    expect(reset.json.account.mustChangePassword).toBe(true);
    const temp = reset.json.temporaryPassword as string;

    expect((await api('/api/shifts/current', { token: before.token })).status).toBe(401);
    expect((await login(c.username, own)).status).toBe(401);
    const s = await login(c.username, temp);
    expect(s.status).toBe(200);
    expect(s.json.mustChangePassword).toBe(true);
    const token = s.json.token as string;
    for (const path of ['/api/shifts/current', '/api/stores', '/api/members?q=138', '/api/rules']) {
      const r = await api(path, { token });
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await api('/api/orders', { token, body: {} })).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await api('/api/me', { token })).json).toMatchObject({ mustChangePassword: true, user: { id: c.id } });

    const wrong = await api('/api/me/password', { method: 'PUT', token, body: { currentPassword: temp, newPassword: temp } });
    expect(wrong.status).toBe(400);
    const next = `Next-${ulid()}`;
    expect((await api('/api/me/password', { method: 'PUT', token, body: { currentPassword: temp, newPassword: next } })).status).toBe(200);
    expect((await api('/api/shifts/current', { token })).status).toBe(200);
    expect((await api('/api/me', { token })).json.mustChangePassword).toBe(false);
    expect((await login(c.username, temp)).status).toBe(401);
    expect((await login(c.username, next)).json.mustChangePassword).toBe(false);

    const rows = await auditRows(c.id);
    const r = rows.find((x) => x.action === 'staff.password_reset')!;
    expect(JSON.parse(r.detail)).toEqual({ generated: true, before: { mustChangePassword: false }, after: { mustChangePassword: true } });
    expect(rows.some((x) => x.detail.includes(temp) || x.detail.includes(own) || x.detail.includes(next))).toBe(false);
    expect(r.store_id).toBe('store-1');
  });

  it('a demo account’s own sign-in says mustChangePassword false; nobody resets their own password here', async () => {
    expect((await login('clerk1', DEMO_PASSWORD)).json.mustChangePassword).toBe(false);
    expect((await api('/api/me', { token: clerk1 })).json.mustChangePassword).toBe(false);
    const hqId = (await api('/api/me', { token: hq })).json.user.id as string;
    expect((await api(`/api/staff/${hqId}/reset-password`, { token: hq, body: {} })).status).toBe(403);
  });
});
