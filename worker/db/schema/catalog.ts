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
    // Whether a sale of it earns points, and whether punch cards may be sold for it (cards already sold stay redeemable).
    pointsEligible: integer('points_eligible', { mode: 'boolean' }).notNull().default(true),
    punchEligible: integer('punch_eligible', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('products_category_idx').on(t.categoryId), index('products_updated_idx').on(t.updatedAt)],
);

export const storePrices = sqliteTable(
  'store_prices',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    priceFen: integer('price_fen').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] }), index('store_prices_store_updated_idx').on(t.storeId, t.updatedAt)],
);

/** Products a store does not sell (absent: it sells the chain's whole active catalog). */
export const storeAvailability = sqliteTable(
  'store_availability',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    available: integer('available', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] }), index('store_availability_store_updated_idx').on(t.storeId, t.updatedAt)],
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
  (t) => [primaryKey({ columns: [t.storeId, t.productId] }), index('inventory_store_updated_idx').on(t.storeId, t.updatedAt)],
);

/**
 * Every stock movement a store records (receiving, a count, damage, transfers). The id is made by
 * the client and is the idempotency key: the row is inserted in the same D1 batch as the change to
 * `inventory`, so a repeat fails that batch and changes nothing.
 */
export const inventoryAdjustments = sqliteTable(
  'inventory_adjustments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: ['receive', 'count', 'damage', 'transfer_in', 'transfer_out', 'sale', 'refund', 'other'] }).notNull(),
    note: text('note').notNull().default(''),
    // Receiving: what one unit cost (进货价). Transfers: the transfer this movement belongs to.
    unitCostFen: integer('unit_cost_fen'),
    transferId: text('transfer_id'),
    staffId: text('staff_id').notNull(),
    createdAt: integer('created_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('inventory_adjustments_store_created_idx').on(t.storeId, t.createdAt), index('inventory_adjustments_product_idx').on(t.storeId, t.productId, t.createdAt)],
);

/** A transfer between stores (调拨): requested → shipped (out of the source) → received (into the target). */
export const stockTransfers = sqliteTable(
  'stock_transfers',
  {
    id: text('id').primaryKey(),
    fromStoreId: text('from_store_id').notNull().references(() => stores.id),
    toStoreId: text('to_store_id').notNull().references(() => stores.id),
    status: text('status', { enum: ['requested', 'shipped', 'received', 'cancelled'] }).notNull(),
    note: text('note').notNull().default(''),
    requestedBy: text('requested_by').notNull(),
    shippedBy: text('shipped_by'),
    receivedBy: text('received_by'),
    createdAt: integer('created_at').notNull(),
    shippedAt: integer('shipped_at'),
    receivedAt: integer('received_at'),
    cancelledAt: integer('cancelled_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('stock_transfers_from_idx').on(t.fromStoreId, t.createdAt), index('stock_transfers_to_idx').on(t.toStoreId, t.createdAt)],
);

export const stockTransferLines = sqliteTable(
  'stock_transfer_lines',
  {
    transferId: text('transfer_id').notNull().references(() => stockTransfers.id),
    productId: text('product_id').notNull().references(() => products.id),
    requestedQty: integer('requested_qty').notNull(),
    shippedQty: integer('shipped_qty').notNull().default(0),
    receivedQty: integer('received_qty').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.productId] })],
);
