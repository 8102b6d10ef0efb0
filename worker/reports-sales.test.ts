import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay, windowStartDay } from '../shared/domain/business-day';
import { periodStart } from './jobs/periods';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// HQ reports over the rollups (issue 19): known rollup rows on days of 2021 the seed never
// reaches, then real sales today. Role × store: HQ all or one, a manager their own, clerks none.
const P = 'from=2021-03-01&to=2021-03-31';
let hq: string, manager1: string, manager2: string, clerk1: string, member: string;
let memberId: string;

async function exec(sql: string, ...binds: unknown[]) {
  await env.DB.prepare(sql).bind(...binds).run();
}

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1')]);
  const m = (await env.DB.prepare(`SELECT id, phone FROM members WHERE home_store_id = 'store-1' AND status = 'active' LIMIT 1`).first<{ id: string; phone: string }>())!;
  memberId = m.id;
  member = await memberLoginToken(m.phone);
  const hourly = `INSERT INTO sales_hourly (day, store_id, hour, member, orders, gross_fen, discount_fen, net_fen, cost_fen, refunds, refund_fen, refund_cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`;
  await exec(hourly, '2021-03-01', 'store-1', 10, 1, 2, 20_000, 2_000, 18_000, 6_000, 1, 3_000, 0); // a Monday
  await exec(hourly, '2021-03-01', 'store-1', 15, 0, 1, 5_000, 0, 5_000, 1_000, 0, 0, 0);
  await exec(hourly, '2021-03-06', 'store-2', 10, 0, 3, 30_000, 0, 30_000, 9_000, 0, 0, 0); // a Saturday
  await exec(hourly, '2021-02-27', 'store-1', 11, 0, 1, 10_000, 0, 10_000, 0, 0, 0, 0); // in the previous 31 days
  // Each line in sales_lines_daily (the clerks') and product_daily (the products', without the clerk), as the batches keep them.
  const lines = async (...v: unknown[]) => {
    await exec(`INSERT INTO sales_lines_daily (day, store_id, staff_id, product_id, category_id, lines, quantity, gross_fen, discount_fen, net_fen, cost_fen, refund_fen, refund_cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, ...v);
    await exec(`INSERT INTO product_daily (day, store_id, product_id, category_id, lines, quantity, gross_fen, discount_fen, net_fen, cost_fen, refund_fen, refund_cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, ...v.slice(0, 2), ...v.slice(3));
  };
  await lines('2021-03-01', 'store-1', 'staff-clerk1', 'p-401', 'cat-haircare', 3, 3, 25_000, 2_000, 23_000, 7_000, 3_000, 0);
  await lines('2021-03-06', 'store-2', 'staff-clerk2', 'p-401', 'cat-haircare', 3, 3, 30_000, 0, 30_000, 9_000, 0, 0);
  await lines('2021-03-06', 'store-2', 'staff-clerk2', 'p-x', 'cat-hair', 1, 1, 10_000, 0, 10_000, 0, 10_000, 500);
  const tender = `INSERT INTO tender_daily (day, store_id, tender, payments, amount_fen) VALUES (?,?,?,?,?)`;
  await exec(tender, '2021-03-01', 'store-1', 'stored_value', 2, 18_000);
  await exec(tender, '2021-03-01', 'store-1', 'cash', 1, 5_000);
  await exec(tender, '2021-03-06', 'store-2', 'wechat', 3, 30_000);
  const staff = `INSERT INTO staff_daily (day, store_id, staff_id, orders, net_fen, refunds, refund_fen, recharges, recharge_fen, punch_cards, punch_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?)`;
  await exec(staff, '2021-02-28', 'store-1', 'staff-clerk1', 2, 1_200_000, 0, 0, 1, 10_000, 0, 0);
  await exec(staff, '2021-03-01', 'store-1', 'staff-clerk1', 3, 1_503_000, 1, 3_000, 2, 50_000, 1, 30_000);
  await exec(staff, '2021-03-06', 'store-2', 'staff-clerk2', 3, 30_000, 0, 0, 0, 0, 0, 0);
  const at = periodStart('2021-03-01') + 3_600_000;
  for (const id of ['a', 'b']) await exec(`INSERT INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id) VALUES (?, ?, 'staff', 'staff-clerk1', 'store-1', 'member.register', 'member', ?)`, `rep-reg-${id}`, at, `m-${id}`);
  for (const [o, score] of [['rep-o1', 5], ['rep-o2', 3]] as const) await exec(`INSERT INTO visit_ratings (order_id, member_id, store_id, staff_id, score, comment, created_at) VALUES (?, ?, 'store-1', 'staff-clerk1', ?, '', ?)`, o, memberId, score, at);
  await exec(`INSERT INTO campaign_daily (day, store_id, campaign_id, orders, discount_fen, net_fen) VALUES ('2021-03-01', 'store-1', 'cmp-s1-200-30', 2, 2_000, 18_000)`);
  await exec(`INSERT INTO campaign_members (campaign_id, store_id, member_id, first_at) VALUES ('cmp-s1-200-30', 'store-1', ?, ?)`, memberId, at);
});

const get = (path: string, token: string) => api(`/api/reports/${path}`, { token });

describe('营业 and 毛利 over the rollups', () => {
  it('totals, breakdowns and the comparison with the previous period, refunds net', async () => {
    const r = await get(`sales?${P}&compare=previous`, hq);
    expect(r.status).toBe(200);
    expect(r.json.comparedWith).toEqual({ from: '2021-01-29', to: '2021-02-28' });
    expect(r.json.totals.orders).toEqual({ value: 6, base: 1, changeBp: 50_000 });
    expect(r.json.totals.netFen.value).toBe(18_000 + 5_000 + 30_000 - 3_000);
    expect(r.json.totals.refundFen.value).toBe(3_000);
    expect(r.json.totals.avgTicketFen.value).toBe(Math.round(50_000 / 6));
    expect(r.json.byStore.map((s: { storeId: string; netFen: number }) => [s.storeId, s.netFen])).toEqual([['store-2', 30_000], ['store-1', 20_000]]);
    expect(r.json.byWeekday).toEqual([expect.objectContaining({ weekday: 1, orders: 3 }), expect.objectContaining({ weekday: 6, orders: 3 })]);
    expect(r.json.byHour.map((h: { hour: number; orders: number }) => [h.hour, h.orders])).toEqual([[10, 5], [15, 1]]);
    expect(r.json.byMember.find((m: { member: boolean }) => m.member)).toMatchObject({ orders: 2, netFen: 15_000 });
    expect(r.json.byProduct[0]).toMatchObject({ productId: 'p-401', quantity: 6, netFen: 50_000 });
    expect(r.json.byCategory.find((c: { categoryId: string }) => c.categoryId === 'cat-hair')).toMatchObject({ netFen: 0, refundFen: 10_000 });
    expect(r.json.byTender.map((t: { tender: string; amountFen: number }) => [t.tender, t.amountFen])).toEqual([['wechat', 30_000], ['stored_value', 18_000], ['cash', 5_000]]);
  });

  it('margin per store, category and product; returned goods give their cost back; stored value counts when spent', async () => {
    const r = await get(`margin?${P}`, hq);
    expect(r.status).toBe(200);
    expect(r.json.storedValue).toBe('revenue_when_spent');
    // revenue 20,000 + 30,000 + 0; cost 7,000 + 9,000 + (0 − 500)
    expect(r.json.totals).toEqual({ revenueFen: 50_000, costFen: 15_500, marginFen: 34_500, rateBp: 6_900 });
    expect(r.json.byStore.find((s: { storeId: string }) => s.storeId === 'store-1')).toEqual({ storeId: 'store-1', storeName: expect.any(String), revenueFen: 20_000, costFen: 7_000, marginFen: 13_000, rateBp: 6_500 });
    const one = await get(`margin?${P}&storeId=store-1`, manager1);
    expect(one.json.totals.revenueFen).toBe(20_000);
    expect(one.json.byProduct).toHaveLength(1);
  });

  it('the seeded year: the sales report equals the orders summed directly', async () => {
    const to = businessDay(Date.now());
    const from = windowStartDay(Date.now(), 30);
    const r = await get(`sales?from=${from}&to=${to}&storeId=store-1`, hq);
    const o = (await env.DB.prepare(`SELECT count(*) AS n, sum(total_fen) - sum(refunded_fen) AS net FROM orders WHERE store_id = 'store-1' AND kind = 'sale'
      AND status IN ('completed', 'refunded', 'partially_refunded') AND created_at >= ? AND created_at < ?`).bind(periodStart(from), periodStart(to) + 86_400_000).first<{ n: number; net: number }>())!;
    expect(o.n).toBeGreaterThan(0);
    expect([r.json.totals.orders.value, r.json.totals.netFen.value]).toEqual([o.n, o.net]);
  });
});

describe('员工业绩, 提成 and 活动效果', () => {
  it('per clerk and store: sales net of refunds, cards opened, recharges, punch cards, ratings', async () => {
    const r = await get(`staff?${P}&storeId=store-1`, manager1);
    expect(r.status).toBe(200);
    expect(r.json.rows).toEqual([expect.objectContaining({ staffId: 'staff-clerk1', staffName: '王小芳', orders: 3, salesFen: 1_500_000, avgTicketFen: 500_000, cardsOpened: 2, recharges: 2, punchCards: 1, refunds: 1, ratings: 2, ratingSum: 8 })]);
    expect((await get(`staff?${P}`, hq)).json.rows.find((r: { staffId: string }) => r.staffId === 'staff-clerk1')).toMatchObject({ ratings: 2, ratingSum: 8 });
  });

  it('HQ writes plans (audited before/after); commission follows them; others may not write', async () => {
    const id = ulid();
    const doc = { id, name: '天河提成', storeIds: ['store-1'], rules: [{ kind: 'per_card_opened', fen: 1_000 }, { kind: 'tiered_sales', mode: 'marginal', tiers: [{ fromFen: 0, rateBp: 100 }, { fromFen: 1_000_000, rateBp: 200 }] }] };
    expect((await api('/api/reports/commission-plans', { token: manager1, body: doc })).status).toBe(403);
    const made = await api('/api/reports/commission-plans', { token: hq, body: doc });
    expect(made.status).toBe(200);
    expect((await api('/api/reports/commission-plans', { token: hq, body: doc })).json.id).toBe(id); // a retry answers the same plan
    expect((await api('/api/reports/commission-plans', { token: hq, body: { ...doc, name: 'x' } })).status).toBe(409);
    // Month 2021-03 only (the period): ¥10,000 at 1 % + ¥5,000 at 2 % = ¥200, + 2 cards × ¥10 = ¥220.
    const c = await get(`commission?${P}`, hq);
    expect(c.json.rows.find((r: { staffId: string }) => r.staffId === 'staff-clerk1')).toMatchObject({ salesFen: 1_500_000, cardsOpened: 2, commissionFen: 20_000 + 2_000 });
    expect(c.json.rows.find((r: { staffId: string }) => r.staffId === 'staff-clerk2')).toMatchObject({ commissionFen: 0, parts: [] }); // store 2: the plan does not cover it
    const put = await api(`/api/reports/commission-plans/${id}`, { method: 'PUT', token: hq, body: { ...doc, id: undefined, rules: [{ kind: 'per_card_opened', fen: 500 }] } });
    expect(put.status).toBe(200);
    const audit = (await env.DB.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'commission_plan' AND entity_id = ? ORDER BY at, action`).bind(id).all<{ action: string; detail: string }>()).results;
    expect(audit.map((a) => a.action)).toEqual(['commission_plan.create', 'commission_plan.update']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ before: { rules: doc.rules }, after: { rules: [{ kind: 'per_card_opened', fen: 500 }] } });
    expect((await get(`commission?${P}&storeId=store-1`, manager1)).json.rows[0]).toMatchObject({ commissionFen: 1_000 });
    expect((await api('/api/reports/commission-plans/nope', { method: 'PUT', token: hq, body: { name: 'x', rules: [{ kind: 'per_recharge', fen: 1 }] } })).status).toBe(404);
    const bad = await api('/api/reports/commission-plans', { token: hq, body: { ...doc, id: ulid(), rules: [{ kind: 'tiered_sales', tiers: [{ fromFen: 5, rateBp: 1 }] }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('rules.0.tiers');
    await exec('UPDATE commission_plans SET active = 0 WHERE id = ?', id);
  });

  it('campaigns: orders, discount, revenue and members first reached, with the campaign’s name', async () => {
    const r = await get(`campaigns?${P}`, hq);
    expect(r.json.rows).toEqual([{ campaignId: 'cmp-s1-200-30', name: '天河店满200减30', storeId: 'store-1', storeName: expect.any(String), orders: 2, discountFen: 2_000, netFen: 18_000, members: 1 }]);
    expect((await get(`campaigns?${P}&storeId=store-2`, hq)).json.rows).toEqual([]);
  });
});

describe('who reads which store', () => {
  const routes = ['sales', 'margin', 'staff', 'commission', 'campaigns', 'orders'];
  it.each(routes)('%s: HQ any, a manager their own, clerks and members never; bad periods are 400 naming the field', async (route) => {
    expect((await get(`${route}?${P}`, hq)).status).toBe(200);
    expect((await get(`${route}?${P}&storeId=store-2`, hq)).status).toBe(200);
    expect((await get(`${route}?${P}`, manager1)).status).toBe(200);
    expect((await get(`${route}?${P}&storeId=store-1`, manager1)).status).toBe(200);
    const other = await get(`${route}?${P}&storeId=store-2`, manager1);
    expect([other.status, other.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get(`${route}?${P}`, clerk1)).status).toBe(403);
    expect((await get(`${route}?${P}`, member)).status).toBe(403);
    expect((await api(`/api/reports/${route}?${P}`)).status).toBe(401);
    const bad = await get(`${route}?from=2021-03-31&to=2021-03-01`, hq);
    expect([bad.status, bad.json.error.details.issues[0].field]).toEqual([400, 'to']);
    expect((await get(`${route}?from=2021-3-1&to=2021-03-02`, hq)).json.error.message).toContain('from');
  });

  it('a manager without storeId gets their own store only', async () => {
    const r = await get(`sales?${P}`, manager1);
    expect(r.json.byStore.map((s: { storeId: string }) => s.storeId)).toEqual(['store-1']);
    const all = await get(`sales?${P}`, hq);
    expect(all.json.byStore.map((s: { storeId: string }) => s.storeId).sort()).toEqual(['store-1', 'store-2']);
    expect((await get('today?storeId=store-2', manager1)).status).toBe(403);
    expect((await get('today', clerk1)).status).toBe(403);
    expect((await get('commission-plans', manager2)).status).toBe(403);
  });
});

describe('today, drill-down and the order behind a figure', () => {
  it('a sale shows in today’s figures at once; its order lists and opens with lines, tenders and refunds', async () => {
    const before = (await get('today?storeId=store-1&parts=figures', manager1)).json.figures.stores[0];
    const id = ulid();
    const sold = await api('/api/orders', { token: clerk1, body: { id, storeId: 'store-1', memberId: null, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: 8_900 }] } });
    expect(sold.status).toBe(200);
    const refund = await api(`/api/orders/${id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen: 900, reason: '报表测试' } });
    expect(refund.status).toBe(200);
    const today = await get('today?storeId=store-1', manager1);
    expect(today.status).toBe(200);
    expect(today.json.figures.stores[0]).toMatchObject({ storeId: 'store-1', orders: before.orders + 1, netFen: before.netFen + 8_000 });
    expect(today.json.trend).toHaveLength(30);
    expect(today.json.warnings).toMatchObject({ lowStockCount: expect.any(Number), openAlerts: expect.any(Number) });
    expect(today.json.warnings.projectionLag[0]).toMatchObject({ storeId: 'store-1' });
    expect((await get('today?parts=nope', hq)).status).toBe(400);
    await exec(`UPDATE inventory SET quantity = 1, low_stock_threshold = 5 WHERE store_id = 'store-1' AND product_id = 'p-401'`);
    const w1 = (await get('today?parts=warnings', manager1)).json.warnings;
    expect(w1.lowStock).toContainEqual(expect.objectContaining({ storeId: 'store-1', productId: 'p-401', quantity: 1, threshold: 5 }));
    expect(w1.lowStock.every((x: { storeId: string }) => x.storeId === 'store-1')).toBe(true);
    const w2 = (await get('today?parts=warnings', manager2)).json.warnings;
    expect(w2.lowStock.every((x: { storeId: string }) => x.storeId === 'store-2')).toBe(true);
    expect((await get('today?parts=figures', manager2)).json).not.toHaveProperty('warnings');

    const day = businessDay(Date.now());
    const page = await get(`orders?from=${day}&to=${day}&storeId=store-1&productId=p-401&tender=cash&member=walk_in&limit=1`, manager1);
    expect(page.json.orders[0]).toMatchObject({ id, totalFen: 8_900, refundedFen: 900, status: 'partially_refunded', staffName: '王小芳' });
    const byStaff = await get(`orders?from=${day}&to=${day}&staffId=staff-clerk1&limit=100`, hq);
    expect(byStaff.json.orders.map((o: { id: string }) => o.id)).toContain(id);
    if (page.json.next) {
      const more = await get(`orders?from=${day}&to=${day}&storeId=store-1&productId=p-401&tender=cash&member=walk_in&limit=1&cursor=${page.json.next}`, manager1);
      expect(more.json.orders.map((o: { id: string }) => o.id)).not.toContain(id);
    }
    const detail = await get(`orders/${id}`, manager1);
    expect(detail.status).toBe(200);
    expect(detail.json.lines[0]).toMatchObject({ productId: 'p-401', quantity: 1, totalFen: 8_900 });
    expect(detail.json.tenders).toEqual([expect.objectContaining({ tender: 'cash', amountFen: 8_900 })]);
    expect(detail.json.refunds).toEqual([expect.objectContaining({ amountFen: 900, via: 'counter', staffId: 'staff-manager1' })]);
    expect((await get(`orders/${id}`, manager2)).status).toBe(404);
    expect((await get(`orders/${id}`, clerk1)).status).toBe(403);
    expect((await get(`orders/${id}`, hq)).status).toBe(200);
  });

  it('HQ pages the orders of every store newest first, each once, as many as the orders hold', async () => {
    const from = windowStartDay(Date.now(), 3);
    const to = businessDay(Date.now());
    const seen: { id: string; createdAt: number }[] = [];
    let cursor = '';
    for (let i = 0; i < 100; i++) {
      const r = await get(`orders?from=${from}&to=${to}&limit=7${cursor ? `&cursor=${cursor}` : ''}`, hq);
      expect(r.status).toBe(200);
      seen.push(...r.json.orders);
      if (!r.json.next) break;
      cursor = r.json.next;
    }
    const n = (await env.DB.prepare(`SELECT count(*) AS n FROM orders WHERE kind = 'sale' AND status IN ('completed', 'refunded', 'partially_refunded') AND created_at >= ? AND created_at < ?`)
      .bind(periodStart(from), periodStart(to) + 86_400_000).first<{ n: number }>())!.n;
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
    expect(seen.length).toBe(n);
    expect(seen.every((o, i) => i === 0 || seen[i - 1]!.createdAt >= o.createdAt)).toBe(true);
    expect(new Set(seen.map((o) => (o as unknown as { storeId: string }).storeId)).size).toBeGreaterThan(1);
  });

  it('a member’s stored-value sale refunded twice through the account: both refunds in the detail, the recharge in the staff report', async () => {
    const day = businessDay(Date.now());
    const staffBefore = (await get(`staff?from=${day}&to=${day}&storeId=store-1`, manager1)).json.rows.find((r: { staffId: string }) => r.staffId === 'staff-clerk1');
    expect((await api(`/api/members/${memberId}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 50_000, paidWith: 'cash' } })).status).toBe(200);
    const id = ulid();
    const sold = await api('/api/orders', { token: clerk1, body: { id, storeId: 'store-1', memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: 8_900 }] } });
    expect(sold.status).toBe(200);
    for (const amountFen of [1_000, 500]) {
      const r = await api(`/api/members/${memberId}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', refundOf: id, amountFen } });
      expect(r.status).toBe(200);
    }
    const detail = await get(`orders/${id}`, hq);
    expect(detail.json.order).toMatchObject({ memberId, refundedFen: 1_500, totalFen: sold.json.totalFen ?? 8_900 });
    expect(detail.json.refunds.map((r: { amountFen: number; via: string }) => [r.amountFen, r.via])).toEqual([[1_000, 'account'], [500, 'account']]);
    expect(detail.json.tenders).toEqual([expect.objectContaining({ tender: 'stored_value' })]);
    const mine = await get(`orders?from=${day}&to=${day}&memberId=${memberId}&tender=stored_value`, manager1);
    expect(mine.json.orders.map((o: { id: string }) => o.id)).toContain(id);
    const staffAfter = (await get(`staff?from=${day}&to=${day}&storeId=store-1`, manager1)).json.rows.find((r: { staffId: string }) => r.staffId === 'staff-clerk1');
    expect(staffAfter.recharges - (staffBefore?.recharges ?? 0)).toBe(1);
    expect(staffAfter.rechargeFen - (staffBefore?.rechargeFen ?? 0)).toBe(50_000);
  });
});
