import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Member } from '../../../../shared/schemas/member';
import type { OrderInput } from '../../../../shared/schemas/order';
import type { SyncedOrder, Rejection } from '../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../shared/sync/keys';
import { api, initialSync, login, openTablet, syncFully, waitFor, type Tablet } from './harness';

const base = inject('syncBaseUrl');
const PRICE = 8900; // p-401, the same price in every store
const open: Tablet[] = [];
const tablet = async (username: string, opts: Parameters<typeof openTablet>[2] = {}) => {
  const t = openTablet(base, await login(base, username), opts);
  open.push(t);
  await initialSync(t.rep);
  await t.pokes?.opened();
  return t;
};
const sale = (storeId: string, memberId: string | null, tender: 'stored_value' | 'cash' = 'stored_value', item = { productId: 'p-401', priceFen: PRICE }): OrderInput => ({
  id: ulid(), storeId, memberId, createdAt: Date.now(), lines: [{ productId: item.productId, quantity: 1 }], note: '', coupons: [], manualDiscount: null,
  tenders: [tender === 'cash' ? { kind: 'cash', amountFen: item.priceFen, reference: '' } : { kind: 'stored_value', amountFen: item.priceFen }],
});

// Replicache reports protocol misuse (e.g. a patch with an unchanged cookie, which it ignores) on the console.
const complaints: string[] = [];
for (const level of ['error', 'warn', 'info', 'log'] as const) {
  const original = console[level].bind(console);
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/handlePullResponse|Invalid pusher|Invalid puller/.test(text)) complaints.push(text);
    original(...args);
  });
}

let a: Tablet, b: Tablet;
let x: string; // a member both stores serve

beforeAll(async () => {
  [a, b] = await Promise.all([tablet('clerk1'), tablet('clerk2')]);
  // A registers a new member at store 1 and puts exactly two sales' worth on the card.
  x = ulid();
  await a.rep.mutate.registerMember({ id: x, phone: `137${String(Date.now()).slice(-8)}`, name: '林同步', gender: 'female', birthday: null, homeStoreId: 'store-1', cardNo: null, createdAt: Date.now() });
  await a.rep.mutate.recharge({ memberId: x, opId: ulid(), storeId: 'store-1', amountFen: 2 * PRICE, paidWith: 'cash', reference: '' });
  await waitFor(a.rep, (tx) => tx.get(keys.member(x)) as Promise<Member | undefined>, (m) => m?.principalFen === 2 * PRICE && m.cardNo !== '');
  // B serves X once at store 2 (online): from then on store 2's tablets keep X too.
  await b.rep.mutate.checkout(sale('store-2', x));
  await waitFor(b.rep, (tx) => tx.get(keys.member(x)) as Promise<Member | undefined>, (m) => m?.principalFen === PRICE);
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((t) => t.close()));
  expect(complaints).toEqual([]);
});

describe('two tablets at two stores', () => {
  it('A’s recharge shows on B after the poke', async () => {
    const started = Date.now();
    await a.rep.mutate.recharge({ memberId: x, opId: ulid(), storeId: 'store-1', amountFen: PRICE, paidWith: 'wechat', reference: '' });
    await waitFor(b.rep, (tx) => tx.get(keys.member(x)) as Promise<Member | undefined>, (m) => m?.principalFen === 2 * PRICE);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('both spend the last sale’s worth at once: one is accepted, the other REJECTED where it was made, both converge', async () => {
    await a.rep.mutate.checkout(sale('store-1', x)); // leaves exactly one sale's worth
    await waitFor(b.rep, (tx) => tx.get(keys.member(x)) as Promise<Member | undefined>, (m) => m?.principalFen === PRICE);
    const fromA = sale('store-1', x), fromB = sale('store-2', x);
    await Promise.all([a.rep.mutate.checkout(fromA), b.rep.mutate.checkout(fromB)]);
    const settled = async (t: Tablet, id: string) => (await waitFor(t.rep, (tx) => tx.get(keys.order(id)) as Promise<SyncedOrder | undefined>, (o) => !!o && o.status !== 'pending'))!;
    const [oa, ob] = await Promise.all([settled(a, fromA.id), settled(b, fromB.id)]);
    expect([oa.status, ob.status].sort()).toEqual(['completed', 'rejected']);
    const [loser, loserId] = oa.status === 'rejected' ? [a, fromA.id] : [b, fromB.id];
    const rejections = (await loser.rep.query((tx) => tx.scan({ prefix: prefixes.rejection }).values().toArray())) as Rejection[];
    expect(rejections.find((r) => r.refId === loserId)).toMatchObject({ code: 'INSUFFICIENT_FUNDS', name: 'checkout' });
    for (const t of [a, b]) await waitFor(t.rep, (tx) => tx.get(keys.member(x)) as Promise<Member | undefined>, (m) => m?.principalFen === 0 && m.bonusFen === 0);
    const v = await api(base, a.token, `/api/members/${x}/ledger/verify`);
    expect(v.json).toMatchObject({ ok: true, principalFen: 0, projectionMatches: true });
  });
});

describe('offline', () => {
  it('200 checkouts queued offline survive a reload and settle exactly once on reconnect', async () => {
    const session = await login(base, 'clerk1b');
    const c = openTablet(base, session, { kvStore: 'idb' });
    await c.pokes?.opened();
    await syncFully(c.rep);
    // A cheap drink: fifty of them stay below the silver tier, so every queued price still holds.
    const drink = (await c.rep.query((tx) => tx.get(keys.product('p-501')))) as { storePriceFen: number };
    const item = { productId: 'p-501', priceFen: drink.storePriceFen };
    const funded = ulid();
    await c.rep.mutate.registerMember({ id: funded, phone: `136${String(Date.now()).slice(-8)}`, name: '离线会员', gender: 'unknown', birthday: null, homeStoreId: 'store-1', cardNo: null, createdAt: Date.now() });
    await c.rep.mutate.recharge({ memberId: funded, opId: ulid(), storeId: 'store-1', amountFen: 50 * item.priceFen, paidWith: 'cash', reference: '' });
    await waitFor(c.rep, (tx) => tx.get(keys.member(funded)) as Promise<Member | undefined>, (m) => (m?.principalFen ?? 0) >= 50 * item.priceFen && m!.cardNo !== '');
    c.online = false;
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const o = i % 4 === 0 ? sale('store-1', funded, 'stored_value', item) : sale('store-1', null, 'cash');
      ids.push(o.id);
      await c.rep.mutate.checkout(o);
    }
    expect((await c.rep.experimentalPendingMutations()).length).toBe(200);
    // Replicache writes to IndexedDB within a second of the last change; then the tablet reloads, still offline.
    await new Promise((r) => setTimeout(r, 1_500));
    await c.close();
    const again = openTablet(base, session, { kvStore: 'idb' });
    open.push(again);
    // Replicache recovers the previous instance's pending mutations and pushes them.
    await waitFor(again.rep, async (tx) => (await Promise.all(ids.map((id) => tx.get(keys.order(id))))) as (SyncedOrder | undefined)[], (os) => os.every((o) => o?.status === 'completed'), 60_000).catch(async (e) => {
      const os = (await again.rep.query(async (tx) => Promise.all(ids.map((id) => tx.get(keys.order(id)))))) as (SyncedOrder | undefined)[];
      const counts: Record<string, number> = {};
      for (const o of os) counts[o?.status ?? 'missing'] = (counts[o?.status ?? 'missing'] ?? 0) + 1;
      const rej = await again.rep.query((tx) => tx.scan({ prefix: prefixes.rejection }).values().toArray());
      throw new Error(`statuses ${JSON.stringify(counts)}; pending ${(await again.rep.experimentalPendingMutations()).length}; rejections ${JSON.stringify(rej).slice(0, 300)}`);
    });
    const m = await waitFor(again.rep, (tx) => tx.get(keys.member(funded)) as Promise<Member | undefined>, (mm) => mm?.principalFen === 0);
    expect(m!.principalFen).toBe(0); // 50 stored-value sales of 200, each once
    const v = await api(base, session.token, `/api/members/${funded}/ledger/verify`);
    expect(v.json).toMatchObject({ ok: true, entries: 51, principalFen: 0, projectionMatches: true }); // the recharge and 50 sales
  }, 120_000);
});

describe('an offline allowance (decision 015)', () => {
  it('the tablet sells offline under it while another branch spends the rest online: both stand after reconnect, balance ≥ 0', async () => {
    const manager = await login(base, 'manager1');
    const reg = await api(base, manager.token, '/api/devices', { storeId: 'store-1', name: '同步测试机' });
    expect(reg.status).toBe(201);
    const device = { id: reg.json.device.id, storeId: 'store-1', name: '同步测试机', credential: reg.json.credential };
    const c = openTablet(base, await login(base, 'clerk1'), { device });
    open.push(c);
    await initialSync(c.rep);
    await c.pokes?.opened();
    // A member who just joined at store 1 with ¥200 on the card: the tablet may hold 30 %, ¥60.
    const y = ulid();
    await c.rep.mutate.registerMember({ id: y, phone: `135${String(Date.now()).slice(-8)}`, name: '额度会员', gender: 'female', birthday: null, homeStoreId: 'store-1', cardNo: null, createdAt: Date.now() });
    await c.rep.mutate.recharge({ memberId: y, opId: ulid(), storeId: 'store-1', amountFen: 20_000, paidWith: 'cash', reference: '' });
    await c.rep.mutate.renewAllowances({ id: ulid(), storeId: 'store-1', at: Date.now() });
    const held = await waitFor(c.rep, (tx) => tx.get(keys.allowance(device.id, y)) as Promise<{ leaseId: string; heldFen: number } | undefined>, (r) => r?.heldFen === 6_000, 30_000);

    c.online = false;
    const offline = (svFen: number): OrderInput => ({
      ...sale('store-1', y), tenders: [{ kind: 'stored_value', amountFen: svFen, leaseId: held!.leaseId }, ...(svFen < PRICE ? [{ kind: 'cash' as const, amountFen: PRICE - svFen, reference: '' }] : [])],
    });
    // More than the allowance is refused by the mutator on the tablet, with the reason; nothing is queued.
    const tooMuch = offline(PRICE);
    await expect(c.rep.mutate.checkout(tooMuch)).rejects.toMatchObject({ code: 'OFFLINE_ALLOWANCE' });
    expect(await c.rep.query((tx) => tx.get(keys.order(tooMuch.id)))).toBeUndefined();
    const within = offline(6_000);
    await c.rep.mutate.checkout(within);

    // At the same time another branch spends all the rest online: ¥140 of a ¥178 sale.
    const elsewhere = await api(base, b.token, '/api/orders', {
      id: ulid(), storeId: 'store-2', memberId: y, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 2 }], note: '', coupons: [], manualDiscount: null,
      tenders: [{ kind: 'stored_value', amountFen: 14_000 }, { kind: 'cash', amountFen: 2 * PRICE - 14_000, reference: '' }],
    });
    expect(elsewhere.json).toMatchObject({ status: 'completed' });

    c.online = true;
    void c.rep.push({ now: true }).catch(() => {});
    const done = await waitFor(c.rep, (tx) => tx.get(keys.order(within.id)) as Promise<SyncedOrder | undefined>, (o) => o?.status !== undefined && o.status !== 'pending', 30_000);
    expect(done!.status).toBe('completed');
    const m = await waitFor(c.rep, (tx) => tx.get(keys.member(y)) as Promise<Member | undefined>, (mm) => mm?.principalFen === 0);
    expect(m).toMatchObject({ principalFen: 0, bonusFen: 0, reservedFen: 0 });
    const v = await api(base, c.token, `/api/members/${y}/ledger/verify`);
    expect(v.json).toMatchObject({ ok: true, principalFen: 0, reservedFen: 0, projectionMatches: true });
  }, 90_000);
});

describe('recovery', () => {
  it('the same push sent twice changes nothing the second time', async () => {
    const body = { pushVersion: 1, clientGroupID: `raw-${ulid()}`, profileID: 'p', schemaVersion: '1', mutations: [{ clientID: 'raw', id: 1, name: 'recharge', args: { memberId: x, opId: ulid(), storeId: 'store-1', amountFen: 100, paidWith: 'cash', reference: '' }, timestamp: 1 }] };
    const send = () => fetch(`${base}/api/replicache/push`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const acct = await api(base, a.token, `/api/members/${x}/account`);
    expect(acct.json.balances.principalFen).toBe(100);
  });

  it('a client the server has forgotten resets and syncs again', async () => {
    let reset = false;
    const session = await login(base, 'clerk3');
    const d = openTablet(base, session, { onReset: () => (reset = true), pokes: false });
    open.push(d);
    await syncFully(d.rep);
    const group = await d.rep.clientGroupID;
    await fetch(`${base}/api/dev/client-groups/${group}/forget`, { method: 'POST' });
    await d.rep.pull({ now: true }).catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    expect(reset).toBe(true);
    // What the app does on reset (a reload): a new instance, which starts a new client group.
    const fresh = openTablet(base, session, { pokes: false });
    open.push(fresh);
    await syncFully(fresh.rep);
    expect(await fresh.rep.clientGroupID).not.toBe(group);
    expect(await fresh.rep.query((tx) => tx.get(keys.store('store-3')))).toMatchObject({ id: 'store-3' });
  });
});

