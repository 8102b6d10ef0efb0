import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

// The back office's stock (decision 025): levels, movements, thresholds, ledger, warnings, and the
// counter's sales moving stock. Products of its own (no seeded stock), so ledger sums are exact.
const count = async (q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<{ n: number }>())!.n;
const stock = async (store: string, product: string) => (await env.DB.prepare('SELECT quantity q FROM inventory WHERE store_id = ? AND product_id = ?').bind(store, product).first<{ q: number }>())?.q ?? 0;
const ledgerSum = async (store: string, product: string) => count('SELECT coalesce(sum(delta), 0) n FROM inventory_adjustments WHERE store_id = ? AND product_id = ?', store, product);

let hq: string, manager1: string, manager2: string, clerk1: string, clerk2: string;
let seq = 0;
/** A goods product of this test file, priced 10.00 everywhere, never stocked. */
async function product(kind: 'goods' | 'service' = 'goods'): Promise<string> {
  const id = `p-inv-${ulid()}`;
  await env.DB.prepare(`INSERT INTO products (id, sku, name, kind, category_id, list_price_fen, cost_price_fen, unit, updated_at) VALUES (?1, ?2, ?3, ?4, 'cat-haircare', 1000, 400, '瓶', 0)`)
    .bind(id, `INV-${Date.now()}-${++seq}`, `测试商品${seq}`, kind).run();
  return id;
}
const move = (token: string, body: Record<string, unknown>) => api('/api/inventory/movements', { token, body: { id: ulid(), storeId: 'store-1', ...body } });
const setNegative = async (allow: boolean) => {
  const rules = (await api('/api/rules', { token: hq })).json;
  expect((await api('/api/rules', { method: 'PUT', token: hq, body: { ...rules, inventory: { allowNegativeStock: allow } } })).status).toBe(200);
};

beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1, clerk2] = (await Promise.all(['admin', 'manager1', 'manager2', 'clerk1', 'clerk2'].map(loginAs))) as [string, string, string, string, string];
});

describe('movements: receiving, counts, damage', () => {
  it('receives with unit cost and supplier, counts set the stock, damage takes out; each once per id, audited', async () => {
    const p = await product();
    const id = ulid();
    const recv = await move(clerk1, { id, kind: 'receive', productId: p, quantity: 12, unitCostFen: 450, supplier: '广州日化' });
    expect(recv.json).toMatchObject({ quantity: 12, delta: 12, replayed: false });
    expect((await move(clerk1, { id, kind: 'receive', productId: p, quantity: 12, unitCostFen: 450, supplier: '广州日化' })).json).toMatchObject({ quantity: 12, replayed: true });
    const other = await move(clerk1, { id, kind: 'damage', productId: p, quantity: 1 });
    expect([other.status, other.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    const row = await env.DB.prepare('SELECT unit_cost_fen c, reason, note FROM inventory_adjustments WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ c: 450, reason: 'receive' });
    expect(String(row!.note)).toContain('广州日化');
    expect((await move(manager1, { kind: 'count', productId: p, countedQuantity: 9, note: '月末盘点' })).json).toMatchObject({ quantity: 9, delta: -3 });
    expect((await move(hq, { kind: 'damage', productId: p, quantity: 2, note: '破损' })).json).toMatchObject({ quantity: 7, delta: -2 });
    expect(await stock('store-1', p)).toBe(7);
    expect(await ledgerSum('store-1', p)).toBe(7);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE entity = 'inventory' AND entity_id = ?`, `store-1/${p}`)).toBe(3);
    const audit = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'inventory.count' AND entity_id = ?`).bind(`store-1/${p}`).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ before: { quantity: 12 }, after: { quantity: 9 } });
  });

  it('refuses to go below zero with a 409 naming product and store, unless the chain allows it', async () => {
    const p = await product();
    await move(clerk1, { kind: 'receive', productId: p, quantity: 2, unitCostFen: 100 });
    const id = ulid();
    const out = await move(clerk1, { id, kind: 'damage', productId: p, quantity: 5 });
    expect([out.status, out.json.error.code]).toEqual([409, 'INSUFFICIENT_STOCK']);
    expect(out.json.error.message).toMatch(/测试商品\d+.*at .*2 in stock, 5 wanted/);
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE id = ?', id)).toBe(0);
    expect(await count('SELECT count(*) n FROM audit_log WHERE id = ?', id)).toBe(0);
    await setNegative(true);
    try {
      expect((await move(clerk1, { kind: 'damage', productId: p, quantity: 5 })).json).toMatchObject({ quantity: -3 });
      const legacy = await api('/api/inventory/adjustments', { token: clerk1, body: { id: ulid(), storeId: 'store-1', productId: p, delta: -1, reason: 'other', createdAt: Date.now() } });
      expect(legacy.json).toMatchObject({ quantity: -4 });
    } finally {
      await setNegative(false);
    }
    const legacy = await api('/api/inventory/adjustments', { token: clerk1, body: { id: ulid(), storeId: 'store-1', productId: p, delta: -1, reason: 'other', createdAt: Date.now() } });
    expect(legacy.status).toBe(400);
    expect(await ledgerSum('store-1', p)).toBe(await stock('store-1', p));
  });

  it('bad input is a 400 naming the field, and nothing changes', async () => {
    const p = await product();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'receive', productId: p, quantity: 0, unitCostFen: 1 }, 'quantity'],
      [{ kind: 'receive', productId: p, quantity: 1, unitCostFen: -1 }, 'unitCostFen'],
      [{ kind: 'count', productId: p, countedQuantity: -1 }, 'countedQuantity'],
      [{ kind: 'other', productId: p, delta: 3, note: '' }, 'note'],
      [{ kind: 'melt', productId: p, quantity: 1 }, 'kind'],
      [{ kind: 'damage', productId: 'p-nope', quantity: 1 }, 'productId'],
    ];
    for (const [body, field] of cases) {
      const r = await move(hq, body);
      expect([r.status, r.json.error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
      expect(r.json.error.message).toContain(field);
    }
    const service = await move(hq, { kind: 'receive', productId: await product('service'), quantity: 1, unitCostFen: 1 });
    expect([service.status, service.json.error.message]).toEqual([400, expect.stringContaining('service')]);
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE product_id = ?', p)).toBe(0);
  });

  it('role × store: another store’s staff are refused, HQ anywhere', async () => {
    const p = await product();
    expect((await move(clerk2, { kind: 'receive', productId: p, quantity: 1, unitCostFen: 1 })).status).toBe(403);
    expect((await move(manager2, { kind: 'count', productId: p, countedQuantity: 1 })).status).toBe(403);
    expect((await move(hq, { storeId: 'store-2', kind: 'receive', productId: p, quantity: 1, unitCostFen: 1 })).status).toBe(200);
    expect(await count('SELECT count(*) n FROM inventory_adjustments WHERE product_id = ?', p)).toBe(1);
  });
});

describe('levels, thresholds, warnings, ledger', () => {
  it('lists levels per store (staff their own, HQ any or all), searches, and filters low ones', async () => {
    const p = await product();
    await move(hq, { kind: 'receive', productId: p, quantity: 3, unitCostFen: 100 });
    const mine = await api('/api/inventory', { token: clerk1 });
    expect(mine.status).toBe(200);
    expect(new Set(mine.json.levels.map((l: { storeId: string }) => l.storeId))).toEqual(new Set(['store-1']));
    const all = await api(`/api/inventory?q=${encodeURIComponent(p.slice(-6))}`, { token: hq });
    expect(all.status).toBe(200);
    const byName = await api(`/api/inventory?storeId=store-1&q=${encodeURIComponent('测试商品')}`, { token: manager1 });
    const row = byName.json.levels.find((l: { productId: string }) => l.productId === p);
    expect(row).toMatchObject({ storeId: 'store-1', quantity: 3, lowStockThreshold: 0, low: false, unit: '瓶' });
    expect(row.lastMovementAt).toBeGreaterThan(0);
    expect((await api('/api/inventory?storeId=store-1', { token: clerk2 })).status).toBe(403);
    expect((await api('/api/inventory?lowOnly=maybe', { token: hq })).status).toBe(400);
  });

  it('thresholds: the store’s manager or HQ, audited with before/after; clerks and other stores refused; then a warning with days of cover', async () => {
    const p = await product();
    await move(hq, { kind: 'receive', productId: p, quantity: 4, unitCostFen: 100 });
    const put = (token: string, store: string, lowStockThreshold: unknown) => api(`/api/inventory/${store}/${p}/threshold`, { method: 'PUT', token, body: { lowStockThreshold } });
    expect((await put(clerk1, 'store-1', 5)).status).toBe(403);
    expect((await put(manager2, 'store-1', 5)).status).toBe(403);
    const bad = await put(manager1, 'store-1', -2);
    expect([bad.status, bad.json.error.message]).toEqual([400, expect.stringContaining('lowStockThreshold')]);
    expect((await put(manager1, 'store-1', 5)).json).toMatchObject({ quantity: 4, lowStockThreshold: 5 });
    expect((await put(hq, 'store-2', 2)).status).toBe(200);
    const audit = await env.DB.prepare(`SELECT detail FROM audit_log WHERE action = 'inventory.threshold' AND entity_id = ?`).bind(`store-1/${p}`).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ before: { lowStockThreshold: 0 }, after: { lowStockThreshold: 5 } });
    // Sold 7 in the last 14 days at store 1: half a unit a day, so 4 last 8 days.
    const order = ulid();
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO orders (id, store_id, staff_id, kind, status, subtotal_fen, discount_fen, total_fen, cost_fen, created_at, received_at) VALUES (?1, 'store-1', 'staff-clerk1', 'sale', 'completed', 7000, 0, 7000, 0, ?2, ?2)`).bind(order, Date.now() - 86_400_000),
      env.DB.prepare(`INSERT INTO order_lines (order_id, line_no, product_id, name, quantity, unit_price_fen, discount_fen, total_fen, unit_cost_fen, explanation) VALUES (?1, 1, ?2, 'x', 7, 1000, 0, 7000, 400, '[]')`).bind(order, p),
    ]);
    const w = await api('/api/inventory/warnings', { token: manager1 });
    expect(w.status).toBe(200);
    expect(w.json.warnings.find((x: { productId: string }) => x.productId === p)).toMatchObject({ storeId: 'store-1', quantity: 4, lowStockThreshold: 5, dailySales: 0.5, daysOfCover: 8 });
    expect(w.json.warnings.every((x: { storeId: string }) => x.storeId === 'store-1')).toBe(true);
    const all = await api('/api/inventory/warnings', { token: hq });
    expect(all.json.warnings.find((x: { productId: string; storeId: string }) => x.productId === p && x.storeId === 'store-2')).toMatchObject({ quantity: 0, daysOfCover: null });
    expect((await api('/api/inventory/warnings', { token: clerk1 })).status).toBe(403);
    expect((await api('/api/inventory/warnings?storeId=store-1', { token: manager2 })).status).toBe(403);
    expect((await api('/api/inventory?lowOnly=true&storeId=store-1', { token: clerk1 })).json.levels.some((l: { productId: string }) => l.productId === p)).toBe(true);
  });

  it('the ledger pages newest first and filters by product and time; another store’s refused', async () => {
    const p = await product();
    for (let i = 1; i <= 5; i++) await move(clerk1, { kind: 'receive', productId: p, quantity: i, unitCostFen: 100 });
    const first = await api(`/api/inventory/ledger?productId=${p}&limit=3`, { token: clerk1 });
    expect(first.json.rows.map((r: { delta: number }) => r.delta)).toEqual([5, 4, 3]);
    const next = await api(`/api/inventory/ledger?productId=${p}&limit=3&cursor=${encodeURIComponent(first.json.nextCursor)}`, { token: clerk1 });
    expect(next.json).toMatchObject({ nextCursor: null });
    expect(next.json.rows.map((r: { delta: number }) => r.delta)).toEqual([2, 1]);
    expect((await api(`/api/inventory/ledger?productId=${p}&from=${Date.now() + 60_000}`, { token: hq })).json.rows).toEqual([]);
    expect((await api('/api/inventory/ledger?storeId=store-1', { token: clerk2 })).status).toBe(403);
    const bad = await api('/api/inventory/ledger?cursor=nope', { token: hq });
    expect([bad.status, bad.json.error.message]).toEqual([400, expect.stringContaining('cursor')]);
  });
});

describe('sales move stock', () => {
  const sale = (p: string, quantity: number) => ({ id: ulid(), storeId: 'store-1', memberId: null, createdAt: Date.now(), lines: [{ productId: p, quantity }], tenders: [{ kind: 'cash', amountFen: quantity * 1000 }] });

  it('a walk-in sale writes sale rows once (a repeat changes nothing), even below zero; a full refund puts the goods back once', async () => {
    const p = await product();
    await move(clerk1, { kind: 'receive', productId: p, quantity: 2, unitCostFen: 400 });
    const s = sale(p, 3);
    const sold = await api('/api/orders', { token: clerk1, body: s });
    expect(sold.status, JSON.stringify(sold.json)).toBe(200);
    expect((await api('/api/orders', { token: clerk1, body: s })).json).toMatchObject({ replayed: true });
    expect(await stock('store-1', p)).toBe(-1);
    expect(await count(`SELECT count(*) n FROM inventory_adjustments WHERE id = ? AND reason = 'sale' AND delta = -3`, `sale:${s.id}:1`)).toBe(1);
    const partial = { opId: ulid(), storeId: 'store-1', amountFen: 1000, reason: '退一件' };
    expect((await api(`/api/orders/${s.id}/refund`, { token: manager1, body: partial })).status).toBe(200);
    expect(await stock('store-1', p)).toBe(-1);
    const rest = { opId: ulid(), storeId: 'store-1', amountFen: 2000, reason: '全退' };
    expect((await api(`/api/orders/${s.id}/refund`, { token: manager1, body: rest })).status).toBe(200);
    expect((await api(`/api/orders/${s.id}/refund`, { token: manager1, body: rest })).json).toMatchObject({ replayed: true });
    expect(await stock('store-1', p)).toBe(2);
    expect(await count(`SELECT count(*) n FROM inventory_adjustments WHERE product_id = ? AND reason = 'refund'`, p)).toBe(1);
    expect(await ledgerSum('store-1', p)).toBe(2);
  });
});
