import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectionDoc } from './durable/account-projection';
import { accountStub } from './services/accounts';
import { api, loginAs, memberLoginToken, seedChain } from './test/fixtures';

let clerks: string[], manager1: string, hq: string;
const PRICE = 8900; // p-401 控油洗发水, the same price in every store

async function newMember(tag: string): Promise<{ id: string; phone: string; card: string }> {
  const id = `m-${tag}-${ulid()}`;
  const phone = `199${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const card = `77${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '测试会员', 'female', 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, card).run();
  return { id, phone, card };
}

const order = (memberId: string, storeId: string, id = ulid()) => ({
  id, storeId, memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: PRICE }],
});
const recharge = (id: string, amountFen: number, token: string) =>
  api(`/api/members/${id}/recharge`, { token, body: { opId: ulid(), storeId: 'store-1', amountFen, paidWith: 'wechat' } });

beforeAll(async () => {
  await seedChain();
  clerks = await Promise.all(['clerk1', 'clerk2', 'clerk3'].map(loginAs));
  [manager1, hq] = await Promise.all([loginAs('manager1'), loginAs('admin')]);
});

describe('recharge', () => {
  it('adds principal and the chain’s bonus, once per operation id, and D1 follows', async () => {
    const m = await newMember('rc');
    const body = { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'cash' };
    const first = await api(`/api/members/${m.id}/recharge`, { token: clerks[0], body });
    expect(first.status).toBe(200);
    expect(first.json.balances).toMatchObject({ principalFen: 100_000, bonusFen: 20_000 });
    const again = await api(`/api/members/${m.id}/recharge`, { token: clerks[0], body });
    expect(again.json).toMatchObject({ replayed: true, balances: { principalFen: 100_000, bonusFen: 20_000 } });
    const row = await env.DB.prepare('SELECT principal_fen p, bonus_fen b, ledger_seq s FROM members WHERE id = ?').bind(m.id).first();
    expect(row).toEqual({ p: 100_000, b: 20_000, s: 1 });
    const v = await api(`/api/members/${m.id}/ledger/verify`, { token: hq });
    expect(v.json).toMatchObject({ ok: true, entries: 1, principalFen: 100_000, bonusFen: 20_000, projectionMatches: true });
    const bad = await api(`/api/members/${m.id}/recharge`, { token: clerks[0], body: { ...body, opId: ulid(), amountFen: -5 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('amountFen');
    const otherStore = await api(`/api/members/${m.id}/recharge`, { token: clerks[0], body: { ...body, opId: ulid(), storeId: 'store-2' } });
    expect(otherStore.status).toBe(403);
  });
});

describe('concurrent settlement', () => {
  it('50 purchases from 3 stores against money for 20: exactly 20 stand, each applied once', async () => {
    const m = await newMember('race');
    // 158,000 + 20,000 bonus = 178,000 = 20 × 8,900.
    expect((await recharge(m.id, 158_000, clerks[0]!)).json.balances).toMatchObject({ principalFen: 158_000, bonusFen: 20_000 });
    const orders = Array.from({ length: 50 }, (_, i) => order(m.id, `store-${(i % 3) + 1}`));
    const sends = orders.flatMap((o, i) => [0, 1, 2].map(() => api('/api/orders', { token: clerks[i % 3], body: o })));
    const results = await Promise.all(sends);
    const byOrder = new Map<string, number[]>();
    results.forEach((r, k) => byOrder.set(orders[Math.floor(k / 3)]!.id, [...(byOrder.get(orders[Math.floor(k / 3)]!.id) ?? []), r.status]));
    for (const statuses of byOrder.values()) expect(new Set(statuses).size).toBe(1);
    const perOrder = [...byOrder.values()].map((s) => s[0]);
    expect(perOrder.filter((s) => s === 200)).toHaveLength(20);
    expect(perOrder.filter((s) => s === 409)).toHaveLength(30);
    for (const r of results.filter((x) => x.status === 409)) expect(r.json.error.code).toBe('INSUFFICIENT_FUNDS');

    const acct = await api(`/api/members/${m.id}/account`, { token: hq });
    expect(acct.json.balances).toMatchObject({ principalFen: 0, bonusFen: 0, points: 20 * 89, lockedPoints: 20 * 89 });
    expect(acct.json.seq).toBe(21);
    const v = await api(`/api/members/${m.id}/ledger/verify`, { token: hq });
    expect(v.json).toMatchObject({ ok: true, entries: 21, principalFen: 0, bonusFen: 0, projectionMatches: true });
    const d1 = await env.DB.prepare(`SELECT status, count(*) n FROM orders WHERE member_id = ? GROUP BY status ORDER BY status`).bind(m.id).all();
    expect(d1.results).toEqual([{ status: 'completed', n: 20 }, { status: 'rejected', n: 30 }]);
    const rejected = await env.DB.prepare(`SELECT count(*) n FROM account_ops WHERE member_id = ? AND status = 'rejected' AND code = 'INSUFFICIENT_FUNDS'`).bind(m.id).first();
    expect(rejected).toEqual({ n: 30 });
    // Every order — accepted or refused — is audited exactly once, however often it was sent.
    const audited = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'order.settle' AND detail LIKE ?`).bind(`%"memberId":"${m.id}"%`).first();
    expect(audited).toEqual({ n: 50 });
  });
});

describe('sale projection', () => {
  it('records the visit and lifetime spend once, and upgrades the tier at once', async () => {
    const m = await newMember('tier');
    await env.DB.prepare('UPDATE members SET lifetime_spend_fen = ? WHERE id = ?').bind(200_000 - PRICE, m.id).run();
    await recharge(m.id, 100_000, clerks[0]!);
    const tooBig = { ...order(m.id, 'store-2'), lines: [{ productId: 'p-401', quantity: 20 }], tenders: [{ kind: 'stored_value', amountFen: 20 * PRICE }] };
    expect((await api('/api/orders', { token: clerks[1], body: tooBig })).json.error.code).toBe('INSUFFICIENT_FUNDS');
    const o = order(m.id, 'store-2');
    for (let i = 0; i < 2; i++) expect((await api('/api/orders', { token: clerks[1], body: o })).json).toMatchObject({ status: 'completed', replayed: i === 1 });
    const row = await env.DB.prepare('SELECT tier_code t, lifetime_spend_fen s, last_visit_store_id v, last_visit_at a, principal_fen p FROM members WHERE id = ?').bind(m.id).first();
    expect(row).toEqual({ t: 'silver', s: 200_000, v: 'store-2', a: o.createdAt, p: 100_000 - PRICE });
    // The next sale is priced at the new tier (silver: 2% off).
    const next = await api('/api/orders', { token: clerks[1], body: order(m.id, 'store-2') });
    expect(next.status).toBe(400);
    expect(next.json.error.details).toMatchObject({ totalFen: Math.round(PRICE * 0.98) });
    // Repeats answer as the first time, though the new tier prices them differently now.
    expect((await api('/api/orders', { token: clerks[1], body: o })).json).toMatchObject({ status: 'completed', replayed: true, totalFen: PRICE, lines: [{ productId: 'p-401', categoryId: expect.any(String) }] });
    const refusedAgain = await api('/api/orders', { token: clerks[1], body: tooBig });
    expect([refusedAgain.status, refusedAgain.json.error.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
  });
});

describe('projection repair', () => {
  it('a projection that fails midway is caught up by the alarm, exactly', async () => {
    const m = await newMember('proj');
    await recharge(m.id, 50_000, clerks[0]!);
    await env.DB.exec('ALTER TABLE account_ops RENAME TO account_ops_away');
    let broken;
    try {
      broken = await recharge(m.id, 30_000, clerks[0]!);
      await recharge(m.id, 10_000, clerks[0]!);
    } finally {
      await env.DB.exec('ALTER TABLE account_ops_away RENAME TO account_ops');
    }
    // The money moved in the member's object even though D1 could not follow yet.
    expect(broken!.status).toBe(200);
    const stale = await env.DB.prepare('SELECT principal_fen p, ledger_seq s FROM members WHERE id = ?').bind(m.id).first();
    expect(stale).toEqual({ p: 50_000, s: 1 });
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, projectionMatches: false });

    const stub = accountStub(env, m.id);
    expect(await stub.pendingProjection()).toBe(2);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.pendingProjection()).toBe(0);
    const caught = await env.DB.prepare('SELECT principal_fen p, bonus_fen b, ledger_seq s FROM members WHERE id = ?').bind(m.id).first();
    expect(caught).toEqual({ p: 90_000, b: 5_000, s: 3 });
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, entries: 3, projectionMatches: true });
    const ops = await env.DB.prepare('SELECT count(*) n FROM account_ops WHERE member_id = ?').bind(m.id).first();
    expect(ops).toEqual({ n: 3 });
  });

  it('the projector writes many members’ documents together and skips one already in D1', async () => {
    const [a, b, c] = [await newMember('grp-a'), await newMember('grp-b'), await newMember('grp-c')];
    const doc = (m: { id: string; card: string }, seq: number): ProjectionDoc => ({
      memberId: m.id, op: { opId: `adj-${m.id}-${seq}`, kind: 'points_adjust', status: 'applied', code: null, message: null, storeId: null, staffId: 'staff-admin', at: Date.now(), detail: {} },
      entries: [], balances: { principalFen: 0, bonusFen: 0, reservedFen: 0, points: seq * 10, lockedPoints: 0 }, status: 'active', cardNo: m.card, seq, order: null, refundOf: null, audit: null,
    });
    const projector = env.PROJECTOR.get(env.PROJECTOR.idFromName('DB'));
    await projector.project([doc(a, 1)]);
    // Sent together, they share D1 batches; A's first document comes again (as after a restart) and
    // is found in D1: none is lost, none doubled.
    const others = await Promise.all(Array.from({ length: 12 }, (_, i) => newMember(`grp-${i}`)));
    const out = await Promise.all([c, ...others].map((m) => projector.project([doc(m, 1)])).concat(projector.project([doc(a, 1), doc(a, 2)]), projector.project([doc(b, 1)])));
    expect(out).toEqual(Array(15).fill({ tier: 'normal' }));
    const landed = await env.DB.prepare(`SELECT count(*) n FROM account_ops WHERE op_id IN (${others.map(() => '?').join(',')})`).bind(...others.map((m) => `adj-${m.id}-1`)).first();
    expect(landed).toEqual({ n: 12 });
    const rows = await env.DB.prepare(`SELECT member_id m, count(*) n FROM account_ops WHERE member_id IN (?, ?) GROUP BY member_id ORDER BY member_id = ?`).bind(a.id, b.id, a.id).all();
    expect(rows.results).toEqual([{ m: b.id, n: 1 }, { m: a.id, n: 2 }]);
    const pts = await env.DB.prepare('SELECT points p, ledger_seq s FROM members WHERE id = ?').bind(a.id).first();
    expect(pts).toEqual({ p: 20, s: 2 });
  });

  /** A member with stored value and one settled sale; `outboxIds` reads their object's outbox. */
  const memberAfterOneSale = async (name: string) => {
    const m = await newMember(name);
    await recharge(m.id, 50_000, clerks[0]!);
    expect((await api('/api/orders', { token: clerks[0], body: order(m.id, 'store-1') })).status).toBe(200);
    const stub = accountStub(env, m.id);
    const outboxIds = () => runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ op_id: string }>('SELECT op_id FROM outbox').toArray().map((r) => r.op_id));
    return { m, stub, outboxIds };
  };

  it('a restarted object carries on from its stored state, and nothing is projected twice', async () => {
    const { m, stub, outboxIds } = await memberAfterOneSale('restart');
    // The sale's document reached D1; its row is deleted by the next operation's commit.
    const [kept] = await outboxIds();
    expect(kept).toBeDefined();
    await evictDurableObject(stub);
    // Found again at start: the projector finds it in D1 and writes nothing.
    expect(await stub.pendingProjection()).toBe(0);
    expect((await api('/api/orders', { token: clerks[1], body: order(m.id, 'store-2') })).status).toBe(200);
    expect(await stub.pendingProjection()).toBe(0);
    const left = await outboxIds();
    expect(left).toHaveLength(1);
    expect(left).not.toContain(kept);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, entries: 3, projectionMatches: true });
    const d1 = await env.DB.prepare('SELECT (SELECT count(*) FROM account_ops WHERE member_id = ?1) ops, (SELECT count(*) FROM orders WHERE member_id = ?1) orders, principal_fen p FROM members WHERE id = ?1').bind(m.id).first();
    expect(d1).toEqual({ ops: 3, orders: 2, p: 50_000 - 2 * PRICE });
  });

  it('a restarted object deletes the leftovers its caller’s member row says D1 has, in the operation’s own commit', async () => {
    const { m, stub, outboxIds: outbox } = await memberAfterOneSale('watermark');
    const [sale] = await outbox();
    await evictDurableObject(stub);
    const { s } = (await env.DB.prepare('SELECT ledger_seq s FROM members WHERE id = ?').bind(m.id).first<{ s: number }>())!;
    expect(s).toBe(2);
    const op = { opId: ulid(), kind: 'recharge' as const, storeId: 'store-1', staffId: 'staff-clerk1', at: Date.now(), amountFen: 1_000, bonusFen: 0 };
    const who = { memberId: m.id, cardNo: m.card };
    // A member row one entry behind confirms nothing yet: the sale's row stays.
    await stub.apply(who, op, { consumptionOrder: 'principal_first' }, { projectedSeq: 1 });
    expect(await outbox()).toContain(sale);
    await evictDurableObject(stub);
    // One that has both: both go with the next operation's commit, and only its own row is left.
    const next = { ...op, opId: ulid() };
    await stub.apply(who, next, { consumptionOrder: 'principal_first' }, { projectedSeq: 3 });
    expect(await outbox()).toEqual([next.opId]);
    expect(await stub.pendingProjection()).toBe(0);
    const d1 = await env.DB.prepare('SELECT (SELECT count(*) FROM account_ops WHERE member_id = ?1) ops, principal_fen p, ledger_seq s FROM members WHERE id = ?1').bind(m.id).first();
    expect(d1).toEqual({ ops: 4, p: 50_000 - PRICE + 2_000, s: 4 });
  });

  it('a restarted object sends what D1 missed at its first read, without waiting for an operation or the alarm', async () => {
    const m = await newMember('leftover');
    const r = await recharge(m.id, 50_000, clerks[0]!);
    expect(r.status).toBe(200);
    // As if the worker had died after the object's commit: D1 never got the op or its ledger entry.
    // (Taking it out of D1 here stands for that; evicting an object whose projection failed hangs
    // the test pool.)
    await env.DB.batch([env.DB.prepare('DELETE FROM ledger_entries WHERE member_id = ?').bind(m.id), env.DB.prepare('DELETE FROM account_ops WHERE member_id = ?').bind(m.id)]);
    const stub = accountStub(env, m.id);
    await evictDurableObject(stub);
    // A phone opening the account wakes the object, which finds the document and sends it.
    expect((await api(`/api/members/${m.id}/account`, { token: hq })).status).toBe(200);
    const d1 = await env.DB.prepare('SELECT (SELECT count(*) FROM account_ops WHERE member_id = ?1) ops, (SELECT count(*) FROM ledger_entries WHERE member_id = ?1) entries, principal_fen p FROM members WHERE id = ?1').bind(m.id).first();
    expect(d1).toEqual({ ops: 1, entries: 1, p: 50_000 });
    expect(await stub.pendingProjection()).toBe(0);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, entries: 1, projectionMatches: true });
  });
});

describe('object storage', () => {
  it('an object made before the current schema loads after migrating, its money intact', async () => {
    const m = await newMember('schema');
    await recharge(m.id, 50_000, clerks[0]!);
    const stub = accountStub(env, m.id);
    // As an object of schema v2 left it: no leases table, no tier column, no v3 mark.
    await runInDurableObject(stub, (_o, state) => state.storage.sql.exec('DROP TABLE leases; DROP TABLE schema_v3; ALTER TABLE account DROP COLUMN tier_code;'));
    await evictDurableObject(stub);
    expect((await recharge(m.id, 10_000, clerks[0]!)).status).toBe(200);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, entries: 2, principalFen: 60_000, projectionMatches: true });
    const tables = await runInDurableObject(stub, (_o, state) => state.storage.sql.exec<{ name: string }>(`SELECT name FROM sqlite_master WHERE name IN ('leases', 'schema_v3')`).toArray().length);
    expect(tables).toBe(2);
  });
});

describe('refunds, freezing and who may do what', () => {
  it('a manager refunds a sale (not a clerk); a refund cannot be refunded', async () => {
    const m = await newMember('ref');
    await recharge(m.id, 100_000, clerks[0]!);
    const o = order(m.id, 'store-1');
    const placed = await api('/api/orders', { token: clerks[0], body: o });
    expect(placed.json).toMatchObject({ status: 'completed' });
    const body = { opId: ulid(), storeId: 'store-1', refundOf: o.id, amountFen: PRICE };
    expect((await api(`/api/members/${m.id}/refund`, { token: clerks[0], body })).status).toBe(403);
    const preview = await api(`/api/members/${m.id}/refund-preview?refundOf=${o.id}&amountFen=${PRICE}`, { token: manager1 });
    expect(preview.json.detail).toMatchObject({ principalBackFen: PRICE, bonusBackFen: 0, earnedPointsTakenBack: 89 });
    const r = await api(`/api/members/${m.id}/refund`, { token: manager1, body });
    expect(r.status).toBe(200);
    expect(r.json.balances).toMatchObject({ principalFen: 100_000, bonusFen: 20_000, points: 0 });
    const again = await api(`/api/members/${m.id}/refund`, { token: manager1, body: { ...body, opId: ulid(), refundOf: body.opId, amountFen: 1 } });
    expect([again.status, again.json.error.code]).toEqual([409, 'REFUND_NOT_ALLOWED']);
    const status = await env.DB.prepare('SELECT status FROM orders WHERE id = ?').bind(o.id).first();
    expect(status).toEqual({ status: 'refunded' });
  });

  it('a frozen card refuses spending; only a manager unfreezes', async () => {
    const m = await newMember('frz');
    await recharge(m.id, 50_000, clerks[0]!);
    expect((await api(`/api/members/${m.id}/freeze`, { token: clerks[0], body: { opId: ulid(), reason: '顾客挂失' } })).status).toBe(200);
    const spend = await api('/api/orders', { token: clerks[0], body: order(m.id, 'store-1') });
    expect([spend.status, spend.json.error.code]).toEqual([409, 'CARD_FROZEN']);
    expect((await api(`/api/members/${m.id}/unfreeze`, { token: clerks[0], body: { opId: ulid() } })).status).toBe(403);
    expect((await api(`/api/members/${m.id}/unfreeze`, { token: manager1, body: { opId: ulid() } })).status).toBe(200);
    expect((await api('/api/orders', { token: clerks[0], body: order(m.id, 'store-1') })).status).toBe(200);
  });

  it('only the member, HQ or a store that serves them changes the card: another store’s clerk cannot freeze it (decision 002)', async () => {
    const m = await newMember('frz2'); // a store-1 member, never served at store 2
    await recharge(m.id, 50_000, clerks[0]!);
    const [clerk2, manager2] = await Promise.all([loginAs('clerk2'), loginAs('manager2')]);
    const status = async () => (await api(`/api/members/${m.id}/account`, { token: hq })).json.status;
    const post = (path: string, token: string, body: object = {}) => api(`/api/members/${m.id}/${path}`, { token, body: { opId: ulid(), ...body } });
    for (const token of [clerk2, manager2]) {
      const r = await post('freeze', token, { reason: '恶意挂失' });
      expect([r.status, r.json.error.code]).toEqual([403, 'FORBIDDEN']);
      expect((await post('replace-card', token, { newCardNo: '770000000001' })).status).toBe(403);
    }
    expect(await status()).toBe('active');
    // The member reports the loss from their phone; another member cannot.
    const own = await memberLoginToken(m.phone);
    const other = await newMember('frz3');
    expect((await api(`/api/members/${other.id}/freeze`, { token: own, body: { opId: ulid() } })).status).toBe(403);
    expect((await post('freeze', own, { reason: '手机上挂失' })).status).toBe(200);
    expect(await status()).toBe('frozen');
    expect((await post('unfreeze', own)).status).toBe(403);
    expect((await post('unfreeze', manager2)).status).toBe(403);
    expect((await post('unfreeze', manager1)).status).toBe(200);
    // Once store 2 serves the member, its staff may freeze the card too.
    expect((await api('/api/orders', { token: clerk2, body: order(m.id, 'store-2') })).status).toBe(200);
    expect((await post('freeze', clerk2)).status).toBe(200);
    const audit = await env.DB.prepare(`SELECT actor_kind k FROM audit_log WHERE entity_id = ? AND action = 'account.freeze' ORDER BY at`).bind(m.id).all();
    expect(audit.results).toEqual([{ k: 'member' }, { k: 'staff' }]);
  });

  it('any store’s staff read what a visiting member has to spend, but not their record or history', async () => {
    const m = await newMember('visit'); // a store-1 member, never served at store 2
    const clerk2 = await loginAs('clerk2');
    const account = await api(`/api/members/${m.id}/account`, { token: clerk2 });
    expect([account.status, account.json.memberId]).toEqual([200, m.id]);
    expect((await api(`/api/members/${m.id}`, { token: clerk2 })).status).toBe(403);
    expect((await api(`/api/members/${m.id}/ledger`, { token: clerk2 })).status).toBe(403);
  });

  it('only HQ adjusts points; a member reads only their own account', async () => {
    const m = await newMember('pts');
    expect((await api(`/api/members/${m.id}/points/adjust`, { token: manager1, body: { opId: ulid(), delta: 100, reason: '补录积分' } })).status).toBe(403);
    const adj = await api(`/api/members/${m.id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: 100, reason: '补录积分' } });
    expect(adj.json.balances.points).toBe(100);
    const short = await api(`/api/members/${m.id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: -101, reason: '扣减' } });
    expect(short.json.error.code).toBe('INSUFFICIENT_POINTS');
    const token = await memberLoginToken(m.phone);
    expect((await api(`/api/members/${m.id}/account`, { token })).json.balances.points).toBe(100);
    const other = await newMember('other');
    expect((await api(`/api/members/${other.id}/account`, { token })).status).toBe(403);
    expect((await api(`/api/members/${m.id}/recharge`, { token, body: { opId: ulid(), storeId: 'store-1', amountFen: 100, paidWith: 'cash' } })).status).toBe(403);
  });
});

describe('opening-balance import and rules', () => {
  it('imports staged balances once, even when run again', async () => {
    expect((await api('/api/imports/opening-balances?limit=5', { method: 'POST', token: clerks[0] })).status).toBe(403);
    const first = await api('/api/imports/opening-balances?limit=5', { method: 'POST', token: hq });
    expect(first.json.imported).toBe(5);
    const row = (await env.DB.prepare('SELECT member_id, principal_fen p, bonus_fen b, points FROM member_imports WHERE imported_at IS NOT NULL LIMIT 1').first<{ member_id: string; p: number; b: number; points: number }>())!;
    const before = await api(`/api/members/${row.member_id}/account`, { token: hq });
    expect(before.json.balances).toMatchObject({ principalFen: row.p, bonusFen: row.b, points: row.points });
    await env.DB.prepare('UPDATE member_imports SET imported_at = NULL WHERE member_id = ?').bind(row.member_id).run();
    await api('/api/imports/opening-balances?limit=100', { method: 'POST', token: hq });
    const after = await api(`/api/members/${row.member_id}/account`, { token: hq });
    expect(after.json.seq).toBe(1);
    expect(after.json.balances).toEqual(before.json.balances);
    expect((await api(`/api/members/${row.member_id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, projectionMatches: true });
  });

  it('HQ edits the rules (validated, audited); recharges then use them', async () => {
    const rules = (await api('/api/rules', { token: clerks[0] })).json;
    expect(rules.consumptionOrder).toBe('principal_first');
    expect((await api('/api/rules', { method: 'PUT', token: manager1, body: rules })).status).toBe(403);
    const bad = await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, pointsLockDays: -1 } });
    expect([bad.status, bad.json.error.message.includes('pointsLockDays')]).toEqual([400, true]);
    const next = { ...rules, rechargeRules: [{ minFen: 10_000, bonusFen: 1_000 }] };
    expect((await api('/api/rules', { method: 'PUT', token: hq, body: next })).status).toBe(200);
    const m = await newMember('rules');
    expect((await recharge(m.id, 10_000, clerks[0]!)).json.balances.bonusFen).toBe(1_000);
    await api('/api/rules', { method: 'PUT', token: hq, body: rules });
    const audit = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'rules.update'`).first<{ n: number }>();
    expect(audit!.n).toBe(2);
  });
});

describe('expiry', () => {
  it('the object’s alarm expires points when they fall due, as a ledger entry', async () => {
    const m = await newMember('exp');
    const stub = accountStub(env, m.id);
    const now = Date.now();
    const { card_no } = (await env.DB.prepare('SELECT card_no FROM members WHERE id = ?').bind(m.id).first<{ card_no: string }>())!;
    const who = { memberId: m.id, cardNo: card_no };
    await stub.apply(who, { opId: ulid(), kind: 'points_adjust', delta: 300, reason: '活动赠送', expiresAt: now + 30, storeId: null, staffId: 'staff-admin', at: now }, { consumptionOrder: 'principal_first' });
    await stub.apply(who, { opId: ulid(), kind: 'points_adjust', delta: 50, reason: '长期', expiresAt: now + 86_400_000, storeId: null, staffId: 'staff-admin', at: now }, { consumptionOrder: 'principal_first' });
    await new Promise((r) => setTimeout(r, 60));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const acct = await api(`/api/members/${m.id}/account`, { token: hq });
    expect(acct.json.balances.points).toBe(50);
    const ledger = await api(`/api/members/${m.id}/ledger`, { token: hq });
    expect(ledger.json.entries[0]).toMatchObject({ kind: 'points_expire', pointsDelta: -300, pointsAfter: 50 });
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, projectionMatches: true });
    const row = await env.DB.prepare('SELECT points FROM members WHERE id = ?').bind(m.id).first();
    expect(row).toEqual({ points: 50 });
  });
});

describe('punch cards', () => {
  it('sells a card from stored value, redeems a visit in an order, refunds it, refuses when used up', async () => {
    const m = await newMember('punch');
    await recharge(m.id, 100_000, clerks[0]!);
    const cardOp = ulid();
    const sale = await api(`/api/members/${m.id}/punch-cards`, { token: clerks[0], body: { opId: cardOp, storeId: 'store-1', productId: 'p-001', uses: 2, priceFen: 16_000, paidWith: 'stored_value' } });
    expect(sale.status).toBe(200);
    expect(sale.json.balances.principalFen).toBe(100_000 - 16_000);
    const visit = (id = ulid()) => ({ id, storeId: 'store-1', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-001', quantity: 1 }], tenders: [{ kind: 'punch_card', cardId: cardOp, productId: 'p-001', uses: 1, amountFen: 8800 }] });
    // A visit pays exactly what the service costs on the order, and only with a card for it.
    const cheap = { ...visit(), tenders: [{ kind: 'punch_card', cardId: cardOp, productId: 'p-001', uses: 1, amountFen: 100 }, { kind: 'cash', amountFen: 8700 }] };
    const wrongCheap = await api('/api/orders', { token: clerks[0], body: cheap });
    expect([wrongCheap.status, wrongCheap.json.error.details.worthFen]).toEqual([400, 8800]);
    const other = { ...visit(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'punch_card', cardId: cardOp, productId: 'p-401', uses: 1, amountFen: 8900 }] };
    const wrongCard = await api('/api/orders', { token: clerks[0], body: other });
    expect([wrongCard.status, wrongCard.json.error.code]).toEqual([409, 'PUNCH_NOT_VALID_HERE']);
    const first = visit();
    expect((await api('/api/orders', { token: clerks[0], body: first })).status).toBe(200);
    expect((await api('/api/orders', { token: clerks[0], body: visit() })).status).toBe(200);
    const third = await api('/api/orders', { token: clerks[0], body: visit() });
    expect([third.status, third.json.error.code]).toEqual([409, 'PUNCH_EXHAUSTED']);
    const back = await api(`/api/members/${m.id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', refundOf: first.id, amountFen: 8800 } });
    expect(back.status).toBe(200);
    const acct = await api(`/api/members/${m.id}/account`, { token: hq });
    expect(acct.json.punchCards).toMatchObject([{ id: cardOp, usesTotal: 2, usesLeft: 1 }]);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, projectionMatches: true });
  });
});

describe('coupons', () => {
  it('a manager gives a coupon; it pays once, comes back with a refund, and refuses use when expired', async () => {
    const m = await newMember('coupon');
    await recharge(m.id, 50_000, clerks[0]!);
    // A coupon is a discount the engine prices from its template: ¥20 off.
    const template = { id: 'tpl-sorry-20', name: '致歉券 ¥20', kind: 'cash', amountFen: 2000, active: true, validity: { kind: 'days_after_issue', days: 30 } };
    expect((await api('/api/promotions/coupon-templates/tpl-sorry-20', { method: 'PUT', token: hq, body: template })).status).toBe(200);
    const give = (opId: string, expiresAt: number, token = manager1) =>
      api(`/api/members/${m.id}/coupons`, { token, body: { opId, templateId: 'tpl-sorry-20', name: '致歉券 ¥20', expiresAt } });
    const couponId = ulid();
    expect((await give(ulid(), Date.now() + 86_400_000, clerks[0])).json.error.code).toBe('FORBIDDEN');
    expect((await give(ulid(), Date.now() - 1)).json.error.code).toBe('VALIDATION_FAILED');
    // A retry sends the same body: the same expiry, to the millisecond.
    const expiresAt = Date.now() + 86_400_000;
    expect((await give(couponId, expiresAt)).status).toBe(200);
    expect((await give(couponId, expiresAt)).json).toMatchObject({ replayed: true });
    const sale = (id = ulid(), c = couponId) => ({ ...order(m.id, 'store-1', id), coupons: [{ couponId: c, templateId: 'tpl-sorry-20' }], tenders: [{ kind: 'stored_value', amountFen: PRICE - 2000 }] });
    const first = sale();
    expect((await api('/api/orders', { token: clerks[0], body: first })).status).toBe(200);
    const again = await api('/api/orders', { token: clerks[0], body: sale() });
    expect([again.status, again.json.error.code]).toEqual([409, 'COUPON_USED']);
    expect((await api(`/api/members/${m.id}/account`, { token: hq })).json.coupons).toMatchObject([{ id: couponId, status: 'used', usedByOp: first.id }]);

    const back = await api(`/api/members/${m.id}/refund`, { token: manager1, body: { opId: ulid(), storeId: 'store-1', refundOf: first.id, amountFen: PRICE - 2000 } });
    expect(back.status).toBe(200);
    const acct = (await api(`/api/members/${m.id}/account`, { token: hq })).json;
    expect(acct.coupons).toMatchObject([{ id: couponId, status: 'issued' }]);
    expect(acct.balances.principalFen).toBe(50_000);

    const shortLived = ulid();
    expect((await give(shortLived, Date.now() + 800)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 900));
    const late = await api('/api/orders', { token: clerks[0], body: sale(ulid(), shortLived) });
    expect([late.status, late.json.error.code]).toEqual([409, 'COUPON_EXPIRED']);
    expect((await api(`/api/members/${m.id}/ledger/verify`, { token: hq })).json).toMatchObject({ ok: true, projectionMatches: true });
    const audit = await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'account.coupon_grant' AND entity_id = ?`).bind(m.id).first();
    expect(audit).toEqual({ n: 2 });
  });
});
