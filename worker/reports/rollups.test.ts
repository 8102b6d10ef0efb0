import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../shared/domain/business-day';
import { api, loginAs, seedChain } from '../test/fixtures';
import { rebuildRollups, ROLLUP_TABLES } from './rollup-rebuild';
import { verifyRollups } from './rollup-verify';

// p-401 控油洗发水 ¥89 everywhere; store 1 runs the demo 满200减30 (cmp-s1-200-30).
const PRICE = 8900;
const END = Date.UTC(2100, 0, 1);
let manager1: string, clerk1: string;
const sale = (quantity: number, paid: { kind: string; amountFen: number }[], memberId: string | null = null) => ({
  id: ulid(), storeId: 'store-1', memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity }], tenders: paid,
});
const one = async <T>(q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<T>())!;
const snapshot = async () => Object.fromEntries(await Promise.all(ROLLUP_TABLES.map(async (t) => [t, (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()).results] as const)));

beforeAll(async () => {
  await seedChain();
  [manager1, clerk1] = await Promise.all([loginAs('manager1'), loginAs('clerk1')]);
});

describe('report rollups', () => {
  it('the seeded history is rolled up exactly as the orders say', async () => {
    expect(await verifyRollups(env.DB, 0, END, true)).toEqual([]);
    const n = await one<{ n: number }>(`SELECT sum(orders) n FROM sales_hourly`);
    expect(n.n).toBeGreaterThan(300);
  });

  it('count each sale and refund once, through repeats, partial refunds and members’ concurrent sales', async () => {
    const member = await one<{ id: string }>(`SELECT id FROM members WHERE home_store_id = 'store-1' AND status = 'active' AND tier_code = 'normal' ORDER BY id LIMIT 1`);
    const other = await one<{ id: string }>(`SELECT id FROM members WHERE home_store_id = 'store-2' AND status = 'active' AND tier_code = 'normal' ORDER BY id LIMIT 1`);
    for (const m of [member.id, other.id]) expect((await api(`/api/members/${m}/recharge`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen: 200_000, paidWith: 'wechat' } })).status).toBe(200);
    const day = businessDay(Date.now());
    const before = await one<{ net: number; refund: number; q: number; cost: number }>(`SELECT coalesce(sum(net_fen), 0) net, coalesce(sum(refund_fen), 0) refund, coalesce(sum(quantity), 0) q, coalesce(sum(refund_cost_fen), 0) cost FROM sales_lines_daily WHERE store_id = 'store-1' AND day = ? AND product_id = 'p-401'`, day);

    // 3 × ¥89 = ¥267, 满200减30 → ¥237 on stored value; the walk-in's 1 × ¥89 in cash.
    const memberSale = sale(3, [{ kind: 'stored_value', amountFen: 3 * PRICE - 3000 }], member.id);
    const walkIn = sale(1, [{ kind: 'cash', amountFen: PRICE }]);
    const otherSale = sale(3, [{ kind: 'stored_value', amountFen: 3 * PRICE - 3000 }], other.id);
    const results = await Promise.all([memberSale, walkIn, otherSale].map((b) => api('/api/orders', { token: clerk1, body: b })));
    expect(results.map((r) => [r.status, r.json.error?.message])).toEqual([[200, undefined], [200, undefined], [200, undefined]]);
    // Repeats answer as the first time and add nothing.
    for (const b of [memberSale, walkIn]) expect((await api('/api/orders', { token: clerk1, body: b })).json.replayed).toBe(true);

    // The member's sale refunded in two parts (to its whole), the walk-in's in part.
    const refund = (id: string, amountFen: number, memberId: string | null) => memberId
      ? api(`/api/members/${memberId}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', refundOf: id, amountFen } })
      : api(`/api/orders/${id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen } });
    expect((await refund(memberSale.id, 1001, member.id)).status).toBe(200);
    const rest = refund(memberSale.id, 3 * PRICE - 3000 - 1001, member.id);
    expect((await rest).status).toBe(200);
    const walkInRefund = { opId: ulid(), storeId: 'store-1', amountFen: 2000 };
    expect((await api(`/api/orders/${walkIn.id}/refund`, { token: manager1, body: walkInRefund })).status).toBe(200);
    expect((await api(`/api/orders/${walkIn.id}/refund`, { token: manager1, body: walkInRefund })).json.replayed).toBe(true);

    const after = await one<{ net: number; refund: number; q: number; cost: number }>(`SELECT sum(net_fen) net, sum(refund_fen) refund, sum(quantity) q, sum(refund_cost_fen) cost FROM sales_lines_daily WHERE store_id = 'store-1' AND day = ? AND product_id = 'p-401'`, day);
    expect(after.q - before.q).toBe(7);
    expect(after.net - before.net).toBe(2 * (3 * PRICE - 3000) + PRICE);
    expect(after.refund - before.refund).toBe(3 * PRICE - 3000 + 2000);
    // Only the sale refunded in full sent its goods back, so only its cost comes back.
    const cost = await one<{ c: number }>(`SELECT unit_cost_fen * quantity c FROM order_lines WHERE order_id = ?`, memberSale.id);
    expect(after.cost - before.cost).toBe(cost.c);

    const campaign = await one<{ orders: number; discount: number; net: number }>(`SELECT orders, discount_fen discount, net_fen net FROM campaign_daily WHERE campaign_id = 'cmp-s1-200-30' AND store_id = 'store-1' AND day = ?`, day);
    expect(campaign).toEqual({ orders: 2, discount: 6000, net: 2 * (3 * PRICE - 3000) });
    expect((await one<{ n: number }>(`SELECT count(*) n FROM campaign_members WHERE campaign_id = 'cmp-s1-200-30'`)).n).toBe(2);
    // store-2's member served at store-1: a cross-store visit.
    expect(await one(`SELECT home_store_id h, orders FROM member_daily WHERE member_id = ? AND day = ? AND store_id = 'store-1'`, other.id, day)).toEqual({ h: 'store-2', orders: 1 });

    expect(await verifyRollups(env.DB, 0, END, true)).toEqual([]);
  });

  it('keeps the ledgers’ flows: value_daily sums to ledger_entries', async () => {
    const sums = await one<Record<string, number>>(`SELECT (SELECT sum(principal_fen) FROM value_daily) vp, (SELECT sum(principal_delta) FROM ledger_entries) lp,
      (SELECT sum(bonus_fen) FROM value_daily) vb, (SELECT sum(bonus_delta) FROM ledger_entries) lb, (SELECT sum(points) FROM value_daily) vx, (SELECT sum(points_delta) FROM ledger_entries) lx`);
    expect([sums.vp, sums.vb, sums.vx]).toEqual([sums.lp, sums.lb, sums.lx]);
    const recharges = await one<{ n: number; fen: number }>(`SELECT sum(recharges) n, sum(recharge_fen) fen FROM staff_daily`);
    const ledger = await one<{ n: number; fen: number }>(`SELECT count(*) n, sum(principal_delta) fen FROM ledger_entries WHERE kind = 'recharge' AND staff_id IS NOT NULL`);
    expect(recharges).toEqual(ledger);
  });

  it('a rebuild from the orders gives the very rows the batches kept', async () => {
    const live = await snapshot();
    for (let step = await rebuildRollups(env.DB, null, 0); step.next !== null; ) step = await rebuildRollups(env.DB, step.next, 0);
    const rebuilt = await snapshot();
    // Refund operations are counted as they happen; the orders only tell which sales were refunded.
    const strip = (s: typeof live) => Object.fromEntries(Object.entries(s).map(([t, rows]) => [t, rows.map(({ refunds: _r, ...x }) => x)]));
    expect(strip(rebuilt)).toEqual(strip(live));
  });
});

describe('HQ’s upkeep of the rollups', () => {
  it('HQ checks and rebuilds them (audited); a manager may not', async () => {
    const hq = await loginAs('admin');
    const check = await api('/api/reports/rollups/check?days=30', { token: hq });
    expect(check.json).toMatchObject({ days: 30, ok: true, diffs: [], moreDiffs: 0 });
    expect((await api('/api/reports/rollups/check?days=0', { token: hq })).json.error.message).toContain('days');
    // A rollup row knocked off by hand is found, named by table and key.
    await env.DB.exec(`UPDATE sales_hourly SET net_fen = net_fen + 1 WHERE rowid = (SELECT max(rowid) FROM sales_hourly)`);
    const bad = await api('/api/reports/rollups/check?days=400', { token: hq });
    expect([bad.json.ok, bad.json.diffs[0]?.table]).toEqual([false, 'sales_hourly']);
    for (const path of ['/api/reports/rollups/check']) expect((await api(path, { token: manager1 })).status).toBe(403);
    expect((await api('/api/reports/rollups/rebuild', { method: 'POST', token: manager1, body: {} })).status).toBe(403);
    expect((await api('/api/reports/rollups/rebuild', { method: 'POST', token: hq, body: { from: -1 } })).json.error.message).toContain('from');
    let rebuilt = await api('/api/reports/rollups/rebuild', { method: 'POST', token: hq, body: {} });
    let calls = 1;
    while (rebuilt.json.next !== null) rebuilt = (calls++, await api('/api/reports/rollups/rebuild', { method: 'POST', token: hq, body: { from: rebuilt.json.next } }));
    expect(calls).toBeGreaterThanOrEqual(1);
    expect((await api('/api/reports/rollups/check?days=400', { token: hq })).json.ok).toBe(true);
    expect(await one(`SELECT action, entity FROM audit_log WHERE action = 'reports.rebuild' ORDER BY at DESC LIMIT 1`)).toEqual({ action: 'reports.rebuild', entity: 'reports' });
  });
});
