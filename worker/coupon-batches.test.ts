import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let hq: string, manager1: string, clerk1: string;
const TEMPLATE = 'ctpl-welcome-10';

beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('clerk1')]);
});

/** The batch's coupons in one member's account (their object's own view). */
async function batchCoupons(memberId: string, batchId: string): Promise<number> {
  const r = await api(`/api/members/${memberId}/account`, { token: hq });
  return (r.json.coupons as { id: string }[]).filter((c) => c.id === `batch:${batchId}:${memberId}`).length;
}

describe('coupon batches', () => {
  it('issues one coupon per member of a tier; a re-run, a retry and two at once issue nothing twice', async () => {
    const tierMembers = (await env.DB.prepare(`SELECT id, status FROM members WHERE tier_code = 'silver' ORDER BY id`).all<{ id: string; status: string }>()).results;
    const active = tierMembers.filter((m) => m.status === 'active');
    expect(active.length).toBeGreaterThan(0);
    const body = { id: ulid(), templateId: TEMPLATE, target: { kind: 'tier', tierCode: 'silver' } };
    const [a, b] = await Promise.all([api('/api/promotions/coupon-batches', { token: hq, body }), api('/api/promotions/coupon-batches', { token: hq, body })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const first = (await api(`/api/promotions/coupon-batches/${body.id}`, { token: hq })).json;
    expect(first).toMatchObject({ status: 'done', total: tierMembers.length, issued: active.length, skipped: tierMembers.length - active.length, failed: 0, templateName: '新会员10元券' });
    const again = await api('/api/promotions/coupon-batches', { token: hq, body });
    const run = await api(`/api/promotions/coupon-batches/${body.id}/run`, { method: 'POST', token: hq });
    expect([again.json.issued, run.json.issued]).toEqual([active.length, active.length]);
    for (const m of active.slice(0, 3)) expect(await batchCoupons(m.id, body.id)).toBe(1);
    const issuedAudit = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'coupon.batch_issue' AND json_extract(detail, '$.batchId') = ?`).bind(body.id).first<{ n: number }>();
    expect(issuedAudit!.n).toBe(active.length);
    const created = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'coupon_batch.create' AND entity_id = ?`).bind(body.id).first<{ n: number }>();
    expect(created!.n).toBe(1);
    expect((await api('/api/promotions/coupon-batches', { token: hq })).json.batches.map((x: { id: string }) => x.id)).toContain(body.id);
  });

  it('a CSV list of phones and ids: unknown entries are reported, known ones get one coupon', async () => {
    const [m1, m2] = (await env.DB.prepare(`SELECT id, phone FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 2`).all<{ id: string; phone: string }>()).results;
    const body = { id: ulid(), templateId: TEMPLATE, target: { kind: 'list', phones: [m1!.phone, '13900000000'], memberIds: [m2!.id, m1!.id] } };
    const r = await api('/api/promotions/coupon-batches', { token: hq, body });
    expect(r.json).toMatchObject({ status: 'done', total: 3, issued: 2, skipped: 0, failed: 1, lastError: expect.stringContaining('13900000000') });
    expect([await batchCoupons(m1!.id, body.id), await batchCoupons(m2!.id, body.id)]).toEqual([1, 1]);
  });

  it('one member, a tag, a home store', async () => {
    const m = (await env.DB.prepare(`SELECT id, home_store_id AS store FROM members WHERE status = 'active' ORDER BY id LIMIT 1`).first<{ id: string; store: string }>())!;
    await env.DB.prepare(`INSERT OR IGNORE INTO member_tags (member_id, tag, source, created_at) VALUES (?, '测试批次', 'staff', 0)`).bind(m.id).run();
    const one = await api('/api/promotions/coupon-batches', { token: hq, body: { id: ulid(), templateId: TEMPLATE, target: { kind: 'member', memberId: m.id } } });
    const tag = await api('/api/promotions/coupon-batches', { token: hq, body: { id: ulid(), templateId: TEMPLATE, target: { kind: 'tag', tag: '测试批次' } } });
    expect([one.json.issued, tag.json.issued]).toEqual([1, 1]);
    const homes = (await env.DB.prepare(`SELECT count(*) n FROM members WHERE home_store_id = ?`).bind(m.store).first<{ n: number }>())!.n;
    const store = await api('/api/promotions/coupon-batches', { token: hq, body: { id: ulid(), templateId: TEMPLATE, target: { kind: 'store', storeId: m.store } } });
    expect([store.json.status, store.json.total, store.json.issued + store.json.skipped]).toEqual(['done', homes, homes]);
  });

  it('refuses managers and clerks, a bad target naming the field, an unknown template and the same id for another batch', async () => {
    const body = { id: ulid(), templateId: TEMPLATE, target: { kind: 'tier', tierCode: 'gold' } };
    for (const token of [manager1, clerk1]) {
      expect((await api('/api/promotions/coupon-batches', { token, body })).status).toBe(403);
      expect((await api('/api/promotions/coupon-batches', { token })).status).toBe(403);
    }
    const bad = await api('/api/promotions/coupon-batches', { token: hq, body: { ...body, target: { kind: 'list', phones: ['12345'] } } });
    expect([bad.status, bad.json.error.message]).toEqual([400, expect.stringContaining('target.phones.0')]);
    const unknown = await api('/api/promotions/coupon-batches', { token: hq, body: { ...body, templateId: 'ctpl-nope' } });
    expect([unknown.status, unknown.json.error.message]).toEqual([400, expect.stringContaining('templateId')]);
    expect(await env.DB.prepare('SELECT 1 FROM coupon_batches WHERE id = ?').bind(body.id).first()).toBeNull();
    const m = (await env.DB.prepare(`SELECT id FROM members WHERE status = 'active' LIMIT 1`).first<{ id: string }>())!;
    const single = { id: ulid(), templateId: TEMPLATE, target: { kind: 'member', memberId: m.id } };
    expect((await api('/api/promotions/coupon-batches', { token: hq, body: single })).status).toBe(200);
    const clash = await api('/api/promotions/coupon-batches', { token: hq, body: { ...single, target: { kind: 'tier', tierCode: 'gold' } } });
    expect([clash.status, clash.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
  });
});
