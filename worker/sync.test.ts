import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { serverMutators } from './sync/server-mutators';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

let clerk1: string, clerk2: string;
const PRICE = 8900; // p-401, the same price in every store

type Patch = { op: string; key?: string; value?: any }[];
const pull = (token: string, clientGroupID: string, cookie: unknown = null) =>
  api('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID, cookie, profileID: 'p', schemaVersion: '1' } });
const push = (token: string, clientGroupID: string, mutations: { clientID: string; id: number; name: string; args: unknown }[]) =>
  api('/api/replicache/push', { token, body: { pushVersion: 1, clientGroupID, profileID: 'p', schemaVersion: '1', mutations: mutations.map((m) => ({ ...m, timestamp: 1 })) } });

function applyPatch(view: Map<string, any>, patch: Patch) {
  for (const op of patch) {
    if (op.op === 'clear') view.clear();
    else if (op.op === 'put') view.set(op.key!, op.value);
    else view.delete(op.key!);
  }
}

/** Pulls until the view is complete, as a client does while `sync/meta` says more; returns the view. */
async function syncAll(token: string, group: string, from: { cookie: unknown; view: Map<string, any> } = { cookie: null, view: new Map() }) {
  let { cookie } = from;
  const view = from.view;
  const lmids: Record<string, number> = {};
  let pages = 0;
  for (;;) {
    const r = await pull(token, group, cookie);
    expect(r.status).toBe(200);
    pages++;
    applyPatch(view, r.json.patch);
    Object.assign(lmids, r.json.lastMutationIDChanges);
    cookie = r.json.cookie;
    if (!view.get('sync/meta')?.more) return { cookie, view, pages, lmids };
    if (pages > 200) throw new Error(`still more after 200 pulls: ${JSON.stringify(r.json).slice(0, 300)}`);
  }
}

async function newMember(balanceFen: number) {
  const id = `m-sync-${ulid()}`;
  const phone = `198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '同步会员', 'female', 'store-1', 'normal', ?, 'active', 0, ?)`)
    .bind(id, phone, `66${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`, Date.now()).run();
  if (balanceFen > 0) {
    const r = await api(`/api/members/${id}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen: balanceFen, paidWith: 'cash' } });
    expect(r.status).toBe(200);
  }
  return id;
}
const sale = (memberId: string, storeId = 'store-1') => ({ id: ulid(), storeId, memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: PRICE }] });

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2] = await Promise.all([loginAs('clerk1'), loginAs('clerk2')]);
});

describe('pull', () => {
  it('pages a clerk’s view of its store: catalog at its prices, its members, rules, tiers', async () => {
    const { view, pages } = await syncAll(clerk1, `g-${ulid()}`);
    expect(pages).toBeGreaterThan(2); // 40 rows per page in tests
    expect(view.get('store/store-1')).toMatchObject({ id: 'store-1' });
    expect(view.has('store/store-2')).toBe(false);
    expect(view.get('rules')).toHaveProperty('consumptionOrder');
    expect(view.get('tier/gold')).toHaveProperty('discountBp');
    expect(view.get('product/p-401')).toMatchObject({ storePriceFen: PRICE, costPriceFen: null }); // a clerk does not see margins
    // The campaigns running here (not another store's) and the coupon templates, for pricing offline.
    expect(view.get('campaign/cmp-s1-200-30')).toMatchObject({ kind: 'threshold', thresholdFen: 20_000, offFen: 3_000 });
    expect(view.has('campaign/cmp-s3-drinks')).toBe(false);
    expect(view.get('coupon-template/ctpl-welcome-10')).toMatchObject({ kind: 'cash', amountFen: 1_000 });
    const members = [...view.entries()].filter(([k]) => k.startsWith('member/')).map(([, v]) => v);
    expect(members.length).toBeGreaterThan(0);
    const dbCount = await env.DB.prepare(`SELECT count(*) AS n FROM members WHERE home_store_id = 'store-1' OR id IN (SELECT member_id FROM member_store_visits WHERE store_id = 'store-1' AND last_visit_at > ?)`).bind(Date.now() - 90 * 86_400_000).first<{ n: number }>();
    expect(members.length).toBe(dbCount!.n);
  });

  it('sends only what changed, and a lost response costs nothing', async () => {
    const group = `g-${ulid()}`;
    const first = await syncAll(clerk1, group);
    const quiet = await pull(clerk1, group, first.cookie);
    expect(quiet.json.patch).toEqual([]);
    expect(quiet.json.cookie).toEqual(first.cookie);
    const id = await newMember(50_000);
    const changed = await pull(clerk1, group, first.cookie);
    expect((changed.json.patch as Patch).filter((p) => p.key?.startsWith('member/')).map((p) => p.key)).toEqual([`member/${id}`]);
    // The response was lost: the client pulls again from its old cookie and gets the same rows.
    const again = await pull(clerk1, group, first.cookie);
    expect((again.json.patch as Patch).find((p) => p.key === `member/${id}`)?.value).toMatchObject({ principalFen: 50_000 });
  });

  it('a store price set after the first sync reaches that store’s tablets only', async () => {
    const [g1, g2] = [`g-${ulid()}`, `g-${ulid()}`];
    const [s1, s2] = [await syncAll(clerk1, g1), await syncAll(clerk2, g2)];
    await env.DB.prepare(`INSERT INTO store_prices (store_id, product_id, price_fen, updated_at) VALUES ('store-2', 'p-402', 13300, ?) ON CONFLICT DO UPDATE SET price_fen = excluded.price_fen, updated_at = excluded.updated_at`).bind(Date.now()).run();
    const [a1, a2] = [await syncAll(clerk1, g1, s1), await syncAll(clerk2, g2, s2)];
    expect(a2.view.get('product/p-402')).toMatchObject({ storePriceFen: 13_300 });
    expect(a1.view.get('product/p-402').storePriceFen).toBe(s1.view.get('product/p-402').storePriceFen);
  });

  it('a campaign switched off leaves the tablets', async () => {
    const group = `g-${ulid()}`;
    const first = await syncAll(clerk1, group);
    expect(first.view.has('campaign/cmp-s1-200-30')).toBe(true);
    await env.DB.prepare(`UPDATE campaigns SET doc = json_set(doc, '$.active', json('false')), active = 0, updated_at = ? WHERE id = 'cmp-s1-200-30'`).bind(Date.now()).run();
    try {
      expect((await syncAll(clerk1, group, first)).view.has('campaign/cmp-s1-200-30')).toBe(false);
    } finally {
      await env.DB.prepare(`UPDATE campaigns SET doc = json_set(doc, '$.active', json('true')), active = 1, updated_at = ? WHERE id = 'cmp-s1-200-30'`).bind(Date.now()).run();
    }
  });

  it('a member served at another store enters that store’s view', async () => {
    const group = `g-${ulid()}`;
    const first = await syncAll(clerk2, group);
    const id = await newMember(PRICE); // home store-1
    expect((await pull(clerk2, group, first.cookie)).json.patch.some((p: { key?: string }) => p.key === `member/${id}`)).toBe(false);
    const r = await api('/api/orders', { token: clerk2, body: sale(id, 'store-2') });
    expect(r.status).toBe(200);
    const after = await syncAll(clerk2, group, first);
    expect(after.view.get(`member/${id}`)).toMatchObject({ principalFen: 0, lastVisitStoreId: 'store-2' });
  });

  it('reads a bulk change a page at a time over several pulls, and misses none of it', async () => {
    const group = `g-${ulid()}`;
    const first = await syncAll(clerk1, group);
    // Every member of the chain changes at once (an import, say): more rows than a page (40 in tests).
    await env.DB.prepare(`UPDATE members SET name = name || '·', updated_at = ?`).bind(Date.now()).run();
    const total = await env.DB.prepare('SELECT count(*) AS n FROM members').first<{ n: number }>();
    expect(total!.n).toBeGreaterThan(40);
    const next = await pull(clerk1, group, first.cookie);
    expect((next.json.patch as Patch).find((p) => p.key === 'sync/meta')?.value).toEqual({ more: true });
    applyPatch(first.view, next.json.patch);
    const after = await syncAll(clerk1, group, { cookie: next.json.cookie, view: first.view });
    const members = [...after.view.entries()].filter(([k]) => k.startsWith('member/')).map(([, v]) => v);
    expect(members.length).toBe([...first.view.keys()].filter((k) => k.startsWith('member/')).length);
    for (const m of members) expect(m.name.endsWith('·')).toBe(true);
  });

  it('refuses another user’s client group and answers ClientStateNotFound for a forgotten one', async () => {
    const group = `g-${ulid()}`;
    await syncAll(clerk1, group);
    expect((await pull(clerk2, group)).status).toBe(403);
    expect((await push(clerk2, group, [])).status).toBe(403);
    const forgotten = await pull(clerk1, `g-${ulid()}`, { order: 7 });
    expect(forgotten.json).toEqual({ error: 'ClientStateNotFound' });
  });

  it('gives a member’s phone that member only: their row, account, orders, tiers and rules', async () => {
    const id = await newMember(20_000);
    const phone = (await env.DB.prepare('SELECT phone FROM members WHERE id = ?').bind(id).first<{ phone: string }>())!.phone;
    const token = await memberLoginToken(phone);
    const group = `g-${ulid()}`;
    const { view } = await syncAll(token, group);
    expect([...view.keys()].filter((k) => k.startsWith('member/'))).toEqual([`member/${id}`]);
    expect(view.get(`account/${id}`)).toMatchObject({ memberId: id, balances: { principalFen: 20_000 } });
    expect(view.has('tier/gold') && view.has('rules')).toBe(true);
    // Their own recharge, for the phone's history (sales are orders).
    const ops = [...view.entries()].filter(([k]) => k.startsWith('account-op/')).map(([, v]) => v);
    expect(ops).toEqual([expect.objectContaining({ kind: 'recharge', storeId: 'store-1', amountFen: 20_000, principalFen: 20_000, refundOf: null })]);
    expect([...view.keys()].some((k) => k.startsWith('product/') || k.startsWith('store/'))).toBe(false);
    // A phone cannot ring up a sale: refused and recorded, nothing charged.
    expect((await push(token, group, [{ clientID: 'phone', id: 1, name: 'checkout', args: sale(id) }])).status).toBe(200);
    const after = await syncAll(token, group, { cookie: null, view: new Map() });
    expect([...after.view.values()].find((v) => v?.clientID === 'phone')).toMatchObject({ code: 'FORBIDDEN' });
    expect(after.view.get(`member/${id}`)).toMatchObject({ principalFen: 20_000 });
  });

  it('starts a clerk over when their store changes: nothing of the old store stays', async () => {
    const group = `g-${ulid()}`;
    const token = await loginAs('clerk1b');
    const first = await syncAll(token, group);
    expect(first.view.has('store/store-1')).toBe(true);
    await env.DB.prepare(`UPDATE staff SET store_id = 'store-3' WHERE username = 'clerk1b'`).run();
    try {
      // Sessions are cached for a few seconds per isolate (decision 003); a fresh sign-in reads the row.
      const moved = await loginAs('clerk1b');
      expect((await pull(moved, group, first.cookie)).json).toEqual({ error: 'ClientStateNotFound' });
      const fresh = await syncAll(moved, `g-${ulid()}`);
      expect(fresh.view.has('store/store-3') && !fresh.view.has('store/store-1')).toBe(true);
    } finally {
      await env.DB.prepare(`UPDATE staff SET store_id = 'store-1' WHERE username = 'clerk1b'`).run();
    }
  });

  it('lets orders and members age out of a tablet’s view once a day', async () => {
    const group = `g-${ulid()}`;
    const visitor = await newMember(PRICE); // home store-1…
    await env.DB.prepare(`UPDATE members SET home_store_id = 'store-2', updated_at = ? WHERE id = ?`).bind(Date.now(), visitor).run();
    const o = sale(visitor);
    expect((await api('/api/orders', { token: clerk1, body: o })).status).toBe(200); // …served at store-1
    const first = await syncAll(clerk1, group);
    expect(first.view.has(`member/${visitor}`) && first.view.has(`order/${o.id}`)).toBe(true);
    // Time passes: the visit is 91 days old; the order is 8 days old in the group's record.
    const DAY = 86_400_000;
    await env.DB.prepare(`UPDATE member_store_visits SET last_visit_at = ? WHERE member_id = ?`).bind(Date.now() - 91 * DAY, visitor).run();
    await env.DB.prepare(`UPDATE orders SET created_at = ?, updated_at = ? WHERE id = ?`).bind(Date.now() - 8 * DAY, Date.now() - 8 * DAY, o.id).run();
    const ns = env.CLIENT_GROUP;
    await runInDurableObject(ns.get(ns.idFromName(group)), async (_i, state) => {
      state.storage.sql.exec(`UPDATE cvr SET val = json_set(val, '$.createdAt', ?) WHERE key = ?`, Date.now() - 8 * DAY, `order/${o.id}`);
      state.storage.sql.exec('UPDATE meta SET expired_at = 0');
    });
    const after = await syncAll(clerk1, group, first);
    expect(after.view.has(`member/${visitor}`)).toBe(false);
    expect(after.view.has(`order/${o.id}`)).toBe(false);
    expect(after.view.has('store/store-1')).toBe(true);
  });

  it('forgets a group idle for 90 days; its client then resets', async () => {
    const group = `g-${ulid()}`;
    const first = await syncAll(clerk1, group);
    const stub = env.CLIENT_GROUP.get(env.CLIENT_GROUP.idFromName(group));
    const at = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(at! - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await pull(clerk1, group, first.cookie)).json).toEqual({ error: 'ClientStateNotFound' });
  });

  it('tells a client built for another schema to update', async () => {
    const r = await api('/api/replicache/pull', { token: clerk1, body: { pullVersion: 1, clientGroupID: `g-${ulid()}`, cookie: null, profileID: 'p', schemaVersion: '0' } });
    expect(r.json).toEqual({ error: 'VersionNotSupported', versionType: 'schema' });
  });

  it('rejects a malformed body with 400 and no token with 401', async () => {
    expect((await api('/api/replicache/pull', { token: clerk1, body: { pullVersion: 1 } })).status).toBe(400);
    expect((await api('/api/replicache/pull', { body: { pullVersion: 1, clientGroupID: 'x', cookie: null, profileID: 'p', schemaVersion: '1' } })).status).toBe(401);
  });
});

describe('push', () => {
  it('applies each mutation once, records refusals and advances past them', async () => {
    const group = `g-${ulid()}`;
    const base = await syncAll(clerk1, group);
    const member = await newMember(PRICE);
    const a = sale(member), b = sale(member);
    const mutations = [
      { clientID: 'c1', id: 1, name: 'checkout', args: a },
      { clientID: 'c1', id: 2, name: 'checkout', args: b }, // no money left: refused
      { clientID: 'c1', id: 3, name: 'noSuchMutator', args: {} },
      { clientID: 'c1', id: 4, name: 'recharge', args: { memberId: member, opId: 'not-a-ulid' } },
    ];
    expect((await push(clerk1, group, mutations)).status).toBe(200);
    expect((await push(clerk1, group, mutations)).status).toBe(200); // the same push again: nothing twice
    const after = await syncAll(clerk1, group, { cookie: base.cookie, view: base.view });
    expect(after.lmids).toEqual({ c1: 4 });
    expect(after.view.get(`member/${member}`)).toMatchObject({ principalFen: 0 });
    expect(after.view.get(`order/${a.id}`)).toMatchObject({ status: 'completed', totalFen: PRICE });
    expect(after.view.get(`order/${b.id}`)).toMatchObject({ status: 'rejected' });
    const rejections = [...after.view.entries()].filter(([k]) => k.startsWith('rejection/c1/')).map(([, v]) => v);
    expect(rejections.map((r) => [r.mutationID, r.code])).toEqual([[2, 'INSUFFICIENT_FUNDS'], [3, 'VALIDATION_FAILED'], [4, 'VALIDATION_FAILED']]);
    expect(rejections[0].refId).toBe(b.id);
    const audit = await env.DB.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'sync.rejected' AND id LIKE 'sync:c1:%'`).first<{ n: number }>();
    expect(audit!.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses a mutation the user may not make, and tells a forgotten client to reset', async () => {
    const group = `g-${ulid()}`;
    const member = await newMember(PRICE);
    // clerk1 works at store-1: a sale rung up for store-2 is refused and recorded as rejected.
    const foreign = sale(member, 'store-2');
    expect((await push(clerk1, group, [{ clientID: 'c9', id: 1, name: 'checkout', args: foreign }])).status).toBe(200);
    // Refused and kept for this tablet, but nothing written into the other store.
    expect(await env.DB.prepare('SELECT 1 FROM orders WHERE id = ?').bind(foreign.id).first()).toBeNull();
    const view = await syncAll(clerk1, group);
    expect([...view.view.values()].find((v) => v?.refId === foreign.id)).toMatchObject({ code: 'FORBIDDEN' });
    // A sale refused before it reached the member (tenders ≠ total) is an order marked rejected in its own store.
    const short = { ...sale(member), tenders: [{ kind: 'stored_value', amountFen: PRICE - 1 }] };
    expect((await push(clerk1, group, [{ clientID: 'c9', id: 2, name: 'checkout', args: short }])).status).toBe(200);
    const row = await env.DB.prepare('SELECT status, reject_reason, store_id FROM orders WHERE id = ?').bind(short.id).first<{ status: string; reject_reason: string; store_id: string }>();
    expect(row).toMatchObject({ status: 'rejected', store_id: 'store-1' });
    expect(row!.reject_reason).toMatch(/VALIDATION_FAILED/);
    const lost = await push(clerk1, group, [{ clientID: 'c-unknown', id: 5, name: 'checkout', args: sale(member) }]);
    expect(lost.json).toEqual({ error: 'ClientStateNotFound' });
  });

  it('a passing failure answers 503 without advancing; the retry applies once; one that never passes is refused after five tries', async () => {
    const group = `g-${ulid()}`;
    const base = await syncAll(clerk1, group);
    const member = await newMember(0);
    const recharge = { memberId: member, opId: ulid(), storeId: 'store-1', amountFen: 1_000, paidWith: 'cash', reference: '' };
    const spy = vi.spyOn(serverMutators, 'recharge').mockRejectedValueOnce(new Error('D1_ERROR: storage unavailable'));
    const m = [{ clientID: 't1', id: 1, name: 'recharge', args: recharge }];
    const failed = await push(clerk1, group, m);
    expect(failed.status).toBe(503);
    expect(failed.json.error.code).toBe('UNAVAILABLE');
    expect((await syncAll(clerk1, group, base)).lmids).toEqual({});
    expect((await push(clerk1, group, m)).status).toBe(200);
    expect((await push(clerk1, group, m)).status).toBe(200);
    const after = await syncAll(clerk1, group, base);
    expect(after.lmids).toEqual({ t1: 1 });
    expect(after.view.get(`member/${member}`)).toMatchObject({ principalFen: 1_000 });

    spy.mockRejectedValue(new Error('TypeError: a bug'));
    const stuck = [{ clientID: 't1', id: 2, name: 'recharge', args: { ...recharge, opId: ulid() } }];
    for (let i = 0; i < 4; i++) expect((await push(clerk1, group, stuck)).status).toBe(503);
    expect((await push(clerk1, group, stuck)).status).toBe(200);
    spy.mockRestore();
    const last = await syncAll(clerk1, group, after);
    expect(last.lmids).toEqual({ t1: 2 });
    expect([...last.view.values()].find((v) => v?.clientID === 't1' && v.mutationID === 2)).toMatchObject({ code: 'INTERNAL' });
    expect(last.view.get(`member/${member}`)).toMatchObject({ principalFen: 1_000 });
  }, 20_000);

  it('an operation that went through but whose answer kept failing is not reported refused', async () => {
    const group = `g-${ulid()}`;
    const base = await syncAll(clerk1, group);
    const member = await newMember(0);
    const original = serverMutators.recharge;
    const spy = vi.spyOn(serverMutators, 'recharge').mockImplementation(async (c, args) => {
      await original(c, args);
      throw new Error('the answer was lost');
    });
    const m = [{ clientID: 't2', id: 1, name: 'recharge', args: { memberId: member, opId: ulid(), storeId: 'store-1', amountFen: 700, paidWith: 'cash', reference: '' } }];
    for (let i = 0; i < 4; i++) expect((await push(clerk1, group, m)).status).toBe(503);
    expect((await push(clerk1, group, m)).status).toBe(200);
    spy.mockRestore();
    const after = await syncAll(clerk1, group, base);
    expect(after.lmids).toEqual({ t2: 1 });
    expect([...after.view.keys()].some((k) => k.startsWith('rejection/t2/'))).toBe(false);
    expect(after.view.get(`member/${member}`)).toMatchObject({ principalFen: 700 });
  }, 20_000);
});
