import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../shared/domain/business-day';
import { periodStart } from './jobs/periods';
import { runJob } from './jobs/runner';
import { api, loginAs, seedChain } from './test/fixtures';

// 会员分析 (issue 19): GET /api/reports/members, rfm, rfm/members, retention and the nightly member-analysis job.
const DAY = 86_400_000;
const D = businessDay(Date.now());
const asOf = periodStart(D);
const dayBack = (n: number) => businessDay(asOf - n * DAY);
let hq: string, manager1: string, manager2: string, clerk1: string;

async function member(id: string, home: string, over: { joinedAt?: number; lastVisitAt?: number | null; status?: string } = {}) {
  const phone = `196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, tier_code, card_no, status, joined_at, last_visit_at, updated_at) VALUES (?, ?, ?, 'female', ?, ?, 'normal', ?, ?, ?, ?, 0)`)
    .bind(id, phone, `会员${id.slice(-4)}`, home, home, `77${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`, over.status ?? 'active', over.joinedAt ?? 0, over.lastVisitAt ?? null).run();
  return phone;
}
// A member's sale as the rollups keep it (worker/reports/rollup-sql.ts): member_daily and cross_store_daily.
const daily = (memberId: string, day: string, storeId: string, homeStoreId: string, netFen: number, refundFen = 0) =>
  env.DB.batch([
    env.DB.prepare(`INSERT INTO member_daily (member_id, day, store_id, home_store_id, orders, net_fen, refund_fen) VALUES (?, ?, ?, ?, 1, ?, ?)`).bind(memberId, day, storeId, homeStoreId, netFen, refundFen),
    env.DB.prepare(`INSERT INTO cross_store_daily (day, store_id, home_store_id, orders, net_fen, refund_fen) VALUES (?, ?, ?, 1, ?, ?)
      ON CONFLICT(day, store_id, home_store_id) DO UPDATE SET orders = orders + 1, net_fen = net_fen + excluded.net_fen, refund_fen = refund_fen + excluded.refund_fen`).bind(day, storeId, homeStoreId, netFen, refundFen),
  ]);
const store = (id: string, code: string) => env.DB.prepare(`INSERT INTO stores (id, code, name, status, created_at, updated_at) VALUES (?, ?, ?, 'open', 0, 0)`).bind(id, code, `报表${code}`).run();
const local = (day: string, hour = 12) => Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000 + hour * 3_600_000;

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1')]);
});

describe('report routes: who reads what', () => {
  const urls = ['/api/reports/members?from=2026-11-01&to=2026-11-30', '/api/reports/members/cross-store?from=2026-11-01&to=2026-11-30', '/api/reports/rfm?', '/api/reports/rfm/members?segment=important_value', '/api/reports/retention?', '/api/reports/liability?from=2026-11-01&to=2026-11-30'];
  it.each(urls)('%s: HQ any store or all, a manager only their own, clerks never', async (url) => {
    const at = (s: string) => `${url}${url.endsWith('?') ? '' : '&'}storeId=${s}`;
    expect((await api(url.replace(/\?$/, ''), { token: hq })).status).toBe(200);
    expect((await api(at('store-2'), { token: hq })).status).toBe(200);
    expect((await api(url.replace(/\?$/, ''), { token: manager1 })).status).toBe(200);
    expect((await api(at('store-1'), { token: manager1 })).status).toBe(200);
    const other = await api(at('store-2'), { token: manager1 });
    expect([other.status, other.json.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api(at('store-1'), { token: manager2 })).status).toBe(403);
    expect((await api(at('store-1'), { token: clerk1 })).status).toBe(403);
    expect((await api(url.replace(/\?$/, ''))).status).toBe(401);
  });

  it('the check is HQ’s only', async () => {
    expect((await api('/api/reports/liability/check', { token: hq })).status).toBe(200);
    for (const t of [manager1, clerk1]) expect((await api('/api/reports/liability/check', { token: t })).status).toBe(403);
  });

  it.each([
    ['/api/reports/members?from=2026-13-01&to=2026-11-30', 'from'],
    ['/api/reports/members?from=2026-11-30&to=2026-11-01', 'to'],
    ['/api/reports/members?to=2026-11-01', 'from'],
    ['/api/reports/liability?from=2024-01-01&to=2026-11-01', 'from'],
    ['/api/reports/rfm/members?segment=vip', 'segment'],
    ['/api/reports/rfm/members?segment=general_keep&limit=5000', 'limit'],
  ])('%s → 400 naming %s', async (url, field) => {
    const r = await api(url, { token: hq });
    expect([r.status, r.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(r.json.error.message).toContain(field);
  });
});

describe('member analysis for a period', () => {
  it('counts new, active and dormant members, finds the top spenders either way, and the cross-store visits', async () => {
    await store('store-top', 'T801');
    const joined = local('2024-03-10');
    await member('m-top-e', 'store-top', { joinedAt: joined, lastVisitAt: local('2024-03-20') });
    await member('m-top-f', 'store-top', { joinedAt: joined, lastVisitAt: local('2024-06-02') });
    await member('m-top-g', 'store-top', { joinedAt: local('2024-02-01') });
    await daily('m-top-e', '2024-03-20', 'store-top', 'store-top', 30_000, 1_000);
    await daily('m-top-f', '2024-03-21', 'store-1', 'store-top', 20_000);
    await daily('m-top-f', '2024-06-02', 'store-top', 'store-top', 50_000);
    await env.DB.prepare(`INSERT INTO member_spend (member_id, orders, net_fen, refund_fen) VALUES ('m-top-e', 1, 30000, 1000), ('m-top-f', 2, 70000, 0)`).run();

    const march = (await api('/api/reports/members?from=2024-03-01&to=2024-03-31&storeId=store-top&compare=previous', { token: hq })).json;
    expect(march.summary).toMatchObject({ totalMembers: 3, newMembers: { value: 2, base: 1 }, activeMembers: { value: 2, base: 0 }, neverVisited: 1, dormant: [{ days: 90, members: 2 }, { days: 180, members: 2 }] });
    expect(march.top).toMatchObject({ method: 'direct', members: [{ memberId: 'm-top-e', spendFen: 29_000, netFen: 30_000, refundFen: 1_000, homeStoreId: 'store-top' }] });
    const cross = (await api('/api/reports/members/cross-store?from=2024-03-01&to=2024-03-31&storeId=store-top', { token: hq })).json;
    expect(cross.cells).toEqual([{ homeStoreId: 'store-top', storeId: 'store-1', visits: 1, orders: 1, spendFen: 20_000 }]);
    expect(cross.stores.map((s: { id: string }) => s.id).sort()).toEqual(['store-1', 'store-top']);
    expect(march.stores).toEqual([{ id: 'store-top', name: '报表T801' }]);

    // A year: the bounded walk over member_spend and the direct sum agree.
    const year = (await api('/api/reports/members?from=2023-07-01&to=2024-06-30', { token: hq })).json;
    expect(year.top.method).toBe('bounded');
    expect(year.top.members.map((m: { memberId: string; spendFen: number }) => [m.memberId, m.spendFen])).toEqual([['m-top-f', 70_000], ['m-top-e', 29_000]]);
    const direct = (await api('/api/reports/members?from=2024-03-01&to=2024-03-31', { token: hq })).json;
    expect(direct.top.members.map((m: { memberId: string }) => m.memberId)).toEqual(['m-top-e', 'm-top-f']);
    // store 1's manager sees store 1's side of the cross-store visit, and none of store-top's own figures.
    const mine = (await api('/api/reports/members?from=2024-03-01&to=2024-03-31', { token: manager1 })).json;
    expect((await api('/api/reports/members/cross-store?from=2024-03-01&to=2024-03-31', { token: manager1 })).json.cells).toEqual([{ homeStoreId: 'store-top', storeId: 'store-1', visits: 1, orders: 1, spendFen: 20_000 }]);
    expect((await api('/api/reports/members/cross-store?from=2024-03-01&to=2024-03-31', { token: manager2 })).json.cells).toEqual([]);
    expect(mine.top.members.map((m: { memberId: string; phone: string }) => [m.memberId, m.phone.includes('****')])).toEqual([['m-top-f', true]]);
    expect(mine.byStore.map((s: { storeId: string }) => s.storeId)).toEqual(['store-1']);
  });

  it('breaks members down by interests and tags', async () => {
    await env.DB.prepare(`INSERT INTO member_tags (member_id, tag, source, created_at) VALUES ('m-top-e', '美发', 'member', 0), ('m-top-f', '美发', 'member', 0), ('m-top-f', '老客', 'staff', 0)`).run();
    const r = (await api('/api/reports/members?from=2024-03-01&to=2024-03-31&storeId=store-top', { token: hq })).json;
    expect(r.tags).toEqual([{ tag: '美发', source: 'member', members: 2 }, { tag: '老客', source: 'staff', members: 1 }]);
  });
});

describe('the nightly member analysis', () => {
  it('scores RFM, keeps retention by month of joining, and writes the same when run again', async () => {
    await store('store-rfm', 'T802');
    await member('m-rfm-a', 'store-rfm', { joinedAt: asOf - 40 * DAY, lastVisitAt: asOf - 1 * DAY + 3_600_000 });
    await member('m-rfm-b', 'store-rfm', { joinedAt: asOf - 400 * DAY, lastVisitAt: asOf - 200 * DAY });
    await member('m-rfm-c', 'store-rfm', { joinedAt: asOf - 10 * DAY });
    await member('m-rfm-d', 'store-rfm', { status: 'closed', lastVisitAt: asOf - DAY });
    await env.DB.prepare(`INSERT INTO member_rfm (member_id, home_store_id, orders, net_fen, r, f, m, segment, computed_at) VALUES ('m-rfm-d', 'store-rfm', 0, 0, 1, 1, 1, 'general_retain', 0)`).run();
    for (let i = 1; i <= 12; i++) await daily('m-rfm-a', dayBack(i), i % 2 ? 'store-rfm' : 'store-1', 'store-rfm', 50_000);
    await daily('m-rfm-b', dayBack(200), 'store-rfm', 'store-rfm', 45_000);
    await daily('m-rfm-b', dayBack(201), 'store-rfm', 'store-rfm', 45_000);
    await daily('m-rfm-b', dayBack(400), 'store-rfm', 'store-rfm', 999_999); // outside the 365 days

    const run = await runJob(env, 'member-analysis', D, asOf + 3 * 3_600_000, { pageSize: 20 });
    expect(run).toMatchObject({ finished: true, run: { status: 'done', failed: 0 } });
    const rows = (await env.DB.prepare(`SELECT member_id id, orders, net_fen net, r, f, m, segment, last_visit_day lastDay FROM member_rfm WHERE home_store_id = 'store-rfm' ORDER BY member_id`).all()).results;
    expect(rows).toEqual([
      { id: 'm-rfm-a', orders: 12, net: 600_000, r: 5, f: 5, m: 5, segment: 'important_value', lastDay: dayBack(1) },
      { id: 'm-rfm-b', orders: 2, net: 90_000, r: 1, f: 2, m: 3, segment: 'important_retain', lastDay: dayBack(200) },
      { id: 'm-rfm-c', orders: 0, net: 0, r: 1, f: 1, m: 1, segment: 'general_retain', lastDay: null },
    ]);

    const cohortA = businessDay(asOf - 40 * DAY).slice(0, 7);
    const monthsA = [...new Set(Array.from({ length: 12 }, (_, i) => dayBack(i + 1).slice(0, 7)))].sort();
    const cohorts = (await env.DB.prepare(`SELECT cohort, month, joined, active FROM member_cohorts WHERE home_store_id = 'store-rfm' ORDER BY cohort, month`).all()).results;
    const cohortC = businessDay(asOf - 10 * DAY).slice(0, 7);
    const expected = new Map<string, { joined: number; active: Map<string, number> }>();
    const add = (c: string, month: string | null) => {
      const x = expected.get(c) ?? { joined: 0, active: new Map() };
      if (month === null) x.joined++;
      else x.active.set(month, (x.active.get(month) ?? 0) + 1);
      expected.set(c, x);
    };
    add(cohortA, null);
    add(cohortC, null);
    for (const m of monthsA) if (m >= cohortA) add(cohortA, m);
    const want = [...expected].flatMap(([cohort, x]) => [...new Set([cohort, ...x.active.keys()])].sort().map((month) => ({ cohort, month, joined: x.joined, active: x.active.get(month) ?? 0 })))
      .sort((a, b) => a.cohort.localeCompare(b.cohort) || a.month.localeCompare(b.month));
    expect(cohorts).toEqual(want);

    // The rerun writes the same figures (and never brings the closed member back).
    const again = await runJob(env, 'member-analysis', D, asOf + 4 * 3_600_000, { rerun: true, pageSize: 7 });
    expect(again.finished).toBe(true);
    expect((await env.DB.prepare(`SELECT member_id id, orders, net_fen net, r, f, m, segment, last_visit_day lastDay FROM member_rfm WHERE home_store_id = 'store-rfm' ORDER BY member_id`).all()).results).toEqual(rows);
    expect((await env.DB.prepare(`SELECT cohort, month, joined, active FROM member_cohorts WHERE home_store_id = 'store-rfm' ORDER BY cohort, month`).all()).results).toEqual(cohorts);

    const rfm = (await api('/api/reports/rfm?storeId=store-rfm', { token: hq })).json;
    expect(rfm.computedAt).toBe(asOf + 4 * 3_600_000);
    expect(rfm.segments.filter((s: { members: number }) => s.members > 0)).toEqual([
      { segment: 'important_value', members: 1, orders: 12, netFen: 600_000 },
      { segment: 'important_retain', members: 1, orders: 2, netFen: 90_000 },
      { segment: 'general_retain', members: 1, orders: 0, netFen: 0 },
    ]);
    const list = (await api('/api/reports/rfm/members?segment=important_value&storeId=store-rfm&limit=1', { token: hq })).json;
    expect(list).toMatchObject({ members: [{ memberId: 'm-rfm-a', r: 5, f: 5, m: 5, netFen: 600_000 }], next: 'm-rfm-a' });
    expect(list.members[0].phone).toMatch(/^196\d{8}$/);
    expect((await api(`/api/reports/rfm/members?segment=important_value&storeId=store-rfm&cursor=m-rfm-a`, { token: hq })).json).toEqual({ members: [], next: null });

    const retention = (await api('/api/reports/retention?storeId=store-rfm', { token: hq })).json;
    expect(retention.cohorts.find((c: { cohort: string }) => c.cohort === cohortA)).toMatchObject({ joined: 1, months: [...new Set([cohortA, ...monthsA.filter((m) => m >= cohortA)])].sort().map((month) => ({ month, active: monthsA.includes(month) ? 1 : 0 })) });
    // Seeded stores were analysed too: store 1's manager reads their own.
    expect((await api('/api/reports/rfm', { token: manager1 })).json.segments.reduce((n: number, s: { members: number }) => n + s.members, 0)).toBeGreaterThan(0);
  });
});
