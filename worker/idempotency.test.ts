import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// An id reused with another body must be refused (409 IDEMPOTENCY_MISMATCH) and change nothing: a
// till that showed "replayed" with the first result would show money credited that was not.
let clerk1: string, manager1: string, hq: string;
const PRICE = 8900; // p-401, the same price in every store

async function newMember(): Promise<string> {
  const id = `m-idem-${ulid()}`;
  const phone = `196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '幂等会员', 'female', 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, `55${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`).run();
  return id;
}
const state = async (memberId: string) => ({
  row: await env.DB.prepare('SELECT principal_fen p, bonus_fen b, points, ledger_seq s FROM members WHERE id = ?').bind(memberId).first(),
  verify: (await api(`/api/members/${memberId}/ledger/verify`, { token: hq })).json,
});
const order = (memberId: string | null, o: { id?: string; quantity?: number; tender?: 'cash' | 'stored_value' } = {}) => ({
  id: o.id ?? ulid(), storeId: 'store-1', memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: o.quantity ?? 1 }],
  tenders: [{ kind: o.tender ?? 'cash', amountFen: PRICE * (o.quantity ?? 1) }],
});
const mismatch = (r: { status: number; json: any }) => expect([r.status, r.json.error?.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);

beforeAll(async () => {
  await seedChain();
  [clerk1, manager1, hq] = await Promise.all([loginAs('clerk1'), loginAs('manager1'), loginAs('admin')]);
});

describe('an operation id reused with another body', () => {
  it('a recharge replayed with another amount is refused; the same body is answered as the first', async () => {
    const m = await newMember();
    const body = { opId: ulid(), storeId: 'store-1', amountFen: 10_000, paidWith: 'cash' };
    expect((await api(`/api/members/${m}/recharge`, { token: clerk1, body })).status).toBe(200);
    const before = await state(m);
    const other = await api(`/api/members/${m}/recharge`, { token: clerk1, body: { ...body, amountFen: 100_000 } });
    mismatch(other);
    expect(other.json.error.message).toContain(body.opId);
    mismatch(await api(`/api/members/${m}/recharge`, { token: clerk1, body: { ...body, paidWith: 'wechat' } }));
    expect(await state(m)).toEqual(before);
    const same = await api(`/api/members/${m}/recharge`, { token: clerk1, body: { reference: '', ...body } });
    expect(same.json).toMatchObject({ replayed: true, balances: { principalFen: 10_000 } });
    expect(before.verify).toMatchObject({ ok: true, entries: 1, projectionMatches: true });
  });

  it('a member’s order id reused for other lines is refused, and nothing is charged', async () => {
    const m = await newMember();
    await api(`/api/members/${m}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 5 * PRICE, paidWith: 'cash' } });
    const o = order(m, { tender: 'stored_value' });
    expect((await api('/api/orders', { token: clerk1, body: o })).json).toMatchObject({ status: 'completed', replayed: false });
    const before = await state(m);
    mismatch(await api('/api/orders', { token: clerk1, body: order(m, { id: o.id, quantity: 2, tender: 'stored_value' }) }));
    mismatch(await api('/api/orders', { token: clerk1, body: { ...o, tenders: [{ kind: 'cash', amountFen: PRICE }] } }));
    expect(await state(m)).toEqual(before);
    expect((await api('/api/orders', { token: clerk1, body: o })).json).toMatchObject({ status: 'completed', replayed: true });
  });

  it('a walk-in order id reused for another order is refused; the rows are the first order’s', async () => {
    const o = order(null);
    expect((await api('/api/orders', { token: clerk1, body: o })).json).toMatchObject({ replayed: false, totalFen: PRICE });
    mismatch(await api('/api/orders', { token: clerk1, body: order(null, { id: o.id, quantity: 3 }) }));
    // A body that no longer validates as a repeat (a tender that does not add up) is not "the first answer" either.
    mismatch(await api('/api/orders', { token: clerk1, body: { ...o, tenders: [{ kind: 'cash', amountFen: 1 }] } }));
    const row = await env.DB.prepare('SELECT total_fen t, (SELECT count(*) FROM order_lines WHERE order_id = ?) n FROM orders WHERE id = ?').bind(o.id, o.id).first();
    expect(row).toEqual({ t: PRICE, n: 1 });
    expect((await api('/api/orders', { token: clerk1, body: o })).json).toMatchObject({ replayed: true, totalFen: PRICE });
  });

  it('a walk-in refund id reused with another amount is refused; the refunded total moves once', async () => {
    const o = order(null, { quantity: 2 });
    expect((await api('/api/orders', { token: clerk1, body: o })).status).toBe(200);
    const refund = { opId: ulid(), storeId: 'store-1', amountFen: 1000, reason: '退货' };
    expect((await api(`/api/orders/${o.id}/refund`, { token: manager1, body: refund })).json).toMatchObject({ refundedFen: 1000, replayed: false });
    mismatch(await api(`/api/orders/${o.id}/refund`, { token: manager1, body: { ...refund, amountFen: 5000 } }));
    expect((await api(`/api/orders/${o.id}/refund`, { token: manager1, body: refund })).json).toMatchObject({ refundedFen: 1000, replayed: true });
    expect(await env.DB.prepare('SELECT refunded_fen r FROM orders WHERE id = ?').bind(o.id).first()).toEqual({ r: 1000 });
  });

  it('an id used for one member (or a walk-in sale) is refused for another: D1 must not skip it as already recorded', async () => {
    const [a, b] = [await newMember(), await newMember()];
    const opId = ulid();
    expect((await api(`/api/members/${a}/recharge`, { token: clerk1, body: { opId, storeId: 'store-1', amountFen: 5 * PRICE, paidWith: 'cash' } })).status).toBe(200);
    mismatch(await api(`/api/members/${b}/recharge`, { token: clerk1, body: { opId, storeId: 'store-1', amountFen: 5 * PRICE, paidWith: 'cash' } }));
    await api(`/api/members/${b}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 5 * PRICE, paidWith: 'cash' } });
    const before = await state(b);
    const sold = order(a, { tender: 'stored_value' });
    expect((await api('/api/orders', { token: clerk1, body: sold })).status).toBe(200);
    mismatch(await api('/api/orders', { token: clerk1, body: { ...sold, memberId: b } }));
    const walkIn = order(null);
    expect((await api('/api/orders', { token: clerk1, body: walkIn })).status).toBe(200);
    mismatch(await api('/api/orders', { token: clerk1, body: { ...walkIn, memberId: b, tenders: [{ kind: 'stored_value', amountFen: PRICE }] } }));
    expect(await state(b)).toEqual(before);
    expect(before.verify).toMatchObject({ ok: true, projectionMatches: true });
  });

  it('a tablet’s checkout pushed again under its order id with another body is a refusal the tablet sees', async () => {
    const m = await newMember();
    await api(`/api/members/${m}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 5 * PRICE, paidWith: 'cash' } });
    const o = order(m, { tender: 'stored_value' });
    const group = `g-${ulid()}`;
    const push = (id: number, args: unknown) =>
      api('/api/replicache/push', { token: clerk1, body: { pushVersion: 1, clientGroupID: group, profileID: 'p', schemaVersion: '1', mutations: [{ clientID: 'c1', id, name: 'checkout', args, timestamp: 1 }] } });
    expect((await push(1, o)).status).toBe(200);
    const before = await state(m);
    expect((await push(2, { ...o, lines: [{ productId: 'p-401', quantity: 2 }], tenders: [{ kind: 'stored_value', amountFen: 2 * PRICE }] })).status).toBe(200);
    expect(await state(m)).toEqual(before);
    const pulled = await api('/api/replicache/pull', { token: clerk1, body: { pullVersion: 1, clientGroupID: group, cookie: null, profileID: 'p', schemaVersion: '1' } });
    const refusals = (pulled.json.patch as { key?: string; value?: any }[]).filter((p) => p.key?.startsWith('rejection/')).map((p) => p.value);
    expect(refusals).toMatchObject([{ mutationID: 2, code: 'IDEMPOTENCY_MISMATCH', refId: o.id }]);
    expect(await env.DB.prepare('SELECT status, total_fen t FROM orders WHERE id = ?').bind(o.id).first()).toEqual({ status: 'completed', t: PRICE });
  });
});
