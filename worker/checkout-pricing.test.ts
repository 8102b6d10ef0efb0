import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// p-401 控油洗发水 ¥89 in every store. Store 1 runs the demo 满200减30 (cmp-s1-200-30).
const PRICE = 8900;
const HOUR = 3_600_000;
let hq: string, clerk1: string, clerk2: string;
const sale = (storeId: string, quantity: number, paid: number, extra: Record<string, unknown> = {}) => ({
  id: ulid(), storeId, memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity }], tenders: [{ kind: 'cash', amountFen: paid }], ...extra,
});

beforeAll(async () => {
  await seedChain();
  [hq, clerk1, clerk2] = await Promise.all([loginAs('admin'), loginAs('clerk1'), loginAs('clerk2')]);
});

describe('a sale is priced by the engine on the server', () => {
  it('takes the store’s 满减 off and refuses tenders that ignore it, naming the total', async () => {
    const full = await api('/api/orders', { token: clerk1, body: sale('store-1', 3, 3 * PRICE) });
    expect([full.status, full.json.error.code, full.json.error.details.totalFen]).toEqual([400, 'VALIDATION_FAILED', 3 * PRICE - 3000]);
    const ok = await api('/api/orders', { token: clerk1, body: sale('store-1', 3, 3 * PRICE - 3000) });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ subtotalFen: 3 * PRICE, discountFen: 3000, totalFen: 3 * PRICE - 3000 });
    expect(ok.json.lines[0].explanation.join(' ')).toContain('满200减30');
    // Store 2 has no such campaign: the same basket is full price there.
    expect((await api('/api/orders', { token: clerk2, body: sale('store-2', 3, 3 * PRICE) })).status).toBe(200);
  });

  it('prices a sale rung up offline at the time it was made: a campaign that has since ended still applies', async () => {
    const id = `cmp-${ulid()}`;
    const c = { id, name: '限时9折', kind: 'percent_off', discountBp: 9_000, categoryIds: null, storeIds: ['store-2'], startsAt: Date.now() - 3 * HOUR, endsAt: Date.now() - HOUR, active: true };
    expect((await api(`/api/promotions/campaigns/${id}`, { method: 'PUT', token: hq, body: c })).status).toBe(200);
    const during = await api('/api/orders', { token: clerk2, body: sale('store-2', 1, PRICE * 0.9, { createdAt: Date.now() - 2 * HOUR }) });
    expect([during.status, during.json.totalFen]).toEqual([200, PRICE * 0.9]);
    const after = await api('/api/orders', { token: clerk2, body: sale('store-2', 1, PRICE * 0.9) });
    expect([after.status, after.json.error?.details?.totalFen]).toEqual([400, PRICE]);
  });

  it('refuses a coupon it cannot apply, with the reason, and a coupon on a walk-in sale', async () => {
    const tpl = `ctpl-${ulid()}`;
    const t = { id: tpl, name: '满500减50', kind: 'threshold', thresholdFen: 50_000, offFen: 5_000, active: true, validity: { kind: 'days_after_issue', days: 30 } };
    expect((await api(`/api/promotions/coupon-templates/${tpl}`, { method: 'PUT', token: hq, body: t })).status).toBe(200);
    const member = (await env.DB.prepare(`SELECT id FROM members WHERE home_store_id = 'store-2' LIMIT 1`).first<{ id: string }>())!.id;
    const below = await api('/api/orders', { token: clerk2, body: { ...sale('store-2', 1, PRICE), memberId: member, coupons: [{ couponId: ulid(), templateId: tpl }] } });
    expect([below.status, below.json.error.code, below.json.error.details.refusal]).toEqual([400, 'VALIDATION_FAILED', 'coupon_below_min_spend']);
    const unknown = await api('/api/orders', { token: clerk2, body: { ...sale('store-2', 1, PRICE), memberId: member, coupons: [{ couponId: ulid(), templateId: 'ctpl-nope' }] } });
    expect(unknown.json.error.details.refusal).toBe('coupon_unknown_template');
    const walkIn = await api('/api/orders', { token: clerk2, body: sale('store-2', 6, 6 * PRICE - 5_000, { coupons: [{ couponId: ulid(), templateId: tpl }] }) });
    expect([walkIn.status, walkIn.json.error.message]).toEqual([400, expect.stringContaining('need a member')]);
    const count = await env.DB.prepare(`SELECT count(*) n FROM orders WHERE member_id = ? AND created_at > ?`).bind(member, Date.now() - 60_000).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it('refuses a manual discount without a manager’s approval', async () => {
    const r = await api('/api/orders', { token: clerk1, body: sale('store-1', 1, PRICE - 500, { manualDiscount: { kind: 'amount', amountFen: 500, reason: '老客户' } }) });
    expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
