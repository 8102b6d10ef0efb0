import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let clerk1: string, clerk1b: string, clerk2: string, manager1: string, manager2: string, hq: string;
const PRICE = 8900; // p-401, the same price in every store

async function newMember(): Promise<string> {
  const id = `m-shift-${ulid()}`;
  const phone = `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const card = `66${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '班次会员', 'female', 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, card).run();
  return id;
}
const sell = (token: string, tenders: unknown[], over: Record<string, unknown> = {}) =>
  api('/api/orders', { token, body: { id: ulid(), storeId: 'store-1', memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: tenders.length }], tenders, ...over } });
const open = (token: string, body: unknown) => api('/api/shifts', { token, body });
const close = (token: string, id: string, body: unknown) => api(`/api/shifts/${id}/close`, { token, body });
const current = async (token: string) => (await api('/api/shifts/current', { token })).json.shift;
const audits = (action: string, entityId: string) =>
  env.DB.prepare('SELECT actor_id, store_id, detail FROM audit_log WHERE action = ? AND entity_id = ?').bind(action, entityId).all<{ actor_id: string; store_id: string; detail: string }>();

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk1b, clerk2, manager1, manager2, hq] = await Promise.all([loginAs('clerk1'), loginAs('clerk1b'), loginAs('clerk2'), loginAs('manager1'), loginAs('manager2'), loginAs('admin')]);
});

describe('till shifts', () => {
  let shiftId: string;

  it('opens one shift per person: a repeat answers the same shift, a second one is refused', async () => {
    const body = { id: ulid(), openingCashFen: 50_000 };
    const first = await open(clerk1, body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id: body.id, storeId: 'store-1', staffName: '王小芳', status: 'open', openingCashFen: 50_000, closedAt: null, summary: { orders: 0, cashExpectedFen: 50_000, differenceFen: null } });
    shiftId = body.id;
    const again = await open(clerk1, body);
    expect([again.status, again.json.id, again.json.openedAt]).toEqual([200, body.id, first.json.openedAt]);
    const reused = await open(clerk1, { ...body, openingCashFen: 1 });
    expect([reused.status, reused.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    const second = await open(clerk1, { id: ulid(), openingCashFen: 0 });
    expect([second.status, second.json.error.code]).toEqual([409, 'CONFLICT']);
    expect(second.json.error.message).toContain('already have a shift open');
    expect(second.json.error.details.shiftId).toBe(body.id);
    expect((await audits('shift.open', body.id)).results).toMatchObject([{ store_id: 'store-1', detail: expect.stringContaining('"openingCashFen":50000') }]);

    const racing = await Promise.all([1, 2, 3].map(() => open(clerk1b, { id: ulid(), openingCashFen: 100 })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await api('/api/shifts/current', { token: clerk2 })).json).toEqual({ shift: null });
    expect((await open(hq, { id: ulid(), openingCashFen: 0 })).status).toBe(403);
    const bad = await open(clerk2, { id: 'nope', openingCashFen: -1 });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.json.error.message).toMatch(/id.*openingCashFen|openingCashFen.*id/s);
  });

  it('sums my sales, recharges and punch-card sales at my store by tender; others’ and refused ones stay out', async () => {
    const member = await newMember();
    const recharge = await api(`/api/members/${member}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 20_000, paidWith: 'cash' } });
    expect(recharge.status).toBe(200);
    expect((await api(`/api/members/${member}/punch-cards`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', productId: 'p-001', uses: 2, priceFen: 16_000, paidWith: 'wechat' } })).status).toBe(200);
    expect((await sell(clerk1, [{ kind: 'cash', amountFen: PRICE }])).json.status).toBe('completed');
    expect((await sell(clerk1, [{ kind: 'stored_value', amountFen: PRICE }, { kind: 'bank_card', amountFen: PRICE, reference: 'POS-1' }], { memberId: member })).json.status).toBe('completed');
    const refused = await sell(clerk1, [{ kind: 'stored_value', amountFen: PRICE }], { memberId: await newMember() });
    expect(refused.json.error.code).toBe('INSUFFICIENT_FUNDS');
    expect((await sell(clerk1, [{ kind: 'cash', amountFen: PRICE }], { createdAt: Date.now() - 86_400_000 })).status).toBe(200); // before the shift
    expect((await sell(clerk1b, [{ kind: 'cash', amountFen: PRICE }])).status).toBe(200); // someone else's

    const live = await current(clerk1);
    expect(live).toMatchObject({ id: shiftId, status: 'open' });
    expect(live.summary).toMatchObject({
      orders: 2, salesFen: 3 * PRICE,
      byTender: { cash: PRICE, stored_value: PRICE, bank_card: PRICE, wechat: 0 },
      recharges: { count: 1, totalFen: 20_000, byTender: { cash: 20_000 } },
      punchCardSales: { count: 1, totalFen: 16_000, byTender: { wechat: 16_000 } },
      netByTender: { cash: PRICE + 20_000, wechat: 16_000, bank_card: PRICE },
      cashExpectedFen: 50_000 + PRICE + 20_000, countedCashFen: null, differenceFen: null,
    });
  });

  it('closes with a cash count (owner, or a manager of the store); the kept summary never moves', async () => {
    expect((await close(clerk1b, shiftId, { countedCashFen: 0 })).status).toBe(403);
    expect((await close(manager2, shiftId, { countedCashFen: 0 })).status).toBe(403);
    expect((await close(clerk1, ulid(), { countedCashFen: 0 })).status).toBe(404);
    expect((await close(clerk1, shiftId, { countedCashFen: 1.5 })).status).toBe(400);

    const expected = 50_000 + PRICE + 20_000;
    const body = { countedCashFen: expected - 300, note: '少了三块' };
    const closed = await close(clerk1, shiftId, body);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', countedCashFen: expected - 300, expectedCashFen: expected, note: '少了三块', summary: { orders: 2, countedCashFen: expected - 300, differenceFen: -300 } });
    expect((await close(clerk1, shiftId, body)).json).toEqual(closed.json);
    const other = await close(clerk1, shiftId, { ...body, countedCashFen: expected });
    expect([other.status, other.json.error.code]).toEqual([409, 'CONFLICT']);
    expect(await current(clerk1)).toBeNull();
    expect((await audits('shift.close', shiftId)).results).toMatchObject([{ actor_id: expect.any(String), store_id: 'store-1' }]);
    expect(JSON.parse((await audits('shift.close', shiftId)).results[0]!.detail)).toMatchObject({ expectedCashFen: expected, differenceFen: -300 });

    await sell(clerk1, [{ kind: 'cash', amountFen: PRICE }]);
    const list = await api('/api/shifts', { token: manager1 });
    expect(list.json.shifts.find((s: { id: string }) => s.id === shiftId)).toEqual(closed.json);

    const theirs = await current(clerk1b);
    const byManager = await close(manager1, theirs.id, { countedCashFen: 100 + PRICE });
    expect(byManager.json).toMatchObject({ status: 'closed', summary: { orders: 1, differenceFen: 0 } });
    expect((await open(clerk1, { id: ulid(), openingCashFen: 0 })).status).toBe(200);
  });

  it('counts a manager’s refunds by their own amounts; how the money went back is not recorded', async () => {
    const mine = await open(manager1, { id: ulid(), openingCashFen: 1_000 });
    const member = await newMember();
    const recharge = await api(`/api/members/${member}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 20_000, paidWith: 'cash' } });
    const sale = await sell(clerk1, [{ kind: 'stored_value', amountFen: PRICE }], { memberId: member });
    for (const amountFen of [1_000, 500]) {
      const r = await api(`/api/members/${member}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', refundOf: sale.json.id, amountFen } });
      expect(r.status).toBe(200);
    }
    expect(recharge.status).toBe(200);
    const s = (await current(manager1)).summary;
    expect(s).toMatchObject({ orders: 0, refunds: { count: 2, totalFen: 1_500, untenderedFen: 1_500, byTender: { cash: 0 } }, cashExpectedFen: 1_000 });
    expect((await close(hq, mine.json.id, { countedCashFen: 1_000 })).json.summary.differenceFen).toBe(0);
  });

  it('counts a walk-in sale’s refund in the shift of whoever refunded it', async () => {
    const before = (await current(manager1)) ?? (await open(manager1, { id: ulid(), openingCashFen: 0 })).json;
    const refundsBefore = before.summary?.refunds.totalFen ?? 0;
    const sale = await sell(clerk1, [{ kind: 'cash', amountFen: PRICE }]);
    const opId = ulid();
    expect((await api(`/api/orders/${sale.json.id}/refund`, { token: manager1, body: { opId, storeId: 'store-1', amountFen: 2_000 } })).status).toBe(200);
    await api(`/api/orders/${sale.json.id}/refund`, { token: manager1, body: { opId, storeId: 'store-1', amountFen: 2_000 } }); // a repeat counts once
    expect((await current(manager1)).summary.refunds.totalFen).toBe(refundsBefore + 2_000);
  });

  it('lists shifts for managers (their store) and HQ (any), by time', async () => {
    expect((await api('/api/shifts', { token: clerk1 })).status).toBe(403);
    expect((await api('/api/shifts?storeId=store-2', { token: manager1 })).status).toBe(403);
    const mine = (await api('/api/shifts', { token: manager1 })).json.shifts as { storeId: string; openedAt: number }[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(new Set(mine.map((s) => s.storeId))).toEqual(new Set(['store-1']));
    expect(mine.map((s) => s.openedAt)).toEqual([...mine.map((s) => s.openedAt)].sort((a, b) => b - a));
    const hqAll = (await api('/api/shifts?storeId=store-1', { token: hq })).json.shifts;
    expect(hqAll).toHaveLength(mine.length);
    expect((await api(`/api/shifts?from=${Date.now() + 60_000}`, { token: hq })).json.shifts).toEqual([]);
    expect((await api('/api/shifts?to=1&limit=5', { token: hq })).json.shifts).toEqual([]);
    expect((await api('/api/shifts?limit=0', { token: hq })).status).toBe(400);
  });
});
