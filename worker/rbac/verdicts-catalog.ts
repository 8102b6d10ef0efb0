import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { V } from './roles';
import type { RouteKey, RouteRow } from './sample';

/**
 * 商品与价格 (decision 024): HQ edits the catalog and every store's terms; a store manager reads it
 * and sets their own store's price and availability; clerks and members get none of it. Writes
 * go to a product or category of their own, so the seeded catalog other rows price with stays put.
 */
async function freshProduct(): Promise<string> {
  const id = `p-rbac-${ulid().toLowerCase()}`;
  await env.DB.prepare(`INSERT INTO products (id, sku, name, kind, category_id, list_price_fen, cost_price_fen, unit, status, updated_at) VALUES (?, ?, '矩阵商品', 'goods', 'cat-drinks', 1000, 300, '件', 'active', ?)`)
    .bind(id, `RB${ulid()}`.slice(0, 30), Date.now()).run();
  return id;
}
async function freshCategory(): Promise<string> {
  const id = `cat-rbac-${ulid().toLowerCase()}`;
  await env.DB.prepare(`INSERT INTO categories (id, name, name_en, sort, updated_at) VALUES (?, ?, '', 99, ?)`).bind(id, `矩阵${ulid().slice(-12)}`, Date.now()).run();
  return id;
}
const product = () => ({ sku: `RB${ulid()}`.slice(0, 30), name: '矩阵商品', kind: 'goods', categoryId: 'cat-drinks', unit: '件', barcode: null, costPriceFen: 300, listPriceFen: 1000, pointsEligible: true, punchEligible: false, status: 'active' });
const csv = () => `SKU,名称,类型,分类,成本价,售价\nRB${ulid()},矩阵导入,商品,cat-drinks,3,10\n`;

export const catalogVerdicts: Record<RouteKey, RouteRow> = {
  'GET /api/catalog/categories': { verdicts: V.MANAGERS, sample: () => ({}) },
  'POST /api/catalog/categories': { verdicts: V.HQ, sample: () => ({ body: { name: `矩阵${ulid().slice(-12)}`, nameEn: 'RBAC', sort: 99 } }) },
  'PUT /api/catalog/categories/:id': { verdicts: V.HQ, sample: async () => ({ params: { id: await freshCategory() }, body: { name: `矩阵${ulid().slice(-12)}`, nameEn: 'RBAC', sort: 98 } }) },
  'GET /api/catalog/products': { verdicts: V.MANAGERS, sample: () => ({ query: { q: 'SKU004', limit: '5' } }) },
  'POST /api/catalog/products': { verdicts: V.HQ, sample: () => ({ body: product() }) },
  'PUT /api/catalog/products/:id': { verdicts: V.HQ, sample: async () => ({ params: { id: await freshProduct() }, body: product() }) },
  'GET /api/catalog/products/:id/stores': { verdicts: V.MANAGERS, note: 'a manager gets their own store’s row only', sample: () => ({ params: { id: 'p-401' } }) },
  'PUT /api/catalog/products/:id/stores/:storeId': {
    verdicts: V.STORE1_MANAGER, note: 'store 1’s price: its manager or HQ; another store’s manager is refused',
    sample: async () => ({ params: { id: await freshProduct(), storeId: 'store-1' }, body: { priceFen: 1200, available: false } }),
  },
  'POST /api/catalog/import/preview': { verdicts: V.HQ, sample: () => ({ body: { csv: csv() } }) },
  'POST /api/catalog/import/commit': { verdicts: V.HQ, sample: () => ({ body: { importId: ulid(), csv: csv() } }) },
  'GET /api/catalog/export': { verdicts: V.MANAGERS, note: 'it carries cost prices, as the managers’ tablets do', sample: () => ({}) },
};
