import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  categoryIdParamSchema, categoryInputSchema, categoryListSchema, categorySchema, importCommitInputSchema, importCommitSchema, importPreviewInputSchema,
  importPreviewSchema, productIdParamSchema, productInputSchema, productListQuerySchema, productListSchema, productSchema, productStoreParamSchema,
  productStoresSchema, storeProductInputSchema, storeProductSchema,
} from '../../shared/schemas/catalog';
import { clientAddress } from '../auth/middleware';
import { openDb } from '../db/client';
import type { AppEnv } from '../env';
import { bearer, errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import { createCategory, listCategories, updateCategory } from '../services/catalog-categories';
import { commitImport, exportCsv, previewImport } from '../services/catalog-import';
import { createProduct, listProducts, updateProduct } from '../services/catalog-products';
import { getProductStores, setStoreProduct } from '../services/catalog-stores';

const doc = (summary: string, schema: Parameters<typeof ok>[0], ...codes: Parameters<typeof errors>) =>
  describeRoute({ tags: ['catalog'], summary, security: bearer, responses: { ...ok(schema), ...errors(...codes) } });
const csvDoc = { 200: { description: 'CSV, UTF-8 with a BOM', content: { 'text/csv': { schema: { type: 'string' as const } } } } };
const meta = (c: { req: { header(n: string): string | undefined } }) => ({ ip: clientAddress(c.req), now: Date.now() });

/** 商品与价格 (decision 024): HQ edits the catalog; a store manager sets their own store's price and availability. */
export const catalog = new Hono<AppEnv>()
  .get('/categories', doc('Categories (HQ and managers)', categoryListSchema, 401, 403), async (c) =>
    c.json({ categories: await listCategories(openDb(c.env.DB), c.get('actor')) }))
  .post('/categories', doc('Create a category (HQ; audited)', categorySchema, 400, 401, 403, 409), validate('json', categoryInputSchema), async (c) =>
    c.json(await createCategory(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), meta(c))))
  .put('/categories/:id', doc('Edit a category (HQ; audited)', categorySchema, 400, 401, 403, 404, 409), validate('param', categoryIdParamSchema), validate('json', categoryInputSchema), async (c) =>
    c.json(await updateCategory(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), meta(c))))
  .get('/products', doc('Products, filtered and paged (HQ and managers)', productListSchema, 400, 401, 403), validate('query', productListQuerySchema), async (c) =>
    c.json(await listProducts(openDb(c.env.DB), c.get('actor'), c.req.valid('query'))))
  .post('/products', doc('Create a product (HQ; audited); SKU and barcode are unique', productSchema, 400, 401, 403, 409), validate('json', productInputSchema), async (c) =>
    c.json(await createProduct(openDb(c.env.DB), c.get('actor'), c.req.valid('json'), meta(c))))
  .put('/products/:id', doc('Edit a product (HQ; audited with before and after)', productSchema, 400, 401, 403, 404, 409), validate('param', productIdParamSchema), validate('json', productInputSchema), async (c) =>
    c.json(await updateProduct(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), meta(c))))
  .get('/products/:id/stores', doc('Each store’s price and availability of a product (HQ every store, a manager their own)', productStoresSchema, 400, 401, 403, 404), validate('param', productIdParamSchema), async (c) =>
    c.json(await getProductStores(openDb(c.env.DB), c.get('actor'), c.req.valid('param').id)))
  .put('/products/:id/stores/:storeId', doc('Set or clear a store’s price (priceFen null: the list price) and its availability (HQ; a manager their own store; audited)', storeProductSchema, 400, 401, 403, 404),
    validate('param', productStoreParamSchema), validate('json', storeProductInputSchema), async (c) => {
      const { id, storeId } = c.req.valid('param');
      return c.json(await setStoreProduct(openDb(c.env.DB), c.get('actor'), id, storeId, c.req.valid('json'), meta(c)));
    })
  .post('/import/preview', doc('What a CSV of products would do, row by row; writes nothing (HQ)', importPreviewSchema, 400, 401, 403), validate('json', importPreviewInputSchema), async (c) =>
    c.json(await previewImport(openDb(c.env.DB), c.get('actor'), c.req.valid('json').csv)))
  .post('/import/commit', doc('Write a CSV’s valid rows, by SKU (HQ; audited); a repeated importId answers the first result', importCommitSchema, 400, 401, 403, 409), validate('json', importCommitInputSchema), async (c) => {
    const { importId, csv } = c.req.valid('json');
    return c.json(await commitImport(openDb(c.env.DB), c.env.DB, c.get('actor'), importId, csv, meta(c)));
  })
  .get('/export', describeRoute({ tags: ['catalog'], summary: 'The catalog as CSV in the import’s columns, UTF-8 with a BOM (HQ and managers)', security: bearer, responses: { ...csvDoc, ...errors(401, 403) } }), async (c) => {
    const csv = await exportCsv(openDb(c.env.DB), c.get('actor'));
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="catalog-${day}.csv"` });
  });
