import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// p-401 控油洗发水 ¥89 in every store (cat-haircare); one bottle is under store 1's demo 满200减30.
const PRICE = 8900;
const DAY = 86_400_000;
let hq: string, manager1: string, clerk1: string, clerk3: string;

beforeAll(async () => {
  await seedChain();
  [hq, manager1, clerk1, clerk3] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('clerk1'), loginAs('clerk3')]);
});

const campaign = (id: string, over: Record<string, unknown> = {}) => ({
  id, name: `国庆8折${id.slice(-4)}`, kind: 'percent_off', discountBp: 8_000, categoryIds: null, productIds: ['p-401'], storeIds: ['store-1', 'store-2'],
  startsAt: Date.now() - DAY, endsAt: Date.now() + 7 * DAY, active: true, ...over,
});
const sale = (storeId: string, paid: number) => ({ id: ulid(), storeId, memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: paid }] });

/** A store tablet's whole view, pulled page by page as the clerk app does. */
async function pullAll(token: string): Promise<Map<string, unknown>> {
  const group = `g-${ulid()}`, seen = new Map<string, unknown>();
  let cookie: unknown = null;
  for (let more = true, n = 0; more && n < 200; n++) {
    const r = await api('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID: group, cookie, profileID: 'p', schemaVersion: '1' } });
    for (const p of r.json.patch as { op: string; key?: string; value?: { more?: boolean } }[]) if (p.op === 'put') seen.set(p.key!, p.value);
    cookie = r.json.cookie;
    more = (seen.get('sync/meta') as { more?: boolean } | undefined)?.more ?? false;
  }
  return seen;
}

describe('campaigns pushed to chosen stores', () => {
  it('a campaign for stores 1 and 2 prices a store-1 sale and not a store-3 one; store 3’s tablet never gets it; participation counts it', async () => {
    const id = `cmp-${ulid()}`;
    const put = await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id) });
    expect([put.status, put.json.productIds, put.json.tierCodes]).toEqual([200, ['p-401'], null]);
    const s1 = await api('/api/orders', { token: clerk1, body: sale('store-1', PRICE * 0.8) });
    expect([s1.status, s1.json.totalFen]).toEqual([200, 7_120]);
    expect(s1.json.lines[0].explanation).toContain(`${campaign(id).name} 8折`);
    const s3 = await api('/api/orders', { token: clerk3, body: sale('store-3', PRICE) });
    expect([s3.status, s3.json.totalFen]).toEqual([200, PRICE]);

    const [tablet1, tablet3] = await Promise.all([pullAll(clerk1), pullAll(clerk3)]);
    expect(tablet1.get(`campaign/${id}`)).toMatchObject({ discountBp: 8_000, storeIds: ['store-1', 'store-2'] });
    expect(tablet3.has(`campaign/${id}`)).toBe(false);
    // Tiers reach tablets with their per-category rates as a map (not the column's text).
    expect(tablet1.get('tier/gold')).toMatchObject({ code: 'gold', categoryDiscounts: {} });

    const p = await api(`/api/promotions/campaigns/${id}/participation`, { token: hq });
    expect(p.status).toBe(200);
    expect(p.json.stores.map((s: { storeId: string }) => s.storeId)).toEqual(['store-1', 'store-2']);
    expect(p.json.stores[0]).toMatchObject({ storeId: 'store-1', orders: 1, discountFen: 1_780, revenueFen: 7_120, members: 0 });
    expect(p.json.stores[1]).toMatchObject({ storeId: 'store-2', orders: 0, discountFen: 0, revenueFen: 0 });
    expect(p.json.totals).toEqual({ orders: 1, discountFen: 1_780, revenueFen: 7_120 });

    // Ended (switched off): the next store-1 sale is full price again and the tablet drops it.
    const ended = await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id, { active: false }) });
    expect(ended.status).toBe(200);
    expect((await api('/api/orders', { token: clerk1, body: sale('store-1', PRICE) })).json.totalFen).toBe(PRICE);
    const audit = await env.DB.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'campaign' AND entity_id = ? ORDER BY at`).bind(id).all<{ action: string; detail: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update']);
    expect(JSON.parse(audit.results[1]!.detail)).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('a tier-only campaign skips walk-ins', async () => {
    const id = `cmp-${ulid()}`;
    expect((await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id, { tierCodes: ['diamond'], storeIds: ['store-3'] }) })).status).toBe(200);
    const r = await api('/api/orders', { token: clerk3, body: sale('store-3', PRICE) });
    expect([r.status, r.json.totalFen]).toEqual([200, PRICE]);
    await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id, { tierCodes: ['diamond'], storeIds: ['store-3'], active: false }) });
  });

  it('refuses managers and clerks, and targets that do not exist (naming the field); nothing is written', async () => {
    const id = `cmp-${ulid()}`;
    for (const token of [manager1, clerk1]) {
      expect((await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token, body: campaign(id) })).status).toBe(403);
      expect((await api(`/api/promotions/campaigns/cmp-s1-200-30/participation`, { token })).status).toBe(403);
    }
    for (const [over, field] of [[{ storeIds: ['store-1', 'store-9'] }, 'storeIds.1'], [{ productIds: ['p-nope'] }, 'productIds.0'], [{ tierCodes: ['platinum'] }, 'tierCodes.0']] as const) {
      const r = await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: campaign(id, over) });
      expect([r.status, r.json.error.message]).toEqual([400, expect.stringContaining(field)]);
    }
    expect(await env.DB.prepare('SELECT 1 FROM campaigns WHERE id = ?').bind(id).first()).toBeNull();
    expect((await api('/api/promotions/campaigns/cmp-nope/participation', { token: hq })).status).toBe(404);
  });
});
