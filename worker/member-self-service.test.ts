import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// 积分兑换, profile and visit ratings: the member's own writes from their phone (issue 20).
let clerk1: string, clerk2: string, manager1: string, manager2: string, hq: string;
const PRICE = 8900; // p-401, every store

async function newMember(points = 0, home = 'store-1'): Promise<{ id: string; phone: string; token: string }> {
  const id = `m-ss-${ulid()}`;
  const phone = `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '兑换会员', 'female', ?, 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, home, `66${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`).run();
  if (points) expect((await api(`/api/members/${id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: points, reason: '测试积分' } })).status).toBe(200);
  return { id, phone, token: await memberLoginToken(phone) };
}
const account = async (m: { id: string; token: string }) => (await api(`/api/members/${m.id}/account`, { token: m.token })).json;
const reward = (id: string, over: Record<string, unknown> = {}) => ({ id, name: '10元券兑换', kind: 'coupon', pointsCost: 500, couponTemplateId: 'ctpl-welcome-10', active: true, ...over });
const put = (body: { id: string }, token = hq) => api(`/api/rewards/${body.id}`, { method: 'PUT', token, body });
const redeem = (m: { token: string }, rewardId: string, redemptionId = ulid()) => api('/api/redemptions', { token: m.token, body: { redemptionId, rewardId } });
const count = async (q: string, ...args: unknown[]) => (await env.DB.prepare(q).bind(...args).first<{ n: number }>())!.n;

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2, manager1, manager2, hq] = (await Promise.all(['clerk1', 'clerk2', 'manager1', 'manager2', 'admin'].map(loginAs))) as [string, string, string, string, string];
});

describe('rewards catalogue (HQ)', () => {
  it('only HQ writes rewards; each write is validated and audited with before and after', async () => {
    expect((await put(reward('rw-a'), manager1)).status).toBe(403);
    const bad = await put(reward('rw-a', { couponTemplateId: 'no-such' }));
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.json.error.message).toContain('couponTemplateId');
    const noProduct = await put(reward('rw-a', { kind: 'product', couponTemplateId: null }));
    expect(noProduct.json.error.message).toContain('productId');
    expect((await put(reward('rw-a'))).status).toBe(200);
    expect((await put(reward('rw-a', { pointsCost: 600 }))).status).toBe(200);
    const audits = (await env.DB.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'reward' AND entity_id = 'rw-a' ORDER BY at, action`).all<{ action: string; detail: string }>()).results;
    expect(audits.map((a) => a.action)).toEqual(['reward.create', 'reward.update']);
    expect(JSON.parse(audits[1]!.detail)).toMatchObject({ before: { pointsCost: 500 }, after: { pointsCost: 600 } });
    expect(await count(`SELECT count(*) n FROM rewards WHERE id = 'rw-a'`)).toBe(1);
  });
});

describe('redeeming points (积分兑换)', () => {
  it('takes the points once and puts the coupon in the wallet, however often the tap is retried', async () => {
    await put(reward('rw-once'));
    const m = await newMember(1200);
    const id = ulid();
    const tries = await Promise.all([1, 2, 3].map(() => redeem(m, 'rw-once', id)));
    expect(tries.map((t) => t.status)).toEqual([200, 200, 200]);
    expect(tries[0]!.json).toMatchObject({ id, status: 'issued', points: 500, couponId: `redeem:${id}` });
    expect((await redeem(m, 'rw-once', id)).json).toEqual(tries[0]!.json);
    const acc = await account(m);
    expect(acc.balances.points).toBe(700);
    expect(acc.coupons.filter((c: { id: string }) => c.id === `redeem:${id}`)).toHaveLength(1);
    expect(acc.coupons[0]).toMatchObject({ templateId: 'ctpl-welcome-10', status: 'issued' });
    expect(await count(`SELECT count(*) n FROM ledger_entries WHERE member_id = ? AND op_id = ?`, m.id, `redeem:${id}`)).toBe(1);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true });
    // The same id for another reward is refused and changes nothing.
    await put(reward('rw-other', { pointsCost: 100 }));
    const reused = await redeem(m, 'rw-other', id);
    expect([reused.status, reused.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    expect((await account(m)).balances.points).toBe(700);
    const mine = await api('/api/redemptions', { token: m.token });
    expect(mine.json.redemptions.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('refuses without enough points, gives the stock back, and answers a retry with the same refusal', async () => {
    await put(reward('rw-dear', { pointsCost: 5000, stock: 1 }));
    const poor = await newMember(100);
    const id = ulid();
    const r = await redeem(poor, 'rw-dear', id);
    expect([r.status, r.json.error.code]).toEqual([409, 'INSUFFICIENT_POINTS']);
    expect((await redeem(poor, 'rw-dear', id)).json.error.code).toBe('INSUFFICIENT_POINTS');
    expect((await account(poor)).balances.points).toBe(100);
    expect(await count(`SELECT redeemed n FROM rewards WHERE id = 'rw-dear'`)).toBe(0);
    const rich = await newMember(6000);
    expect((await redeem(rich, 'rw-dear')).status).toBe(200);
  });

  it('never sells more than the stock, even to members racing for the last ones', async () => {
    await put(reward('rw-two', { pointsCost: 100, stock: 2 }));
    const ms = await Promise.all([1, 2, 3, 4].map(() => newMember(500)));
    const out = await Promise.all(ms.map((m) => redeem(m, 'rw-two')));
    expect(out.filter((o) => o.status === 200)).toHaveLength(2);
    expect(out.filter((o) => o.status === 409).map((o) => o.json.error.code)).toEqual(['REWARD_SOLD_OUT', 'REWARD_SOLD_OUT']);
    expect(await count(`SELECT redeemed n FROM rewards WHERE id = 'rw-two'`)).toBe(2);
    const points = await Promise.all(ms.map(async (m) => (await account(m)).balances.points));
    expect(points.sort()).toEqual([400, 400, 500, 500]);
    const listed = (await api('/api/rewards', { token: ms[0]!.token })).json.rewards.find((o: { reward: { id: string } }) => o.reward.id === 'rw-two');
    expect(listed).toMatchObject({ left: 0, available: false });
    expect((await put(reward('rw-two', { pointsCost: 100, stock: 1 }))).json.error.message).toContain('stock');
  });

  it('holds a member to the per-member limit, and a frozen card cannot exchange', async () => {
    await put(reward('rw-limit', { pointsCost: 100, perMemberLimit: 1 }));
    const m = await newMember(1000);
    expect((await redeem(m, 'rw-limit')).status).toBe(200);
    expect((await redeem(m, 'rw-limit')).json.error.code).toBe('REWARD_LIMIT_REACHED');
    const f = await newMember(1000);
    expect((await api(`/api/members/${f.id}/freeze`, { token: f.token, body: { opId: ulid(), reason: '挂失' } })).status).toBe(200);
    expect((await redeem(f, 'rw-limit')).json.error.code).toBe('CARD_FROZEN');
    expect((await account(f)).balances.points).toBe(1000);
    expect((await redeem(m, 'rw-missing')).status).toBe(404);
    await put(reward('rw-off', { active: false }));
    expect((await redeem(m, 'rw-off')).json.error.code).toBe('NOT_AVAILABLE');
    expect((await redeem({ token: clerk1 }, 'rw-limit')).status).toBe(403);
  });

  it('finishes a redemption a crash left pending when it is retried, taking the points once', async () => {
    await put(reward('rw-crash', { pointsCost: 300 }));
    const m = await newMember(1000);
    const id = ulid();
    const grant = JSON.stringify({ points: 300, coupon: { id: `redeem:${id}`, templateId: 'ctpl-welcome-10', name: '新会员10元券', expiresAt: Date.now() + 86_400_000 } });
    // As if the worker died after claiming the row and before the member's object answered.
    await env.DB.prepare(`INSERT INTO reward_redemptions (id, reward_id, member_id, points, status, "grant", created_at, updated_at) VALUES (?, 'rw-crash', ?, 300, 'pending', ?, 0, 0)`).bind(id, m.id, grant).run();
    const list = await api('/api/redemptions', { token: m.token });
    expect(list.json.redemptions[0]).toMatchObject({ id, status: 'issued' });
    expect((await redeem(m, 'rw-crash', id)).json.status).toBe('issued');
    expect((await account(m)).balances.points).toBe(700);
  });

  it('a product reward is handed over once, at a store that offers it, against its pickup code', async () => {
    await put(reward('rw-gift', { kind: 'product', productId: 'p-401', couponTemplateId: null, pointsCost: 200, storeIds: ['store-1'] }));
    const m = await newMember(500);
    const r = (await redeem(m, 'rw-gift')).json;
    expect(r).toMatchObject({ status: 'issued', couponId: null });
    expect(r.pickupCode).toMatch(/^\d{8}$/);
    expect((await api('/api/redemptions', { token: clerk1 })).status).toBe(403);
    const found = await api(`/api/redemptions?pickupCode=${r.pickupCode}`, { token: clerk1 });
    expect(found.json.redemptions.map((x: { id: string }) => x.id)).toContain(r.id);
    const collect = (token: string, storeId: string) => api(`/api/redemptions/${r.id}/collect`, { token, body: { storeId } });
    expect((await collect(clerk2, 'store-1')).status).toBe(403);
    expect((await collect(clerk2, 'store-2')).json.error.code).toBe('CONFLICT');
    const done = await Promise.all([collect(clerk1, 'store-1'), collect(clerk1, 'store-1')]);
    expect(done.map((d) => d.json.status)).toEqual(['collected', 'collected']);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'reward.collect' AND entity_id = ?`, r.id)).toBe(1);
  });
});

describe('the member’s profile', () => {
  it('edits name and interests; sets the birthday once; audits the change', async () => {
    const m = await newMember();
    const save = (body: unknown) => api('/api/me/profile', { method: 'PUT', token: m.token, body });
    const first = await save({ name: '  小美 ', birthday: '1992-03-04', interests: ['美甲', '咖啡'] });
    expect(first.json).toEqual({ name: '小美', birthday: '1992-03-04', birthdayLocked: true, interests: ['美甲', '咖啡'], staffTags: [] });
    const again = await save({ name: '小美', birthday: '1993-03-04', interests: [] });
    expect([again.status, again.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(again.json.error.message).toContain('birthday');
    expect((await save({ name: '小美', birthday: '2999-01-01', interests: [] })).json.error.message).toContain('birthday');
    expect((await save({ name: '', birthday: null, interests: [] })).json.error.message).toContain('name');
    await env.DB.prepare(`INSERT INTO member_tags (member_id, tag, source, created_at) VALUES (?, 'VIP', 'staff', 0)`).bind(m.id).run();
    const edited = await save({ name: '小美美', birthday: '1992-03-04', interests: ['咖啡', '健身'] });
    expect(edited.json).toMatchObject({ name: '小美美', interests: ['咖啡', '健身'], staffTags: ['VIP'] });
    expect((await api(`/api/members/${m.id}`, { token: hq })).json).toMatchObject({ name: '小美美', birthday: '1992-03-04' });
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'member.profile' AND entity_id = ?`, m.id)).toBe(2);
    expect((await api('/api/me/profile', { token: clerk1 })).status).toBe(403);
  });
});

describe('rating a visit (评价)', () => {
  it('the member rates their own visit once; the store’s manager and HQ read it, others do not', async () => {
    const m = await newMember(0, 'store-2');
    const orderId = ulid();
    const sale = await api('/api/orders', { token: clerk2, body: { id: orderId, storeId: 'store-2', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: PRICE }] } });
    expect(sale.status).toBe(200);
    const rate = (token: string, body: unknown) => api('/api/ratings', { token, body });
    const r = await rate(m.token, { orderId, score: 4, comment: '服务很好' });
    expect(r.json).toMatchObject({ orderId, storeId: 'store-2', score: 4, comment: '服务很好' });
    expect((await rate(m.token, { orderId, score: 4, comment: '服务很好' })).status).toBe(200);
    expect((await rate(m.token, { orderId, score: 1 })).json.error.code).toBe('CONFLICT');
    const other = await newMember();
    expect((await rate(other.token, { orderId, score: 1 })).status).toBe(404);
    expect((await rate(m.token, { orderId, score: 6 })).json.error.message).toContain('score');
    const store2 = await api('/api/ratings', { token: manager2 });
    expect(store2.json.ratings.map((x: { orderId: string }) => x.orderId)).toContain(orderId);
    expect(store2.json.averageScore).toBeGreaterThan(0);
    expect((await api('/api/ratings?storeId=store-2', { token: manager1 })).status).toBe(403);
    expect((await api('/api/ratings', { token: manager1 })).json.ratings.map((x: { orderId: string }) => x.orderId)).not.toContain(orderId);
    expect((await api('/api/ratings', { token: clerk2 })).status).toBe(403);
    expect((await api('/api/ratings?storeId=store-2', { token: hq })).json.ratings[0]).toMatchObject({ orderId, memberName: '兑换会员' });
  });
});
