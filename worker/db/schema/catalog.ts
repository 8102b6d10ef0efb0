import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { stores } from './org';

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['goods', 'service'] }).notNull(),
    categoryId: text('category_id').notNull().references(() => categories.id),
    listPriceFen: integer('list_price_fen').notNull(),
    costPriceFen: integer('cost_price_fen').notNull(),
    barcode: text('barcode').unique(),
    unit: text('unit').notNull().default('件'),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('products_category_idx').on(t.categoryId)],
);

export const storePrices = sqliteTable(
  'store_prices',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    priceFen: integer('price_fen').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] })],
);

export const inventory = sqliteTable(
  'inventory',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    quantity: integer('quantity').notNull(),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] })],
);
