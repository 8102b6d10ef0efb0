import { env, SELF } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let hq: string, manager1: string, manager2: string, clerk1: string, clerk2: string;
beforeAll(async () => {
  await seedChain();
  [hq, manager1, manager2, clerk1, clerk2] = await Promise.all([loginAs('admin'), loginAs('manager1'), loginAs('manager2'), loginAs('clerk1'), loginAs('clerk2')]);
});

const product = (over: Record<string, unknown> = {}) => ({
  sku: `T${ulid()}`.slice(0, 20), name: '测试面膜', kind: 'goods', categoryId: 'cat-skincare', unit: '盒', barcode: null,
  costPriceFen: 4500, listPriceFen: 12800, pointsEligible: true, punchEligible: false, status: 'active', ...over,
});
const audits = (entityId: string) => env.DB.prepare('SELECT action, actor_id, store_id, detail FROM audit_log WHERE entity_id = ? ORDER BY at, id').bind(entityId).all<{ action: string; store_id: string | null; detail: string }>().then((r) => r.results);
const create = async (over: Record<string, unknown> = {}) => {
  const r = await api('/api/catalog/products', { token: hq, body: product(over) });
  expect(r.status).toBe(200);
  return r.json as { id: string; sku: string };
};

describe('products', () => {
  it('HQ creates and edits, audited with before and after; nobody else may', async () => {
    const p = await create();
    for (const token of [manager1, clerk1]) expect((await api('/api/catalog/products', { token, body: product() })).status).toBe(403);
    const edit = product({ sku: p.sku, listPriceFen: 13800, punchEligible: true });
    for (const token of [manager1, manager2, clerk1]) expect((await api(`/api/catalog/products/${p.id}`, { method: 'PUT', token, body: edit })).status).toBe(403);
    const r = await api(`/api/catalog/products/${p.id}`, { method: 'PUT', token: hq, body: edit });
    expect(r.json).toMatchObject({ id: p.id, listPriceFen: 13800, punchEligible: true });
    const log = await audits(p.id);
    expect(log.map((a) => a.action)).toEqual(['product.create', 'product.update']);
    expect(JSON.parse(log[1]!.detail)).toMatchObject({ before: { listPriceFen: 12800, punchEligible: false }, after: { listPriceFen: 13800, punchEligible: true } });
  });

  it('refuses bad input naming the field, a taken SKU or barcode, and changes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ listPriceFen: -1 }, 400, 'listPriceFen'], [{ costPriceFen: 12.5 }, 400, 'costPriceFen'], [{ kind: 'bundle' }, 400, 'kind'],
      [{ sku: '' }, 400, 'sku'], [{ categoryId: 'cat-nope' }, 400, 'categoryId'], [{ sku: 'SKU00401' }, 409, 'sku'], [{ barcode: '6920000079190' }, 409, 'barcode'],
    ];
    const taken = await env.DB.prepare(`SELECT barcode FROM products WHERE id = 'p-401'`).first<{ barcode: string }>();
    cases[6]![0].barcode = taken!.barcode;
    const before = await env.DB.prepare('SELECT count(*) AS n FROM products').first<{ n: number }>();
    for (const [over, status, field] of cases) {
      const r = await api('/api/catalog/products', { token: hq, body: product(over) });
      expect([r.status, r.json.error.message.includes(field)], JSON.stringify(over)).toEqual([status, true]);
    }
    expect(await env.DB.prepare('SELECT count(*) AS n FROM products').first()).toEqual(before);
  });

  it('lists with search, category, status filters and pages; clerks and members get none of it', async () => {
    const p = await create({ name: '测试搜索专用', status: 'archived' });
    const found = await api(`/api/catalog/products?q=${encodeURIComponent('搜索专用')}`, { token: manager2 });
    expect(found.json.products.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await api(`/api/catalog/products?q=${encodeURIComponent('搜索专用')}&status=active`, { token: hq })).json.total).toBe(0);
    const drinks = await api('/api/catalog/products?categoryId=cat-drinks&limit=3&page=2', { token: hq });
    expect(drinks.json).toMatchObject({ page: 2, limit: 3 });
    expect(drinks.json.products).toHaveLength(3);
    expect(drinks.json.total).toBeGreaterThanOrEqual(8);
    expect((await api('/api/catalog/products?limit=999', { token: hq })).status).toBe(400);
    for (const token of [clerk1, clerk2]) expect((await api('/api/catalog/products', { token })).status).toBe(403);
    expect((await api('/api/catalog/products')).status).toBe(401);
  });
});

describe('categories', () => {
  it('HQ creates and renames, audited; a name is unique; managers read, clerks nothing', async () => {
    const name = `测试${ulid().slice(-6)}`;
    const c = await api('/api/catalog/categories', { token: hq, body: { name, nameEn: 'Test', sort: 7 } });
    expect(c.json).toMatchObject({ name, nameEn: 'Test', sort: 7 });
    expect((await api('/api/catalog/categories', { token: hq, body: { name } })).status).toBe(409);
    expect((await api('/api/catalog/categories', { token: hq, body: { name: '' } })).json.error.message).toContain('name');
    expect((await api('/api/catalog/categories', { token: manager1, body: { name: 'x' } })).status).toBe(403);
    expect((await api(`/api/catalog/categories/${c.json.id}`, { method: 'PUT', token: hq, body: { name: `${name}改`, nameEn: 'Test', sort: 8 } })).json.sort).toBe(8);
    expect((await audits(c.json.id)).map((a) => a.action)).toEqual(['category.create', 'category.update']);
    expect((await api('/api/catalog/categories', { token: manager2 })).json.categories.length).toBeGreaterThan(6);
    expect((await api('/api/catalog/categories', { token: clerk1 })).status).toBe(403);
  });
});

describe('a store’s price and availability', () => {
  it('HQ sets any store’s; a manager their own store’s only; a clerk none', async () => {
    const p = await create();
    const put = (token: string, storeId: string, body: unknown) => api(`/api/catalog/products/${p.id}/stores/${storeId}`, { method: 'PUT', token, body });
    expect((await put(manager1, 'store-2', { priceFen: 100 })).status).toBe(403);
    expect((await put(clerk1, 'store-1', { priceFen: 100 })).status).toBe(403);
    expect((await put(manager1, 'store-1', { priceFen: 11800 })).json).toMatchObject({ storeId: 'store-1', priceFen: 11800, available: true });
    expect((await put(hq, 'store-2', { available: false })).json).toMatchObject({ priceFen: null, available: false });
    expect((await put(hq, 'store-nope', { available: false })).status).toBe(404);
    expect((await put(hq, 'store-1', {})).json.error.message).toContain('priceFen');
    expect((await put(hq, 'store-1', { priceFen: -5 })).status).toBe(400);
    const all = await api(`/api/catalog/products/${p.id}/stores`, { token: hq });
    expect(all.json.stores.map((s: { storeId: string; priceFen: number | null; available: boolean }) => [s.storeId, s.priceFen, s.available]))
      .toEqual([['store-1', 11800, true], ['store-2', null, false], ['store-3', null, true]]);
    expect((await api(`/api/catalog/products/${p.id}/stores`, { token: manager2 })).json.stores).toEqual([{ storeId: 'store-2', storeName: expect.any(String), priceFen: null, available: false }]);
    expect((await put(manager1, 'store-1', { priceFen: null })).json.priceFen).toBeNull();
    const log = await audits(p.id);
    expect(log.filter((a) => a.action === 'store_product.update').map((a) => [a.store_id, JSON.parse(a.detail).before.priceFen, JSON.parse(a.detail).after.priceFen]))
      .toEqual([['store-1', null, 11800], ['store-2', null, null], ['store-1', 11800, null]]);
  });

  it('exports the catalog as CSV with a BOM (HQ and managers)', async () => {
    const r = await api('/api/catalog/export', { token: manager1 });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    // text() drops a BOM: read the bytes as Excel does.
    const raw = await SELF.fetch('http://local/api/catalog/export', { headers: { authorization: `Bearer ${hq}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((r.json as string).split('\r\n')[0]).toBe('SKU,名称,类型,分类,单位,条码,成本价,售价,积分,次卡,状态');
    expect(r.json).toContain('SKU00401,控油洗发水 500ml,商品,洗护用品,瓶');
    expect((await api('/api/catalog/export', { token: clerk1 })).status).toBe(403);
  });
});

// What a tablet holds after pulling to the end (as sync.test.ts does).
async function syncAll(token: string, group: string, from: { cookie: unknown; view: Map<string, any> } = { cookie: null, view: new Map() }) {
  let { cookie } = from;
  const view = from.view;
  for (let pages = 0; pages < 200; pages++) {
    const r = await api('/api/replicache/pull', { token, body: { pullVersion: 1, clientGroupID: group, cookie, profileID: 'p', schemaVersion: '1' } });
    expect(r.status).toBe(200);
    for (const op of r.json.patch as { op: string; key?: string; value?: unknown }[]) {
      if (op.op === 'clear') view.clear();
      else if (op.op === 'put') view.set(op.key!, op.value);
      else view.delete(op.key!);
    }
    cookie = r.json.cookie;
    if (!(view.get('sync/meta') as { more?: boolean } | undefined)?.more) return { cookie, view };
  }
  throw new Error('still more after 200 pulls');
}

describe('tablets', () => {
  it('see a store price set and cleared, and a product the store stops and resumes selling, at that store only', async () => {
    const p = await create({ listPriceFen: 5000 });
    const put = (storeId: string, body: unknown) => api(`/api/catalog/products/${p.id}/stores/${storeId}`, { method: 'PUT', token: hq, body });
    const [g1, g2] = [`g-${ulid()}`, `g-${ulid()}`];
    let s1 = await syncAll(clerk1, g1);
    let s2 = await syncAll(clerk2, g2);
    expect(s1.view.get(`product/${p.id}`)).toMatchObject({ storePriceFen: 5000 });

    expect((await put('store-1', { priceFen: 4200 })).status).toBe(200);
    s1 = await syncAll(clerk1, g1, s1);
    expect(s1.view.get(`product/${p.id}`)).toMatchObject({ storePriceFen: 4200 });

    expect((await put('store-1', { priceFen: null, available: false })).status).toBe(200);
    s1 = await syncAll(clerk1, g1, s1);
    s2 = await syncAll(clerk2, g2, s2);
    expect(s1.view.has(`product/${p.id}`)).toBe(false);
    expect(s2.view.get(`product/${p.id}`)).toMatchObject({ storePriceFen: 5000 });
    // A tablet starting afresh does not get it either.
    expect((await syncAll(clerk1, `g-${ulid()}`)).view.has(`product/${p.id}`)).toBe(false);

    expect((await put('store-1', { available: true })).status).toBe(200);
    s1 = await syncAll(clerk1, g1, s1);
    expect(s1.view.get(`product/${p.id}`)).toMatchObject({ storePriceFen: 5000 });
  });
});

describe('the catalog’s settings at the counter', () => {
  const cashSale = (storeId: string, productId: string, amountFen: number, memberId: string | null = null) =>
    ({ id: ulid(), storeId, memberId, createdAt: Date.now(), lines: [{ productId, quantity: 1 }], tenders: [{ kind: 'cash', amountFen }] });

  it('a store that stopped selling a product refuses a sale of it sent to the API, naming it; a tablet’s pushed sale is kept', async () => {
    const p = await create({ listPriceFen: 5000 });
    expect((await api(`/api/catalog/products/${p.id}/stores/store-1`, { method: 'PUT', token: hq, body: { available: false } })).status).toBe(200);
    const body = cashSale('store-1', p.id, 5000);
    const refused = await api('/api/orders', { token: clerk1, body });
    expect([refused.status, refused.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(refused.json.error.message).toContain('not sold at store store-1');
    const n = await env.DB.prepare(`SELECT count(*) n FROM orders WHERE id = ?`).bind(body.id).first<{ n: number }>();
    expect(n!.n).toBe(0);
    // The tablet sold it from the catalog it held before it synced: the sale stands.
    const offline = cashSale('store-1', p.id, 5000);
    const pushed = await api('/api/replicache/push', { token: clerk1, body: { pushVersion: 1, clientGroupID: `g-${ulid()}`, profileID: 'p', schemaVersion: '1', mutations: [{ clientID: 'c1', id: 1, name: 'checkout', args: offline, timestamp: 1 }] } });
    expect(pushed.status).toBe(200);
    expect((await env.DB.prepare(`SELECT status FROM orders WHERE id = ?`).bind(offline.id).first<{ status: string }>())!.status).toBe('completed');
    // Another store still sells it.
    expect((await api('/api/orders', { token: clerk2, body: cashSale('store-2', p.id, 5000) })).status).toBe(200);
  });

  it('a product that earns no points earns none; the rest of the sale still does', async () => {
    const none = await create({ listPriceFen: 10_000, pointsEligible: false });
    const member = (await env.DB.prepare(`SELECT id FROM members WHERE home_store_id = 'store-2' AND tier_code = 'normal' AND status = 'active' LIMIT 1`).first<{ id: string }>())!.id;
    const r = await api('/api/orders', { token: clerk2, body: { ...cashSale('store-2', none.id, 10_000, member), lines: [{ productId: none.id, quantity: 1 }, { productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: 10_000 + 8900 }] } });
    expect(r.status).toBe(200);
    // Only the ¥89 of shampoo earns: 89 yuan × the chain's points per yuan (normal tier, no campaign at store 2).
    const rate = (await env.DB.prepare(`SELECT json_extract(value, '$.pointsPerYuan') r FROM chain_rules WHERE key = 'rules'`).first<{ r: number }>())!.r;
    expect(r.json.pointsEarned).toBe(89 * rate);
  });

  it('a punch card is sold only for a product HQ lets sell as one', async () => {
    const goods = await create({ listPriceFen: 3000, punchEligible: false });
    const member = (await env.DB.prepare(`SELECT id FROM members WHERE home_store_id = 'store-1' AND status = 'active' LIMIT 1`).first<{ id: string }>())!.id;
    const sell = (productId: string) => api(`/api/members/${member}/punch-cards`, { token: clerk1, body: { opId: ulid(), storeId: 'store-1', productId, uses: 5, priceFen: 10_000, paidWith: 'cash' } });
    const refused = await sell(goods.id);
    expect([refused.status, refused.json.error.message]).toEqual([400, expect.stringContaining('not sold as punch cards')]);
    expect((await sell('p-001')).status).toBe(200);
  });
});
