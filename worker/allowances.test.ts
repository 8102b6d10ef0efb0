import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from './db/client';
import { allowanceSource } from './sync/allowance-source';
import { api, loginAs, seedChain } from './test/fixtures';

// Offline allowances (issue 6, decision 015) through the API and the sync push, in workerd.
const PRICE = 8900; // p-401 in every store
let clerk1: string, clerk2: string, manager1: string, hq: string;

async function newMember(tag: string): Promise<string> {
  const id = `m-al-${tag}-${ulid()}`;
  const phone = `198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const card = `66${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  // Served at store 1 just now: first in line for its tablets' allowances.
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, tier_code, card_no, status, joined_at, last_visit_at, updated_at) VALUES (?, ?, '离线会员', 'female', 'store-1', 'normal', ?, 'active', 0, ?, 0)`).bind(id, phone, card, Date.now()),
    env.DB.prepare('INSERT INTO member_store_visits (member_id, store_id, last_visit_at) VALUES (?, ?, ?)').bind(id, 'store-1', Date.now() + 60_000),
  ]);
  return id;
}

const recharge = (memberId: string, amountFen: number) =>
  api(`/api/members/${memberId}/recharge`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', amountFen, paidWith: 'cash' } });

async function register(name: string, token = manager1, storeId = 'store-1') {
  return api('/api/devices', { token, body: { storeId, name } });
}

let mutationId = 0;
/** One mutation through the sync push, as a tablet sends it (with its device credential, if any). */
async function push(token: string, credential: string | null, name: string, args: unknown) {
  const group = `g-${ulid()}`;
  const r = await api('/api/replicache/push', {
    token, headers: credential ? { 'x-device': credential } : {},
    body: { pushVersion: 1, clientGroupID: group, profileID: 'p', schemaVersion: '1', mutations: [{ clientID: `c-${group}`, id: 1, name, args, timestamp: ++mutationId }] },
  });
  expect(r.status).toBe(200);
  const pulled = await api('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID: group, cookie: null, profileID: 'p', schemaVersion: '1' } });
  return (pulled.json.patch as { op: string; key: string; value: any }[]).find((p) => p.key?.startsWith('rejection/'))?.value as { code: string; message: string } | undefined;
}

const sale = (memberId: string, storeId: string, quantity: number, tender: Record<string, unknown> = {}) => ({
  id: ulid(), storeId, memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity }], tenders: [{ kind: 'stored_value', amountFen: PRICE * quantity, ...tender }],
});
const balances = (id: string) => env.DB.prepare('SELECT principal_fen + bonus_fen AS owned, reserved_fen AS reserved FROM members WHERE id = ?').bind(id).first<{ owned: number; reserved: number }>();
const lease = (deviceId: string, memberId: string) =>
  env.DB.prepare('SELECT * FROM device_allowances WHERE device_id = ? AND member_id = ? ORDER BY updated_at DESC LIMIT 1').bind(deviceId, memberId).first<{ lease_id: string; held_fen: number; state: string; written_off_fen: number; release_requested_at: number | null }>();
const verified = async (memberId: string) => (await api(`/api/members/${memberId}/ledger/verify`, { token: hq })).json;

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2, manager1, hq] = await Promise.all([loginAs('clerk1'), loginAs('clerk2'), loginAs('manager1'), loginAs('admin')]);
});

describe('registering a tablet', () => {
  it('is for the store’s manager or HQ; the credential is answered once and only its hash kept', async () => {
    expect((await register('前台', clerk1)).status).toBe(403);
    expect((await register('前台', manager1, 'store-2')).status).toBe(403);
    expect((await register('', manager1)).status).toBe(400);
    const r = await register('前台1号机');
    expect(r.status).toBe(201);
    const [id, secret] = (r.json.credential as string).split('.');
    const row = await env.DB.prepare('SELECT secret_hash, store_id FROM devices WHERE id = ?').bind(id).first<{ secret_hash: string; store_id: string }>();
    expect(row?.store_id).toBe('store-1');
    expect(row?.secret_hash).not.toContain(secret!);
    expect((await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'device.register' AND entity_id = ?`).bind(id).first<{ n: number }>())?.n).toBe(1);
    const current = await api('/api/devices/current', { token: clerk1, headers: { 'x-device': r.json.credential } });
    expect(current.json).toMatchObject({ id, name: '前台1号机', status: 'active' });
    expect((await api('/api/devices/current', { token: clerk1, headers: { 'x-device': `${id}.${'x'.repeat(43)}` } })).status).toBe(404);
  });
});

describe('an allowance', () => {
  let member: string, device: string, credential: string;

  beforeAll(async () => {
    member = await newMember('a');
    expect((await recharge(member, 40_000)).status).toBe(200); // ¥400, no bonus below ¥500
    const r = await register('收银台A');
    credential = r.json.credential;
    device = r.json.device.id;
  });

  it('is reserved out of the spendable balance by a renewal, and is a ledger entry; the liability does not move', async () => {
    expect(await push(clerk1, credential, 'renewAllowances', { id: ulid(), storeId: 'store-1', at: Date.now() })).toBeUndefined();
    // ¥200 cap, 30 % of ¥400 = ¥120.
    expect(await lease(device, member)).toMatchObject({ held_fen: 12_000, state: 'open' });
    expect(await balances(member)).toEqual({ owned: 40_000, reserved: 12_000 });
    const ledger = (await api(`/api/members/${member}/ledger`, { token: hq })).json.entries;
    expect(ledger[0]).toMatchObject({ kind: 'lease_grant', principalDelta: 0, bonusDelta: 0, reservedDelta: 12_000, reservedAfter: 12_000, principalAfter: 40_000 });
    expect(await verified(member)).toMatchObject({ ok: true, reservedFen: 12_000, projectionMatches: true });
    // Renewed again at once: every lease is at its target with most of its time left, so no member's object is called.
    const again = ulid();
    expect(await push(clerk1, credential, 'renewAllowances', { id: again, storeId: 'store-1', at: Date.now() })).toBeUndefined();
    expect((await env.DB.prepare(`SELECT count(*) n FROM account_ops WHERE op_id LIKE ?`).bind(`lg:${again}:%`).first<{ n: number }>())?.n).toBe(0);
    // Store 1's tablets hold it; a tablet without a registration cannot renew.
    const rows = (await allowanceSource(openDb(env.DB), 'store-1').page('', 1000)).map((r) => r.value as { memberId: string; heldFen: number });
    expect(rows.find((r) => r.memberId === member)?.heldFen).toBe(12_000);
    expect(await push(clerk1, null, 'renewAllowances', { id: ulid(), storeId: 'store-1', at: Date.now() })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('offline sale under it and another branch spending the rest online both stand; the balance never goes below zero', async () => {
    // Another branch spends all that is spendable (¥280 − 3 × ¥89 = ¥13 left).
    expect((await api('/api/orders', { token: clerk2, body: sale(member, 'store-2', 3) })).status).toBe(200);
    // The tablet's offline sale of ¥89 under its ¥120 arrives afterwards: settled against the lease.
    const offline = sale(member, 'store-1', 1, { leaseId: (await lease(device, member))!.lease_id });
    expect(await push(clerk1, credential, 'checkout', offline)).toBeUndefined();
    expect(await lease(device, member)).toMatchObject({ held_fen: 12_000 - PRICE, state: 'open' });
    expect(await balances(member)).toEqual({ owned: 40_000 - 4 * PRICE, reserved: 12_000 - PRICE });
    const order = await env.DB.prepare('SELECT status FROM orders WHERE id = ?').bind(offline.id).first<{ status: string }>();
    expect(order?.status).toBe('completed');
    expect(await verified(member)).toMatchObject({ ok: true, projectionMatches: true });
  });

  it('a sale elsewhere that needs the reserved money names where it is and asks the tablet; once it gives it back the money is spendable again', { timeout: 20_000 }, async () => {
    const wanted = sale(member, 'store-2', 1);
    const refused = await api('/api/orders', { token: clerk2, body: wanted });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('¥31.00 is reserved for offline use at');
    expect(refused.json.error.message).toContain('(收银台A)');
    expect(refused.json.error.details.holders[0]).toMatchObject({ fen: 3_100, deviceName: '收银台A' });
    const asked = await lease(device, member);
    expect(asked?.release_requested_at).toBeGreaterThan(0);
    // Through a tablet's sync the refusal keeps where the money is, for the clerk's screen.
    expect(await push(clerk2, null, 'checkout', sale(member, 'store-2', 1))).toMatchObject({ code: 'INSUFFICIENT_FUNDS', holders: [{ fen: 3_100, deviceName: '收银台A' }] });
    // The tablet acknowledges through its queue; only it can.
    expect(await push(clerk1, null, 'releaseAllowances', { id: ulid(), storeId: 'store-1', leaseIds: [asked!.lease_id] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await push(clerk1, credential, 'releaseAllowances', { id: ulid(), storeId: 'store-1', leaseIds: [asked!.lease_id] })).toBeUndefined();
    expect(await lease(device, member)).toMatchObject({ state: 'released' });
    expect(await balances(member)).toEqual({ owned: 40_000 - 4 * PRICE, reserved: 0 });
    const ledger = (await api(`/api/members/${member}/ledger`, { token: hq })).json.entries;
    expect(ledger[0]).toMatchObject({ kind: 'lease_release', reservedDelta: -3_100, reservedAfter: 0 });
    // ¥44 left: the next sale of ¥89 is short for plain reasons (nothing reserved any more).
    const again = await api('/api/orders', { token: clerk2, body: sale(member, 'store-2', 1) });
    expect(again.json.error.message).not.toContain('reserved');
  });

  it('a tablet cannot spend under another tablet’s allowance', async () => {
    const other = await newMember('b');
    await recharge(other, 40_000);
    const a = await register('收银台B');
    const b = await register('收银台C');
    expect(await push(clerk1, a.json.credential, 'renewAllowances', { id: ulid(), storeId: 'store-1', at: Date.now() })).toBeUndefined();
    const leaseId = (await lease(a.json.device.id, other))!.lease_id;
    expect(await push(clerk1, b.json.credential, 'checkout', sale(other, 'store-1', 1, { leaseId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await balances(other)).toEqual({ owned: 40_000, reserved: 12_000 });
  });
});

describe('retiring a lost tablet', () => {
  it('gives members back what it held now; what it brings in later is written off, never charged to the member', async () => {
    const member = await newMember('r');
    await recharge(member, 40_000);
    const r = await register('丢失的平板');
    const { credential, device } = r.json;
    expect(await push(clerk1, credential, 'renewAllowances', { id: ulid(), storeId: 'store-1', at: Date.now() })).toBeUndefined();
    const leaseId = (await lease(device.id, member))!.lease_id;
    expect((await api(`/api/devices/${device.id}/retire`, { token: manager1, body: { reason: '丢失' } })).status).toBe(403);
    const retired = await api(`/api/devices/${device.id}/retire`, { token: hq, body: { reason: '丢失' } });
    expect(retired.status).toBe(200);
    expect(retired.json.device).toMatchObject({ status: 'retired', outstandingFen: 0 });
    expect(retired.json.releasedFen).toBeGreaterThanOrEqual(12_000);
    expect(await balances(member)).toEqual({ owned: 40_000, reserved: 0 });

    // It comes back online with a sale it made offline before it was retired.
    expect(await push(clerk1, credential, 'checkout', sale(member, 'store-1', 1, { leaseId }))).toBeUndefined();
    expect(await balances(member)).toEqual({ owned: 40_000, reserved: 0 });
    expect(await lease(device.id, member)).toMatchObject({ state: 'retired', written_off_fen: PRICE });
    const listed = (await api('/api/devices', { token: hq })).json.devices.find((d: { id: string }) => d.id === device.id);
    expect(listed).toMatchObject({ writtenOffFen: PRICE, status: 'retired' });
    // A retired tablet gets no new allowances.
    expect(await push(clerk1, credential, 'renewAllowances', { id: ulid(), storeId: 'store-1', at: Date.now() })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await verified(member)).toMatchObject({ ok: true, projectionMatches: true });
  });
});
