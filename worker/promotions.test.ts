import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let hq: string, clerk1: string, clerk2: string;
const DAY = 86_400_000;
const campaign = (id: string) => ({
  id, name: '越秀店周末9折', kind: 'percent_off', discountBp: 9_000, categoryIds: null, storeIds: ['store-2'],
  startsAt: Date.now() - DAY, endsAt: Date.now() + 30 * DAY, weekdays: [6, 7], active: true,
});

beforeAll(async () => {
  await seedChain();
  [hq, clerk1, clerk2] = await Promise.all([loginAs('admin'), loginAs('clerk1'), loginAs('clerk2')]);
});

describe('campaigns', () => {
  it('HQ creates one for a store: audited, listed for that store only, and on its tablets at the next pull', async () => {
    const id = `cmp-${ulid()}`;
    const put = await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id) });
    expect(put.status).toBe(200);
    expect((await api('/api/promotions/campaigns', { token: hq })).json.campaigns.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api('/api/promotions/campaigns', { token: clerk2 })).json.campaigns.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api('/api/promotions/campaigns', { token: clerk1 })).json.campaigns.map((c: { id: string }) => c.id)).not.toContain(id);
    const audit = await env.DB.prepare(`SELECT action FROM audit_log WHERE entity = 'campaign' AND entity_id = ?`).bind(id).all<{ action: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(['campaign.create']);
    // Store 2's tablet, syncing its view page by page (40 rows per page in tests).
    const group = `g-${ulid()}`, seen = new Map<string, unknown>();
    let cookie: unknown = null;
    for (let more = true, n = 0; more && n < 100; n++) {
      const r = await api('/api/replicache/pull', { token: clerk2, body: { pullVersion: 1, clientGroupID: group, cookie, profileID: 'p', schemaVersion: '1' } });
      for (const p of r.json.patch as { op: string; key?: string; value?: { more?: boolean } }[]) if (p.op === 'put') seen.set(p.key!, p.value);
      cookie = r.json.cookie;
      more = (seen.get('sync/meta') as { more?: boolean } | undefined)?.more ?? false;
    }
    expect(seen.get(`campaign/${id}`)).toMatchObject({ discountBp: 9_000 });
  });

  it('refuses a clerk, a campaign that ends before it starts, and a body for another id', async () => {
    const id = `cmp-${ulid()}`;
    expect((await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: clerk1, body: campaign(id) })).status).toBe(403);
    const backwards = { ...campaign(id), endsAt: Date.now() - 2 * DAY };
    const r = await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: backwards });
    expect([r.status, r.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign('cmp-other') })).status).toBe(400);
    expect(await env.DB.prepare('SELECT 1 FROM campaigns WHERE id = ?').bind(id).first()).toBeNull();
  });
});

describe('coupon templates', () => {
  it('HQ creates and replaces one; the replacement is audited with what it was', async () => {
    const id = `ctpl-${ulid()}`;
    const t = { id, name: '满100减15', kind: 'threshold', thresholdFen: 10_000, offFen: 1_500, active: true, validity: { kind: 'days_after_issue', days: 14 } };
    expect((await api(`/api/promotions/coupon-templates/${id}`, { method: 'PUT', token: hq, body: t })).status).toBe(200);
    expect((await api(`/api/promotions/coupon-templates/${id}`, { method: 'PUT', token: hq, body: { ...t, offFen: 2_000 } })).json.offFen).toBe(2_000);
    const audit = await env.DB.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'coupon_template' AND entity_id = ? ORDER BY at, action`).bind(id).all<{ action: string; detail: string }>();
    expect(audit.results.map((a) => a.action).sort()).toEqual(['coupon_template.create', 'coupon_template.update']);
    expect(JSON.parse(audit.results.find((a) => a.action === 'coupon_template.update')!.detail).before.offFen).toBe(1_500);
    expect((await api('/api/promotions/coupon-templates', { token: clerk1 })).json.couponTemplates.map((c: { id: string }) => c.id)).toContain(id);
  });
});
