import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../shared/domain/business-day';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// 储值与积分 (issue 19 §5): the liability report and the check that ledgers, balances and value_daily agree.
const PRICE = 8900; // p-401 for tier normal, every store
let hq: string, manager1: string, manager2: string, clerk2: string;
const today = businessDay(Date.now());
const report = async (token: string, q = '') => (await api(`/api/reports/liability?from=${today}&to=${today}${q}`, { token })).json;
const check = async () => (await api('/api/reports/liability/check', { token: hq })).json;

async function newMember(home: string) {
  const id = `m-liab-${ulid()}`;
  const phone = `195${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '储值会员', 'female', ?, 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, home, `78${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`).run();
  return { id, phone };
}

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk2] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk2')]);
});

describe('stored value and points liability', () => {
  it('after recharges, sales across stores, refunds and points redeemed, the ledgers, balances and value_daily agree exactly', async () => {
    expect(await check()).toMatchObject({ matches: true, mismatchedMembers: [] });
    const before = await report(hq);
    const m = await newMember('store-1');
    const ok = (r: { status: number; json: unknown }) => expect(r.status, JSON.stringify(r.json)).toBe(200);

    ok(await api(`/api/members/${m.id}/recharge`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'wechat' } }));
    // Store 1's card spent at store 2 (twice), one of them refunded in part at store 2.
    const sale = () => ({ id: ulid(), storeId: 'store-2', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: PRICE }] });
    const s1 = sale(), s2 = sale();
    for (const s of [s1, s2]) ok(await api('/api/orders', { token: clerk2, body: s }));
    ok(await api(`/api/members/${m.id}/refund`, { token: manager2, body: { opId: ulid(), storeId: 'store-2', refundOf: s1.id, amountFen: 2_000 } }));
    // Points: HQ grants, the member redeems a reward.
    ok(await api(`/api/members/${m.id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: 800, reason: '测试积分' } }));
    ok(await api('/api/rewards/rw-liab', { method: 'PUT', token: hq, body: { id: 'rw-liab', name: '10元券兑换', kind: 'coupon', pointsCost: 500, couponTemplateId: 'ctpl-welcome-10', active: true } }));
    ok(await api('/api/redemptions', { token: await memberLoginToken(m.phone), body: { redemptionId: ulid(), rewardId: 'rw-liab' } }));

    const c = await check();
    expect(c, JSON.stringify(c)).toMatchObject({ matches: true, mismatchedMembers: [] });
    for (const k of ['principal', 'bonus', 'points'] as const) expect([c[k].balances, c[k].rollup]).toEqual([c[k].ledger, c[k].ledger]);

    // The period's flows moved by exactly this member's ledger.
    const mine = (await env.DB.prepare(`SELECT kind, sum(principal_delta + bonus_delta) fen, sum(points_delta) pts FROM ledger_entries WHERE member_id = ? GROUP BY kind`).bind(m.id).all<{ kind: string; fen: number; pts: number }>()).results;
    const by = Object.fromEntries(mine.map((r) => [r.kind, r]));
    const after = await report(hq);
    const d = (k: string) => after.flows.total[k] - before.flows.total[k];
    expect(d('rechargedFen')).toBe(by.recharge!.fen);
    expect(d('spentFen')).toBe(-by.settle!.fen);
    expect(d('refundedFen')).toBe(by.refund!.fen);
    expect(d('pointsRedeemed')).toBe(500);
    expect(d('pointsAdjusted')).toBe(800);
    expect(-by.settle!.fen).toBe(2 * PRICE);
    const owed = (r: typeof after) => r.crossStore.find((x: { homeStoreId: string; storeId: string }) => x.homeStoreId === 'store-1' && x.storeId === 'store-2')?.spentFen ?? 0;
    expect(owed(after) - owed(before)).toBe(2 * PRICE - by.refund!.fen);
    const delta = (r: typeof after) => r.settlement.find((x: { from: string; to: string }) => x.from === 'store-1' && x.to === 'store-2')?.amountFen
      ?? -(r.settlement.find((x: { from: string; to: string }) => x.from === 'store-2' && x.to === 'store-1')?.amountFen ?? 0);
    expect(delta(after) - delta(before)).toBe(2 * PRICE - by.refund!.fen);
    // Outstanding: the members' balances, per the card's home store.
    const s1Home = (r: typeof after) => r.outstanding.byHomeStore.find((x: { storeId: string }) => x.storeId === 'store-1');
    const acc = await env.DB.prepare(`SELECT principal_fen p, bonus_fen b, points FROM members WHERE id = ?`).bind(m.id).first<{ p: number; b: number; points: number }>();
    expect(s1Home(after).principalFen - s1Home(before).principalFen).toBe(acc!.p);
    expect(s1Home(after).bonusFen - s1Home(before).bonusFen).toBe(acc!.b);
    // Sales earned points (less what the refund took back), 800 granted, 500 redeemed.
    expect(acc!.points).toBe(mine.reduce((n, r) => n + r.pts, 0));
    expect(d('pointsEarned')).toBe(by.settle!.pts);
    expect(d('pointsRefunded')).toBe(by.refund!.pts);
    expect(acc!.points).toBe(by.settle!.pts + by.refund!.pts + 800 - 500);
    expect(after.outstanding.total.principalFen).toBe(c.principal.balances);

    // Store 2's manager: their store's flows and both sides of their settlements, not store 1's balances.
    const two = await report(manager2);
    expect(two.outstanding.byHomeStore.map((x: { storeId: string }) => x.storeId)).toEqual(['store-2']);
    expect(two.flows.byStore.every((x: { storeId: string }) => x.storeId === 'store-2')).toBe(true);
    expect(owed(two)).toBe(owed(after));
  });

  it('names the members whose balances differ from their ledger', async () => {
    const m = await env.DB.prepare(`SELECT id, principal_fen p FROM members WHERE principal_fen > 0 ORDER BY id LIMIT 1`).first<{ id: string; p: number }>();
    await env.DB.prepare(`UPDATE members SET principal_fen = principal_fen + 1 WHERE id = ?`).bind(m!.id).run();
    const c = await check();
    expect(c).toMatchObject({ matches: false, principal: { matches: false }, bonus: { matches: true }, points: { matches: true } });
    expect(c.principal.balances - c.principal.ledger).toBe(1);
    expect(c.mismatchedMembers).toEqual([expect.objectContaining({ memberId: m!.id, principalFen: m!.p + 1, ledgerPrincipalFen: m!.p })]);
    await env.DB.prepare(`UPDATE members SET principal_fen = principal_fen - 1 WHERE id = ?`).bind(m!.id).run();
    expect((await check()).matches).toBe(true);
  });
});
