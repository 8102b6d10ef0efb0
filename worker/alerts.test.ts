import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../shared/domain/business-day';
import { periodStart } from './jobs/periods';
import { runJob } from './jobs/runner';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

// Low-stock alerts, the daily rollup check (decision 019) and GET /api/alerts, with a fake clock.
const DAY = 86_400_000;
const PRICE = 8900; // p-401, the same in every store for tier normal
const at3 = (day: string) => periodStart(day) + 3 * 3_600_000;
const count = async (q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<{ n: number }>())!.n;
const runRow = (id: string) => env.DB.prepare('SELECT status, processed, changed, failed, last_error lastError FROM job_runs WHERE id = ?').bind(id).first<Record<string, unknown>>();
const alertRow = (id: string) => env.DB.prepare('SELECT * FROM staff_alerts WHERE id = ?').bind(id).first<Record<string, unknown>>();

let hq: string, manager1: string, manager2: string, clerk1: string, member: string;
beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1')]);
  const phone = `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '提醒会员', 'female', 'store-1', 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(`m-al-${ulid()}`, phone, `75${String(Date.now()).slice(-10)}`).run();
  member = await memberLoginToken(phone);
});

describe('low-stock alerts', () => {
  const D = businessDay(Date.now());

  it('writes one alert per store and day with what is low, none for a store with nothing low, once however often it runs', async () => {
    // Everything well stocked, then: store 1 two products low (one exactly at its threshold) and one
    // at 0 with no threshold; store 2 one low; store 3 nothing; a closed store with a low product.
    await env.DB.exec(`UPDATE inventory SET quantity = low_stock_threshold + 50`);
    const goods = (await env.DB.prepare(`SELECT i.product_id id, p.name FROM inventory i JOIN products p ON p.id = i.product_id WHERE i.store_id = 'store-1' ORDER BY i.product_id LIMIT 3`).all<{ id: string; name: string }>()).results;
    const [a, b, c] = goods as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];
    const set = (store: string, product: string, quantity: number, threshold: number) =>
      env.DB.prepare('UPDATE inventory SET quantity = ?, low_stock_threshold = ? WHERE store_id = ? AND product_id = ?').bind(quantity, threshold, store, product).run();
    await set('store-1', a.id, 2, 10);
    await set('store-1', b.id, 10, 10);
    await set('store-1', c.id, 0, 0);
    await set('store-2', a.id, 1, 5);
    await env.DB.prepare(`INSERT INTO stores (id, code, name, status, created_at, updated_at) VALUES ('store-z', 'S999', '已关店', 'closed', 0, 0)`).run();
    await env.DB.prepare(`INSERT INTO inventory (store_id, product_id, quantity, low_stock_threshold, updated_at) VALUES ('store-z', ?, 0, 10, 0)`).bind(a.id).run();

    // One store a page, so the cursor carries it from store to store.
    const first = await runJob(env, 'low-stock-alerts', D, at3(D), { pageSize: 1 });
    expect(first).toMatchObject({ finished: true, run: { status: 'done', processed: 3, changed: 2, failed: 0 } });
    const alerts = (await env.DB.prepare(`SELECT id, store_id, kind, detail, created_at, resolved_at FROM staff_alerts WHERE kind = 'low-stock' ORDER BY id`).all<Record<string, unknown>>()).results;
    expect(alerts.map((r) => r.id)).toEqual([`low-stock:${D}:store-1`, `low-stock:${D}:store-2`]);
    expect(JSON.parse(String(alerts[0]!.detail))).toEqual([
      { productId: a.id, name: a.name, quantity: 2, threshold: 10 },
      { productId: b.id, name: b.name, quantity: 10, threshold: 10 },
    ]);
    expect(JSON.parse(String(alerts[1]!.detail))).toEqual([{ productId: a.id, name: a.name, quantity: 1, threshold: 5 }]);
    expect(alerts[0]).toMatchObject({ store_id: 'store-1', created_at: at3(D), resolved_at: null });

    // Again the same day (the cron leaves a done run alone), HQ's rerun after more ran low: still one each.
    await set('store-3', a.id, 0, 10);
    expect(await runJob(env, 'low-stock-alerts', D, at3(D) + 600_000)).toMatchObject({ claimed: false });
    const rerun = await runJob(env, 'low-stock-alerts', D, at3(D) + 3_600_000, { rerun: true, triggeredBy: 'staff-admin' });
    expect(rerun).toMatchObject({ finished: true, run: { status: 'done', processed: 3, changed: 1 } });
    expect(await count(`SELECT count(*) n FROM staff_alerts WHERE kind = 'low-stock' AND id LIKE ?`, `low-stock:${D}:%`)).toBe(3);
    expect(JSON.parse(String((await alertRow(`low-stock:${D}:store-1`))!.detail))).toHaveLength(2);
    await set('store-3', a.id, 60, 10);

    // The next day is a day of its own; store 3 has nothing low again and gets none.
    const next = businessDay(periodStart(D) + DAY + 3_600_000);
    expect(await runJob(env, 'low-stock-alerts', next, at3(next))).toMatchObject({ run: { status: 'done', processed: 3, changed: 2 } });
    expect(await count(`SELECT count(*) n FROM staff_alerts WHERE id LIKE ?`, `low-stock:${next}:%`)).toBe(2);
    expect(await alertRow(`low-stock:${next}:store-3`)).toBeNull();
    expect(await count(`SELECT count(*) n FROM staff_alerts WHERE store_id = 'store-z'`)).toBe(0);
  });
});

describe('rollup check', () => {
  // Tomorrow's run checks the 7 business days to today, where the sales below land.
  const R = businessDay(periodStart(businessDay(Date.now())) + DAY + 3_600_000);
  const today = businessDay(periodStart(R) - DAY);

  it('passes on the rollup the sales and refunds wrote, and reports a planted difference as a failure and an alert, without repairing it', async () => {
    const sale = (token: string, storeId: string, memberId: string | null, tender: string) =>
      api('/api/orders', { token, body: { id: ulid(), storeId, memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: tender, amountFen: PRICE }] } });
    const m = (await env.DB.prepare(`SELECT id FROM members WHERE id LIKE 'm-al-%'`).first<{ id: string }>())!.id;
    expect((await api(`/api/members/${m}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: 50_000, paidWith: 'cash' } })).status).toBe(200);
    // A member's sale (through their object's projection), two walk-in sales, and refunds of both kinds.
    const memberSale = await sale(clerk1, 'store-1', m, 'stored_value');
    const walkIn = await sale(clerk1, 'store-1', null, 'cash');
    const [s1, s2] = [memberSale.json.id as string, walkIn.json.id as string];
    expect([memberSale.status, walkIn.status, (await sale(clerk1, 'store-1', null, 'cash')).status]).toEqual([200, 200, 200]);
    const refund = (id: string, amountFen: number) => api(`/api/orders/${id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', amountFen, reason: '退款' } });
    expect((await refund(s1, 1_000)).status).toBe(200);
    expect((await refund(s2, PRICE)).status).toBe(200);
    const row = await env.DB.prepare(`SELECT orders, sales_fen s FROM store_daily_sales WHERE store_id = 'store-1' AND day = ?`).bind(today).first<{ orders: number; s: number }>();
    expect(row!.orders).toBeGreaterThanOrEqual(3);

    const ok = await runJob(env, 'rollup-check', R, at3(R), { pageSize: 2 });
    expect(ok).toMatchObject({ finished: true, run: { status: 'done', processed: 4, changed: 0, failed: 0, lastError: null } });
    expect(await count(`SELECT count(*) n FROM staff_alerts WHERE kind = 'rollup-mismatch'`)).toBe(0);

    // A rollup that lost a fen: the run fails, and says where.
    await env.DB.prepare(`UPDATE store_daily_sales SET sales_fen = sales_fen - 1 WHERE store_id = 'store-1' AND day = ?`).bind(today).run();
    const bad = await runJob(env, 'rollup-check', R, at3(R) + 3_600_000, { rerun: true, triggeredBy: 'staff-admin' });
    expect(bad).toMatchObject({ finished: true, run: { status: 'failed', processed: 4, changed: 1, failed: 1 } });
    expect(bad.run!.lastError).toContain(`store-1 ${today}`);
    const alert = await alertRow(`rollup-mismatch:${today}:store-1`);
    expect(alert).toMatchObject({ store_id: 'store-1', kind: 'rollup-mismatch', resolved_at: null });
    const expected = { orders: row!.orders, salesFen: row!.s, costFen: expect.any(Number) };
    expect(JSON.parse(String(alert!.detail))).toEqual({ day: today, expected, actual: { ...expected, salesFen: row!.s - 1 } });
    // Not repaired; checked again, still a failure and still one alert.
    expect((await env.DB.prepare(`SELECT sales_fen s FROM store_daily_sales WHERE store_id = 'store-1' AND day = ?`).bind(today).first<{ s: number }>())!.s).toBe(row!.s - 1);
    const again = await runJob(env, 'rollup-check', R, at3(R) + 7_200_000, { rerun: true });
    expect(again).toMatchObject({ run: { status: 'failed', changed: 0, failed: 1 } });
    expect(await runRow(`rollup-check:${R}`)).toMatchObject({ status: 'failed', failed: 1 });
    expect(await count(`SELECT count(*) n FROM staff_alerts WHERE kind = 'rollup-mismatch'`)).toBe(1);
    // HQ's job log shows it.
    const log = await api('/api/jobs?job=rollup-check', { token: hq });
    expect(log.json.runs[0]).toMatchObject({ id: `rollup-check:${R}`, status: 'failed', failed: 1 });
  });
});

describe('GET /api/alerts and resolve', () => {
  it('shows a manager only their store’s alerts, HQ any; refuses clerks, members and another store', async () => {
    const ids = (r: { json: { alerts: { id: string; storeId: string }[] } }) => r.json.alerts.map((x) => x.storeId);
    const mine = await api('/api/alerts?limit=200', { token: manager1 });
    expect(mine.status).toBe(200);
    expect(mine.json.alerts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids(mine))).toEqual(new Set(['store-1']));
    expect(mine.json.alerts.find((x: { kind: string }) => x.kind === 'rollup-mismatch')).toMatchObject({ detail: { day: expect.any(String), expected: { orders: expect.any(Number) } } });
    expect(mine.json.alerts.find((x: { kind: string }) => x.kind === 'low-stock')).toMatchObject({ resolvedAt: null, detail: expect.arrayContaining([expect.objectContaining({ productId: expect.any(String), quantity: expect.any(Number), threshold: expect.any(Number) })]) });
    expect(new Set(ids(await api('/api/alerts?limit=200', { token: manager2 })))).toEqual(new Set(['store-2']));
    expect(new Set(ids(await api('/api/alerts?limit=200', { token: hq })))).toEqual(new Set(['store-1', 'store-2', 'store-3']));
    expect(new Set(ids(await api('/api/alerts?storeId=store-2', { token: hq })))).toEqual(new Set(['store-2']));
    expect((await api('/api/alerts?kind=rollup-mismatch', { token: hq })).json.alerts).toHaveLength(1);

    for (const [token, path] of [[manager1, '/api/alerts?storeId=store-2'], [clerk1, '/api/alerts'], [member, '/api/alerts']] as const) {
      const r = await api(path, { token });
      expect([path, r.status, r.json.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await api('/api/alerts')).status).toBe(401);
    for (const q of ['kind=nope', 'open=yes', 'limit=0']) expect((await api(`/api/alerts?${q}`, { token: hq })).status).toBe(400);
  });

  it('resolves an alert for its store’s manager or HQ, audited once; twice changes nothing', async () => {
    const D = businessDay(Date.now());
    const [one, two] = [`low-stock:${D}:store-1`, `low-stock:${D}:store-2`];
    for (const [token, id] of [[manager2, one], [clerk1, one], [member, one]] as const) {
      expect((await api(`/api/alerts/${encodeURIComponent(id)}/resolve`, { token, method: 'POST' })).status).toBe(403);
    }
    expect((await api(`/api/alerts/${encodeURIComponent(`low-stock:${D}:store-9`)}/resolve`, { token: hq, method: 'POST' })).status).toBe(404);
    expect(await alertRow(one)).toMatchObject({ resolved_at: null });

    const r = await api(`/api/alerts/${encodeURIComponent(one)}/resolve`, { token: manager1, method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ replayed: false, alert: { id: one, storeId: 'store-1', kind: 'low-stock', day: D, resolvedAt: expect.any(Number) } });
    const again = await api(`/api/alerts/${encodeURIComponent(one)}/resolve`, { token: hq, method: 'POST' });
    expect(again.json).toMatchObject({ replayed: true, alert: { resolvedAt: r.json.alert.resolvedAt } });
    const audit = (await env.DB.prepare(`SELECT actor_id, store_id, entity_id FROM audit_log WHERE action = 'alert.resolve'`).all()).results;
    expect(audit).toEqual([{ actor_id: 'staff-manager1', store_id: 'store-1', entity_id: one }]);

    expect((await api(`/api/alerts/${encodeURIComponent(two)}/resolve`, { token: hq, method: 'POST' })).json).toMatchObject({ replayed: false });
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'alert.resolve'`)).toBe(2);
    const open = (await api('/api/alerts?open=true&limit=200', { token: manager1 })).json.alerts.map((x: { id: string }) => x.id);
    const closed = (await api('/api/alerts?open=false&limit=200', { token: manager1 })).json.alerts.map((x: { id: string }) => x.id);
    expect(closed).toEqual([one]);
    expect(open).not.toContain(one);
    expect(open.length).toBeGreaterThanOrEqual(2);
  });
});
