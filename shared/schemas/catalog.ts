import { z } from 'zod';
import { idSchema, timestampSchema, ulidSchema } from './common';

/** The largest price or cost a product takes: ¥10,000,000 (a year of a store's takings). */
export const MAX_PRICE_FEN = 1_000_000_000;
export const priceFenSchema = z.number().int('must be whole fen').min(0, 'must not be negative').max(MAX_PRICE_FEN, 'is beyond any product’s price');

export const categorySchema = z
  .object({ id: idSchema, name: z.string(), nameEn: z.string(), sort: z.number().int() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof categorySchema>;

export const categoryInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(20),
    nameEn: z.string().trim().max(40).default(''),
    sort: z.number().int().min(0).max(9999).default(0),
  })
  .meta({ id: 'CategoryInput' });
export type CategoryInput = z.input<typeof categoryInputSchema>;
export const categoryListSchema = z.object({ categories: z.array(categorySchema) });

export const productKindSchema = z.enum(['goods', 'service']);
export const productStatusSchema = z.enum(['active', 'archived']);
export const skuSchema = z.string().trim().min(1, 'is required').max(32).regex(/^[A-Za-z0-9._-]+$/, 'may hold only letters, digits, . _ -');
export const barcodeSchema = z.string().trim().min(4).max(32).regex(/^[A-Za-z0-9-]+$/, 'may hold only letters, digits and -');

/** What HQ types for a product (the form, the API and each CSV row share it). */
export const productInputSchema = z
  .object({
    sku: skuSchema,
    name: z.string().trim().min(1, 'is required').max(60),
    kind: productKindSchema,
    categoryId: idSchema,
    unit: z.string().trim().min(1, 'is required').max(8),
    barcode: barcodeSchema.nullable(),
    costPriceFen: priceFenSchema,
    listPriceFen: priceFenSchema,
    pointsEligible: z.boolean(),
    punchEligible: z.boolean(),
    status: productStatusSchema,
  })
  .meta({ id: 'ProductInput' });
export type ProductInput = z.infer<typeof productInputSchema>;

export const productSchema = productInputSchema.extend({ id: idSchema, updatedAt: timestampSchema }).meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

export const productIdParamSchema = z.object({ id: idSchema });
export const categoryIdParamSchema = z.object({ id: idSchema });
export const productStoreParamSchema = z.object({ id: idSchema, storeId: idSchema });

export const productListQuerySchema = z.object({
  q: z.string().trim().max(60).optional(),
  categoryId: idSchema.optional(),
  status: z.enum(['active', 'archived', 'all']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ProductListQuery = z.input<typeof productListQuerySchema>;
export const productListSchema = z
  .object({ products: z.array(productSchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'ProductList' });
export type ProductList = z.infer<typeof productListSchema>;

/** One store's terms for a product: its own price (null: the list price, 跟随总部价) and whether it sells it. */
export const storeProductSchema = z
  .object({ storeId: idSchema, storeName: z.string(), priceFen: priceFenSchema.nullable(), available: z.boolean() })
  .meta({ id: 'StoreProduct' });
export type StoreProduct = z.infer<typeof storeProductSchema>;
export const productStoresSchema = z.object({ productId: idSchema, listPriceFen: priceFenSchema, stores: z.array(storeProductSchema) });
export type ProductStores = z.infer<typeof productStoresSchema>;

/** Set what is given: `priceFen: null` clears the store's price (back to the list price). */
export const storeProductInputSchema = z
  .object({ priceFen: priceFenSchema.nullable().optional(), available: z.boolean().optional() })
  .refine((b) => b.priceFen !== undefined || b.available !== undefined, { message: 'give priceFen or available', path: ['priceFen'] })
  .meta({ id: 'StoreProductInput' });
export type StoreProductInput = z.infer<typeof storeProductInputSchema>;

// ── CSV import ──
/** ~5,000 rows of ~120 bytes; the cap keeps one request inside a Worker's CPU and D1's limits. */
export const CSV_MAX_ROWS = 5000;
export const csvTextSchema = z.string().min(1, 'is empty').max(2_000_000, 'is over 2 MB; split the file');
export const importPreviewInputSchema = z.object({ csv: csvTextSchema }).meta({ id: 'CatalogImportPreviewInput' });
export const importCommitInputSchema = z.object({ importId: ulidSchema, csv: csvTextSchema }).meta({ id: 'CatalogImportCommitInput' });

export const importIssueSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;
export const importRowResultSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  issues: z.array(importIssueSchema),
  /** Fields an update changes. */
  changes: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;
export const importCountsSchema = z.object({ total: z.number().int(), create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() });
export type ImportCounts = z.infer<typeof importCountsSchema>;
export const importPreviewSchema = z.object({ rows: z.array(importRowResultSchema), counts: importCountsSchema }).meta({ id: 'CatalogImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const importCommitSchema = z
  .object({ importId: ulidSchema, counts: importCountsSchema, errors: z.array(importRowResultSchema), replayed: z.boolean() })
  .meta({ id: 'CatalogImportCommit' });
export type ImportCommit = z.infer<typeof importCommitSchema>;
