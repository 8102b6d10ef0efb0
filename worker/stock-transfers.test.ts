import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// 调拨 (decision 025): requested → shipped (out of the source) → received (into the target), or
// cancelled; exactly once however often or however concurrently a step is sent.
const count = async (q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<{ n: number }>())!.n;
const stock = async (store: string, product: string) => (await env.DB.prepare('SELECT quantity q FROM inventory WHERE store_id = ? AND product_id = ?').bind(store, product).first<{ q: number }>())?.q ?? 0;
const ledgerSum = (store: string, product: string) => count('SELECT coalesce(sum(delta), 0) n FROM inventory_adjustments WHERE store_id = ? AND product_id = ?', store, product);

let hq: string, manager1: string, manager2: string, clerk1: string, clerk2: string;
let seq = 0;
async function product(): Promise<string> {
  const id = `p-tr-${ulid()}`;
  await env.DB.prepare(`INSERT INTO products (id, sku, name, kind, category_id, list_price_fen, cost_price_fen, unit, updated_at) VALUES (?1, ?2, ?3, 'goods', 'cat-haircare', 1000, 400, '瓶', 0)`)
    .bind(id, `TR-${Date.now()}-${++seq}`, `调拨品${seq}`).run();
  return id;
}
const receiveStock = (store: string, p: string, quantity: number) =>
  api('/api/inventory/movements', { token: hq, body: { kind: 'receive', id: ulid(), storeId: store, productId: p, quantity, unitCostFen: 400 } });
const create = (token: string, body: Record<string, unknown>) => api('/api/inventory/transfers', { token, body: { id: ulid(), fromStoreId: 'store-1', toStoreId: 'store-2', ...body } });
const step = (token: string, id: string, what: 'ship' | 'cancel') => api(`/api/inventory/transfers/${id}/${what}`, { token, body: {} });
const receive = (token: string, id: string, body: Record<string, unknown>) => api(`/api/inventory/transfers/${id}/receive`, { token, body: { receiptId: ulid(), ...body } });

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1, clerk2] = (await Promise.all(['admin', 'manager1', 'manager2', 'clerk1', 'clerk2'].map(loginAs))) as [string, string, string, string, string];
});

describe('transfers', () => {
  it('role × store: managers of either store request; only the source ships, only the target receives; clerks never; others do not see it', async () => {
    const p = await product();
    await receiveStock('store-1', p, 10);
    const lines = [{ productId: p, quantity: 4 }];
    expect((await create(clerk1, { lines })).status).toBe(403);
    expect((await create(manager2, { fromStoreId: 'store-1', toStoreId: 'store-3', lines })).status).toBe(403);
    const t = await create(manager2, { lines });
    expect(t.status, JSON.stringify(t.json)).toBe(200);
    expect(t.json).toMatchObject({ status: 'requested', replayed: false, fromStoreName: expect.any(String), lines: [{ productId: p, requestedQty: 4, shippedQty: 0 }] });
    const id = t.json.id as string;
    expect((await step(manager2, id, 'ship')).status).toBe(403);
    expect((await step(clerk1, id, 'ship')).status).toBe(403);
    const outsider = await loginAs('manager3').catch(() => null);
    if (outsider) expect((await api(`/api/inventory/transfers/${id}`, { token: outsider })).status).toBe(404);
    expect((await api(`/api/inventory/transfers/${id}`, { token: clerk2 })).status).toBe(200);
    expect((await step(manager1, id, 'ship')).json).toMatchObject({ status: 'shipped', lines: [{ shippedQty: 4, inTransitQty: 4 }] });
    expect(await stock('store-1', p)).toBe(6);
    expect((await receive(manager1, id, { lines: [{ productId: p, quantity: 4 }] })).status).toBe(403);
    expect((await receive(clerk2, id, { lines: [{ productId: p, quantity: 4 }] })).status).toBe(403);
    expect((await receive(manager2, id, { lines: [{ productId: p, quantity: 4 }] })).json).toMatchObject({ status: 'received', lines: [{ receivedQty: 4, inTransitQty: 0 }] });
    expect(await stock('store-2', p)).toBe(4);
    const listed = await api('/api/inventory/transfers?storeId=store-2', { token: clerk2 });
    expect(listed.json.transfers.some((x: { id: string }) => x.id === id)).toBe(true);
    expect((await api('/api/inventory/transfers?storeId=store-1', { token: clerk2 })).status).toBe(403);
    for (const action of ['stock_transfer.create', 'stock_transfer.ship', 'stock_transfer.receive']) {
      expect(await count(`SELECT count(*) n FROM audit_log WHERE action = ? AND entity_id = ?`, action, id), action).toBe(1);
    }
  });

  it('the same request again is a replay; the same id with other lines is refused', async () => {
    const p = await product();
    const body = { id: ulid(), lines: [{ productId: p, quantity: 1 }] };
    expect((await create(hq, body)).json).toMatchObject({ replayed: false });
    expect((await create(hq, body)).json).toMatchObject({ replayed: true });
    const other = await create(hq, { ...body, lines: [{ productId: p, quantity: 2 }] });
    expect([other.status, other.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    expect(await count('SELECT count(*) n FROM stock_transfers WHERE id = ?', body.id)).toBe(1);
  });

  it('shipped twice, sequentially and concurrently, takes the stock out once', async () => {
    const p = await product();
    await receiveStock('store-1', p, 10);
    const a = (await create(hq, { lines: [{ productId: p, quantity: 3 }] })).json.id as string;
    expect((await step(manager1, a, 'ship')).json).toMatchObject({ replayed: false });
    expect((await step(manager1, a, 'ship')).json).toMatchObject({ status: 'shipped', replayed: true });
    const b = (await create(hq, { lines: [{ productId: p, quantity: 3 }] })).json.id as string;
    const race = await Promise.all(Array.from({ length: 5 }, () => step(hq, b, 'ship')));
    expect(race.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(race.filter((r) => r.json.replayed === false)).toHaveLength(1);
    expect(await stock('store-1', p)).toBe(4);
    expect(await ledgerSum('store-1', p)).toBe(4);
  });

  it('received twice (a retried receipt, or racing receipts) moves the stock once; partial receipts add up; close writes off the rest', async () => {
    const p = await product(), q = await product();
    await receiveStock('store-1', p, 20);
    await receiveStock('store-1', q, 20);
    const id = (await create(hq, { lines: [{ productId: p, quantity: 10 }, { productId: q, quantity: 5 }] })).json.id as string;
    await step(hq, id, 'ship');
    // A partial receipt, retried: once.
    const first = { receiptId: ulid(), lines: [{ productId: p, quantity: 4 }] };
    expect((await receive(manager2, id, first)).json).toMatchObject({ status: 'shipped', replayed: false });
    expect((await receive(manager2, id, first)).json).toMatchObject({ status: 'shipped', replayed: true });
    const same = await Promise.all(Array.from({ length: 4 }, () => receive(manager2, id, first)));
    expect(same.every((r) => r.json.replayed === true)).toBe(true);
    expect(await stock('store-2', p)).toBe(4);
    // Two different receipts of all that is left, at once: one passes, the other is refused.
    const rest = () => receive(manager2, id, { lines: [{ productId: p, quantity: 6 }] });
    const race = await Promise.all([rest(), rest(), rest()]);
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 409 || r.status === 400)).toHaveLength(2);
    expect(await stock('store-2', p)).toBe(10);
    const over = await receive(manager2, id, { lines: [{ productId: q, quantity: 6 }] });
    expect([over.status, over.json.error.message]).toEqual([400, expect.stringContaining('lines.0.quantity')]);
    const notOn = await receive(manager2, id, { lines: [{ productId: 'p-401', quantity: 1 }] });
    expect([notOn.status, notOn.json.error.message]).toEqual([400, expect.stringContaining('lines.0.productId')]);
    // Three of five arrive and nothing more is coming: the transfer closes, two written off.
    const closed = await receive(manager2, id, { lines: [{ productId: q, quantity: 3 }], close: true });
    expect(closed.json).toMatchObject({ status: 'received' });
    expect(closed.json.lines.find((l: { productId: string }) => l.productId === q)).toMatchObject({ receivedQty: 3, inTransitQty: 0, writtenOffQty: 2 });
    expect(await stock('store-2', q)).toBe(3);
    const late = await receive(manager2, id, { lines: [{ productId: q, quantity: 1 }] });
    expect([late.status, late.json.error.code]).toEqual([409, 'CONFLICT']);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'stock_transfer.receive' AND entity_id = ?`, id)).toBe(3);
    for (const [s, x] of [['store-1', p], ['store-2', p], ['store-1', q], ['store-2', q]] as const) expect(await ledgerSum(s, x)).toBe(await stock(s, x));
  });

  it('cancel: a requested one just cancels; a shipped one returns what is in transit to the source; twice changes nothing', async () => {
    const p = await product();
    await receiveStock('store-1', p, 10);
    const a = (await create(manager2, { lines: [{ productId: p, quantity: 2 }] })).json.id as string;
    expect((await step(clerk2, a, 'cancel')).status).toBe(403);
    expect((await step(manager2, a, 'cancel')).json).toMatchObject({ status: 'cancelled', replayed: false });
    expect((await step(manager1, a, 'ship')).status).toBe(409);
    const b = (await create(hq, { lines: [{ productId: p, quantity: 6 }] })).json.id as string;
    await step(manager1, b, 'ship');
    await receive(manager2, b, { lines: [{ productId: p, quantity: 2 }] });
    expect(await stock('store-1', p)).toBe(4);
    expect((await step(manager2, b, 'cancel')).status).toBe(403); // the target does not cancel goods on the road
    const both = await Promise.all([step(manager1, b, 'cancel'), step(hq, b, 'cancel')]);
    expect(both.map((r) => r.json.status)).toEqual(['cancelled', 'cancelled']);
    expect(both.filter((r) => r.json.replayed === false)).toHaveLength(1);
    expect(await stock('store-1', p)).toBe(8);
    expect(await stock('store-2', p)).toBe(2);
    expect((await receive(manager2, b, { lines: [{ productId: p, quantity: 1 }] })).status).toBe(409);
    expect(await count(`SELECT count(*) n FROM inventory_adjustments WHERE transfer_id = ? AND store_id = 'store-1' AND delta = 4`, b)).toBe(1);
  });

  it('shipping more than the source holds is a 409 naming product and store (nothing moves), unless the chain allows negative stock', async () => {
    const p = await product();
    await receiveStock('store-1', p, 1);
    const id = (await create(hq, { lines: [{ productId: p, quantity: 3 }] })).json.id as string;
    const out = await step(hq, id, 'ship');
    expect([out.status, out.json.error.code]).toEqual([409, 'INSUFFICIENT_STOCK']);
    expect(out.json.error.message).toMatch(/调拨品\d+ at .*1 in stock, 3 wanted/);
    expect(await stock('store-1', p)).toBe(1);
    expect((await api(`/api/inventory/transfers/${id}`, { token: hq })).json).toMatchObject({ status: 'requested' });
    expect(await count(`SELECT count(*) n FROM audit_log WHERE id = ?`, `${id}:ship`)).toBe(0);
    const rules = (await api('/api/rules', { token: hq })).json;
    await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, inventory: { allowNegativeStock: true } } });
    try {
      expect((await step(hq, id, 'ship')).json).toMatchObject({ status: 'shipped' });
      expect(await stock('store-1', p)).toBe(-2);
    } finally {
      await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, inventory: { allowNegativeStock: false } } });
    }
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const p = await product();
    const cases: [Record<string, unknown>, string][] = [
      [{ toStoreId: 'store-1', lines: [{ productId: p, quantity: 1 }] }, 'toStoreId'],
      [{ lines: [] }, 'lines'],
      [{ lines: [{ productId: p, quantity: 0 }] }, 'lines.0.quantity'],
      [{ lines: [{ productId: p, quantity: 1 }, { productId: p, quantity: 2 }] }, 'lines'],
      [{ lines: [{ productId: 'p-nope', quantity: 1 }] }, 'lines.0.productId'],
      [{ toStoreId: 'store-nope', lines: [{ productId: p, quantity: 1 }] }, 'toStoreId'],
      [{ id: 'not-a-ulid', lines: [{ productId: p, quantity: 1 }] }, 'id'],
    ];
    for (const [body, field] of cases) {
      const r = await create(hq, body);
      expect([r.status, r.json.error?.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
      expect(r.json.error.message).toContain(field);
    }
    expect(await count(`SELECT count(*) n FROM stock_transfer_lines WHERE product_id = ?`, p)).toBe(0);
    const id = (await create(hq, { lines: [{ productId: p, quantity: 1 }] })).json.id as string;
    const empty = await api(`/api/inventory/transfers/${id}/receive`, { token: hq, body: { receiptId: ulid(), lines: [] } });
    expect([empty.status, empty.json.error.message]).toEqual([400, expect.stringContaining('lines')]);
  });
});

describe('the ledger equals the stock', () => {
  it('after receive, adjust, count, transfer, sales (walk-in and a member’s) and a refund, per store × product', async () => {
    const p = await product();
    const movement = (token: string, store: string, body: Record<string, unknown>) => api('/api/inventory/movements', { token, body: { id: ulid(), storeId: store, productId: p, ...body } });
    await movement(hq, 'store-1', { kind: 'receive', quantity: 30, unitCostFen: 380 });
    await movement(manager1, 'store-1', { kind: 'damage', quantity: 2 });
    await movement(clerk1, 'store-1', { kind: 'count', countedQuantity: 27 });
    const t = (await create(hq, { lines: [{ productId: p, quantity: 10 }] })).json.id as string;
    await step(manager1, t, 'ship');
    await receive(manager2, t, { lines: [{ productId: p, quantity: 7 }] });
    const walkIn = { id: ulid(), storeId: 'store-2', memberId: null, createdAt: Date.now(), lines: [{ productId: p, quantity: 2 }], tenders: [{ kind: 'cash', amountFen: 2000 }] };
    expect((await api('/api/orders', { token: clerk2, body: walkIn })).status).toBe(200);
    expect((await api(`/api/orders/${walkIn.id}/refund`, { token: manager2, body: { opId: ulid(), storeId: 'store-2', amountFen: 2000 } })).status).toBe(200);
    const member = `m-tr-${ulid()}`;
    await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, home_store_id, last_visit_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '调拨会员', 'female', 'store-1', 'store-1', 'normal', ?, 'active', 0, 0)`)
      .bind(member, `196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, `74${String(Date.now()).slice(-10)}`).run();
    const memberSale = { id: ulid(), storeId: 'store-1', memberId: member, createdAt: Date.now(), lines: [{ productId: p, quantity: 3 }], tenders: [{ kind: 'cash', amountFen: 3000 }] };
    const sold = await api('/api/orders', { token: clerk1, body: memberSale });
    expect(sold.json, JSON.stringify(sold.json)).toMatchObject({ status: 'completed' });
    expect((await api('/api/orders', { token: clerk1, body: memberSale })).json).toMatchObject({ replayed: true });
    await expect.poll(() => stock('store-1', p)).toBe(27 - 10 - 3);
    expect(await count(`SELECT count(*) n FROM inventory_adjustments WHERE id = ?`, `sale:${memberSale.id}:1`)).toBe(1);
    expect(await stock('store-2', p)).toBe(7);
    for (const s of ['store-1', 'store-2', 'store-3']) expect(await ledgerSum(s, p), s).toBe(await stock(s, p));
    const levels = (await api(`/api/inventory?q=${encodeURIComponent('调拨品')}`, { token: hq })).json.levels.filter((l: { productId: string }) => l.productId === p);
    expect(Object.fromEntries(levels.map((l: { storeId: string; quantity: number }) => [l.storeId, l.quantity]))).toMatchObject({ 'store-1': 14, 'store-2': 7, 'store-3': 0 });
  });
});
