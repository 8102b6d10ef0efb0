import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stores, staff } from './org';
import { members } from './members';
import { products } from './catalog';

// Order and payment ids are made by the client (ULID) and double as idempotency keys.
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    memberId: text('member_id').references(() => members.id),
    kind: text('kind', { enum: ['sale', 'refund'] }).notNull().default('sale'),
    // A refund points at the sale it reverses.
    refundOfId: text('refund_of_id'),
    status: text('status', { enum: ['pending', 'completed', 'rejected', 'refunded', 'partially_refunded'] }).notNull(),
    rejectReason: text('reject_reason'),
    subtotalFen: integer('subtotal_fen').notNull(),
    discountFen: integer('discount_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    // How much of the total has been refunded so far (a sale may be refunded in several parts).
    refundedFen: integer('refunded_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull(),
    pointsEarned: integer('points_earned').notNull().default(0),
    // The points campaign whose multiplier the sale earned under (reports' campaign effect).
    pointsCampaignId: text('points_campaign_id'),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    // When the row last changed in D1 (a refund changes its status): pulls scan by it (decision 009).
    updatedAt: integer('updated_at').notNull().default(0),
    // The request's fingerprint: the same id with another order is refused (shared/domain/idempotency.ts).
    requestHash: text('request_hash'),
  },
  (t) => [
    index('orders_store_created_idx').on(t.storeId, t.createdAt),
    index('orders_store_updated_idx').on(t.storeId, t.updatedAt),
    index('orders_member_updated_idx').on(t.memberId, t.updatedAt),
    index('orders_member_created_idx').on(t.memberId, t.createdAt),
    index('orders_staff_created_idx').on(t.staffId, t.createdAt),
    // Chain-wide periods (the report rollups' rebuild and check, HQ's drill-down across stores).
    index('orders_created_idx').on(t.createdAt),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    orderId: text('order_id').notNull().references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: text('product_id').notNull().references(() => products.id),
    // Snapshot at sale time: later catalog edits must not rewrite history.
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    discountFen: integer('discount_fen').notNull().default(0),
    totalFen: integer('total_fen').notNull(),
    unitCostFen: integer('unit_cost_fen').notNull(),
    // JSON array of the discounts' receipt words ("会员9折", "满200减30"), for a reprint.
    explanation: text('explanation').notNull().default('[]'),
    // The product's category when sold; null on lines written before it was kept (backfilled from products).
    categoryId: text('category_id'),
    // JSON array of the discounts as the engine made them: {kind, refId (campaign, coupon or tier), fen}.
    discounts: text('discounts').notNull().default('[]'),
  },
  (t) => [uniqueIndex('order_lines_pk').on(t.orderId, t.lineNo), index('order_lines_product_idx').on(t.productId)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    tender: text('tender', {
      enum: ['cash', 'bank_card', 'wechat', 'alipay', 'stored_value', 'points', 'punch_card'],
    }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    reference: text('reference').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/**
 * HQ read model: completed sales per store and business day (chain time zone), kept in the same
 * D1 batch as the order it counts, so reports never scan the orders table.
 */
export const storeDailySales = sqliteTable(
  'store_daily_sales',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    day: text('day').notNull(),
    orders: integer('orders').notNull(),
    salesFen: integer('sales_fen').notNull(),
    costFen: integer('cost_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] }), index('store_daily_sales_day_idx').on(t.day)],
);

/**
 * A till shift: opened with a cash float, closed with a cash count. The expected cash and the
 * per-tender summary are computed from the store's orders in [openedAt, closedAt) by this staff
 * member when it closes, and kept so the report never moves afterwards.
 */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    openedAt: integer('opened_at').notNull(),
    openingCashFen: integer('opening_cash_fen').notNull(),
    closedAt: integer('closed_at'),
    countedCashFen: integer('counted_cash_fen'),
    expectedCashFen: integer('expected_cash_fen'),
    // JSON: totals by tender, order count, refunds, recharges — what the close showed.
    summary: text('summary'),
    note: text('note').notNull().default(''),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('shifts_store_opened_idx').on(t.storeId, t.openedAt), index('shifts_staff_open_idx').on(t.staffId, t.closedAt)],
);

/**
 * Charges of customers' payment codes through a provider (worker/payments). The tablet's payment
 * id is the key: a repeated charge answers the recorded result and never reaches the provider.
 */
export const paymentCharges = sqliteTable(
  'payment_charges',
  {
    paymentId: text('payment_id').primaryKey(),
    orderId: text('order_id').notNull(),
    storeId: text('store_id').notNull().references(() => stores.id),
    staffId: text('staff_id').notNull().references(() => staff.id),
    kind: text('kind', { enum: ['wechat', 'alipay', 'bank_card'] }).notNull(),
    provider: text('provider').notNull(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: ['paid', 'declined'] }).notNull(),
    reference: text('reference').notNull().default(''),
    reason: text('reason'),
    at: integer('at').notNull(),
  },
  (t) => [index('payment_charges_order_idx').on(t.orderId)],
);
