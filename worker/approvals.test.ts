import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalMessages, approve } from '../shared/domain/manager-pin';
import type { Approver } from '../shared/schemas/approval';
import { approverSource } from './sync/approver-source';
import { openDb } from './db/client';
import { api, loginAs, seedChain } from './test/fixtures';

// p-401 控油洗发水 ¥89 in every store (store 1's 满200减30 needs ¥200, so one bottle is full price).
const PRICE = 8900;
let clerk1: string, manager1: string, manager2: string, hq: string;

const sale = (paid: number, extra: Record<string, unknown> = {}) => ({
  id: ulid(), storeId: 'store-1', memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: paid }], ...extra,
});

/** The approvers store 1's tablets hold, as they get them through sync. */
async function approvers(storeId = 'store-1'): Promise<Approver[]> {
  return (await approverSource(openDb(env.DB), storeId).page('', 100)).map((r) => r.value as Approver);
}
const approverNamed = async (id: string, storeId = 'store-1') => (await approvers(storeId)).find((a) => a.id === id)!;

beforeAll(async () => {
  await seedChain();
  [clerk1, manager1, manager2, hq] = await Promise.all([loginAs('clerk1'), loginAs('manager1'), loginAs('manager2'), loginAs('admin')]);
});

describe('approval PINs', () => {
  it('a store’s tablets hold its managers’ and HQ’s verifiers, never the approval key', async () => {
    const list = await approvers();
    expect(list.map((a) => a.id).sort()).toEqual(['staff-admin', 'staff-manager1']);
    for (const a of list) expect(Object.keys(a).sort()).toEqual(['id', 'name', 'role', 'salt', 'verifier']);
  });

  it('is set with the password; clerks, wrong passwords and easy PINs are refused and change nothing', async () => {
    const before = await env.DB.prepare(`SELECT pin_hash FROM staff WHERE id = 'staff-manager2'`).first<{ pin_hash: string }>();
    const clerk = await api('/api/me/pin', { method: 'PUT', token: clerk1, body: { password: 'demo1234', pin: '975310' } });
    const wrong = await api('/api/me/pin', { method: 'PUT', token: manager2, body: { password: 'nope', pin: '975310' } });
    const easy = await api('/api/me/pin', { method: 'PUT', token: manager2, body: { password: 'demo1234', pin: '111111' } });
    expect([clerk.status, wrong.status, wrong.json.error.message, easy.status]).toEqual([403, 403, 'The password is wrong', 400]);
    expect(await env.DB.prepare(`SELECT pin_hash FROM staff WHERE id = 'staff-manager2'`).first()).toEqual(before);

    const ok = await api('/api/me/pin', { method: 'PUT', token: manager2, body: { password: 'demo1234', pin: '975310' } });
    expect(ok.status).toBe(200);
    const a = await approverNamed('staff-manager2', 'store-2');
    expect(await approve(a, '975310', 'x')).not.toBeNull();
    expect(await approve(a, '135790', 'x')).toBeNull();
    const audit = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'staff.approval_pin_set' AND actor_id = 'staff-manager2'`).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });
});

describe('a manual discount at the counter', () => {
  const discount = { kind: 'amount', amountFen: 500, reason: '老客户' } as const;

  it('is taken with a manager’s PIN approval, and audited with the approver', async () => {
    const order = sale(PRICE - 500);
    const approval = (await approve(await approverNamed('staff-manager1'), '135790', approvalMessages.manualDiscount(order.id, discount)))!;
    const r = await api('/api/orders', { token: clerk1, body: { ...order, manualDiscount: { ...discount, ...approval } } });
    expect([r.status, r.json.totalFen, r.json.discountFen]).toEqual([200, PRICE - 500, 500]);
    expect(r.json.lines[0].explanation).toContain('手动优惠：老客户');
    // A repeat answers from the record, discount words included (a reprint shows them too).
    const again = await api('/api/orders', { token: clerk1, body: { ...order, manualDiscount: { ...discount, ...approval } } });
    expect([again.json.replayed, again.json.lines[0].explanation]).toEqual([true, r.json.lines[0].explanation]);
    const audit = await env.DB.prepare(`SELECT detail FROM audit_log WHERE id = ?`).bind(order.id).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail).manualDiscount.approvedBy).toBe('staff-manager1');
  });

  it('is refused when the approval is for another amount, another order, or by another store’s manager', async () => {
    const order = sale(PRICE - 1000);
    const bigger = { ...discount, amountFen: 1000 };
    const forSmaller = (await approve(await approverNamed('staff-manager1'), '135790', approvalMessages.manualDiscount(order.id, discount)))!;
    const otherOrder = (await approve(await approverNamed('staff-manager1'), '135790', approvalMessages.manualDiscount(ulid(), bigger)))!;
    const m2 = await approverNamed('staff-manager2', 'store-2');
    const byManager2 = (await approve(m2, '975310', approvalMessages.manualDiscount(order.id, bigger)))!;
    for (const approval of [forSmaller, otherOrder, byManager2]) {
      const r = await api('/api/orders', { token: clerk1, body: { ...order, manualDiscount: { ...bigger, ...approval } } });
      expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(await env.DB.prepare(`SELECT 1 FROM orders WHERE id = ?`).bind(order.id).first()).toBeNull();
  });

  it('needs no PIN from the store’s own manager or HQ working the counter', async () => {
    for (const token of [manager1, hq]) {
      const r = await api('/api/orders', { token, body: sale(PRICE - 500, { manualDiscount: discount }) });
      expect([r.status, r.json.totalFen]).toEqual([200, PRICE - 500]);
    }
    const m2 = await api('/api/orders', { token: manager2, body: { ...sale(PRICE, { storeId: 'store-2' }), manualDiscount: discount, tenders: [{ kind: 'cash', amountFen: PRICE - 500 }] } });
    expect(m2.status).toBe(200); // at their own store
  });
});

describe('refunds', () => {
  const refundBody = (opId: string, refundOf: string, amountFen: number, approval: unknown = null) => ({ opId, storeId: 'store-1', amountFen, approval, refundOf });
  async function approvedRefund(refundOf: string, amountFen: number) {
    const opId = ulid();
    const approval = await approve(await approverNamed('staff-manager1'), '135790', approvalMessages.refund({ opId, refundOf, amountFen }));
    return refundBody(opId, refundOf, amountFen, approval);
  }
  const post = (token: string, b: ReturnType<typeof refundBody>) => {
    const { refundOf, ...body } = b;
    return api(`/api/orders/${refundOf}/refund`, { token, body });
  };
  const orderRow = (id: string) => env.DB.prepare(`SELECT status, refunded_fen FROM orders WHERE id = ?`).bind(id).first();

  it('a walk-in sale: a clerk needs an approval; parts add up to the total and no further; a repeat changes nothing', async () => {
    const s = sale(PRICE);
    expect((await api('/api/orders', { token: clerk1, body: s })).status).toBe(200);
    const bare = await post(clerk1, refundBody(ulid(), s.id, 1000));
    expect([bare.status, bare.json.error.code]).toEqual([403, 'FORBIDDEN']);
    const tampered = { ...(await approvedRefund(s.id, 1000)), amountFen: 5000 };
    expect((await post(clerk1, tampered)).status).toBe(403);
    expect(await orderRow(s.id)).toEqual({ status: 'completed', refunded_fen: 0 });

    const first = await approvedRefund(s.id, 3000);
    expect((await post(clerk1, first)).json).toMatchObject({ refundedFen: 3000, replayed: false });
    expect((await post(clerk1, first)).json).toMatchObject({ refundedFen: 3000, replayed: true });
    expect(await orderRow(s.id)).toEqual({ status: 'partially_refunded', refunded_fen: 3000 });
    const tooMuch = await post(clerk1, await approvedRefund(s.id, PRICE - 2999));
    expect([tooMuch.status, tooMuch.json.error.code, tooMuch.json.error.details.refundableFen]).toEqual([409, 'REFUND_EXCEEDS_ORIGINAL', PRICE - 3000]);
    expect((await post(manager1, refundBody(ulid(), s.id, PRICE - 3000))).status).toBe(200); // the manager needs no PIN
    expect(await orderRow(s.id)).toEqual({ status: 'refunded', refunded_fen: PRICE });
  });

  it('a repeat of the refund that used up a walk-in sale changes nothing (fault simulation, seed 3722)', async () => {
    const s = sale(PRICE);
    expect((await api('/api/orders', { token: clerk1, body: s })).status).toBe(200);
    const whole = refundBody(ulid(), s.id, PRICE);
    expect((await post(manager1, whole)).json).toMatchObject({ refundedFen: PRICE, replayed: false });
    // The first answer was lost; the till sends it again, now that nothing more fits the sale.
    const again = await post(manager1, whole);
    expect([again.status, again.json.replayed, again.json.refundedFen]).toEqual([200, true, PRICE]);
    const part = refundBody(ulid(), s.id, 1000);
    const t = sale(PRICE, { id: ulid() });
    expect((await api('/api/orders', { token: clerk1, body: t })).status).toBe(200);
    const first = refundBody(ulid(), t.id, PRICE - 1000);
    await post(manager1, first);
    await post(manager1, { ...part, refundOf: t.id });
    expect((await post(manager1, first)).json).toMatchObject({ replayed: true, refundedFen: PRICE });
    expect(await orderRow(s.id)).toEqual({ status: 'refunded', refunded_fen: PRICE });
    expect(await orderRow(t.id)).toEqual({ status: 'refunded', refunded_fen: PRICE });
    const audited = await env.DB.prepare(`SELECT count(*) AS n FROM audit_log WHERE id IN (?, ?)`).bind(whole.opId, first.opId).first<{ n: number }>();
    expect(audited?.n).toBe(2);
  });

  it('two refunds racing for the same walk-in sale cannot pass its total', async () => {
    const s = sale(PRICE);
    expect((await api('/api/orders', { token: clerk1, body: s })).status).toBe(200);
    const tries = await Promise.all([0, 1, 2].map(() => post(manager1, refundBody(ulid(), s.id, 5000))));
    expect(tries.map((t) => t.status).sort()).toEqual([200, 409, 409]);
    expect(await orderRow(s.id)).toEqual({ status: 'partially_refunded', refunded_fen: 5000 });
  });

  it('a member’s sale: stored value goes back to the card, with a clerk’s approved refund, and the order shows it', async () => {
    const member = (await env.DB.prepare(`SELECT id FROM members WHERE home_store_id = 'store-1' AND status = 'active' LIMIT 1`).first<{ id: string }>())!.id;
    await api(`/api/members/${member}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 20_000, paidWith: 'cash' } });
    const before = (await api(`/api/members/${member}/account`, { token: clerk1 })).json.balances;
    const s = await api('/api/orders', { token: clerk1, body: sale(1, { memberId: member }) });
    const total = s.json.error.details.totalFen as number; // the member's tier price
    const paid = await api('/api/orders', { token: clerk1, body: sale(total, { id: ulid(), memberId: member, tenders: [{ kind: 'stored_value', amountFen: total }] }) });
    expect(paid.status).toBe(200);
    const bare = await post(clerk1, refundBody(ulid(), paid.json.id, total));
    expect(bare.status).toBe(403);
    const r = await post(clerk1, await approvedRefund(paid.json.id, total));
    expect([r.status, r.json.status]).toEqual([200, 'applied']);
    const after = (await api(`/api/members/${member}/account`, { token: clerk1 })).json.balances;
    expect(after.principalFen + after.bonusFen).toBe(before.principalFen + before.bonusFen);
    await expect.poll(() => orderRow(paid.json.id)).toEqual({ status: 'refunded', refunded_fen: total });
  });
});
