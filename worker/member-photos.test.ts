import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

let clerk1: string, clerk2: string, hq: string;

const phone = () => `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
/** A registered member of store 1 (so clerk1 serves them and clerk2 does not). */
async function newMember() {
  const r = await api('/api/members', { token: clerk1, body: { id: ulid(), phone: phone(), name: '拍照会员', homeStoreId: 'store-1', createdAt: Date.now() } });
  expect(r.status).toBe(201);
  return r.json as { id: string; phone: string };
}
const jpeg = (payload = 'AAEC/w==') => `data:image/jpeg;base64,${payload}`;
const put = (token: string, id: string, body: unknown) => api(`/api/members/${id}/photo`, { method: 'PUT', token, body });
const get = (token: string, id: string) => api(`/api/members/${id}/photo`, { token });
const audits = (id: string) =>
  env.DB.prepare(`SELECT actor_id, store_id, detail FROM audit_log WHERE action = 'member.photo' AND entity_id = ? ORDER BY at, id`).bind(id).all<{ actor_id: string; store_id: string; detail: string }>();

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2, hq] = await Promise.all([loginAs('clerk1'), loginAs('clerk2'), loginAs('admin')]);
});

describe('member photos', () => {
  it('staff who serve the member set and replace it, each audited; the member sees their own', async () => {
    const m = await newMember();
    expect((await get(clerk1, m.id)).json).toEqual({ dataUrl: null });

    const first = await put(clerk1, m.id, { dataUrl: jpeg() });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ ok: true });
    expect((await get(clerk1, m.id)).json).toEqual({ dataUrl: jpeg() });
    expect((await get(hq, m.id)).json).toEqual({ dataUrl: jpeg() });
    expect((await get(await memberLoginToken(m.phone), m.id)).json).toEqual({ dataUrl: jpeg() });

    expect((await put(hq, m.id, { dataUrl: jpeg('/9j/4AAQ') })).status).toBe(200);
    expect((await get(clerk1, m.id)).json).toEqual({ dataUrl: jpeg('/9j/4AAQ') });
    const rows = await env.DB.prepare('SELECT updated_by FROM member_photos WHERE member_id = ?').bind(m.id).all<{ updated_by: string }>();
    expect(rows.results).toEqual([{ updated_by: 'staff-admin' }]);
    const a = (await audits(m.id)).results;
    expect(a.map((r) => [r.actor_id, JSON.parse(r.detail)])).toEqual([
      ['staff-clerk1', { bytes: jpeg().length, replaced: false }],
      ['staff-admin', { bytes: jpeg('/9j/4AAQ').length, replaced: true }],
    ]);
    expect(a[0]!.store_id).toBe('store-1');
  });

  it('refuses other stores, members, unknown members and anything but a small JPEG data URL', async () => {
    const m = await newMember();
    const other = await newMember();
    const otherStore = await put(clerk2, m.id, { dataUrl: jpeg() });
    expect([otherStore.status, otherStore.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get(clerk2, m.id)).status).toBe(403);

    const memberToken = await memberLoginToken(m.phone);
    expect((await put(memberToken, m.id, { dataUrl: jpeg() })).status).toBe(403);
    expect((await get(memberToken, other.id)).status).toBe(403);
    const missing = await get(hq, ulid());
    expect([missing.status, missing.json.error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect((await api(`/api/members/${m.id}/photo`)).status).toBe(401);

    for (const dataUrl of ['data:image/png;base64,AAAA', 'data:image/jpeg;base64,not base64!', jpeg('A'.repeat(60 * 1024))]) {
      const bad = await put(clerk1, m.id, { dataUrl });
      expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(bad.json.error.message).toContain('dataUrl');
    }
    expect((await put(clerk1, m.id, {})).status).toBe(400);
    expect((await get(clerk1, m.id)).json).toEqual({ dataUrl: null });
    expect((await audits(m.id)).results).toHaveLength(0);
  });
});
