import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * HQ's report rollups (decision 028). Each is kept in the same D1 batch as the orders, refunds and
 * ledger entries it counts (worker/reports/rollup-statements.ts), by INSERT … SELECT over the rows
 * that batch wrote, so the backfill and the check run the very same SELECT over all orders.
 * `day` is the chain's business day (shared/domain/business-day.ts) of the SALE: a refund nets
 * against the day, store, clerk and product of the sale it refunds. Money in fen.
 *
 * Column meanings, everywhere: `gross_fen` list/store price × quantity; `discount_fen` all discounts;
 * `net_fen` what the sales took (gross − discount), NOT net of refunds; `refund_fen` what has been
 * refunded of those sales since. A report's "net sales" is net_fen − refund_fen, its cost
 * cost_fen − refund_cost_fen. `orders` counts sales, `refunds` refund operations.
 */
export const salesLinesDaily = sqliteTable(
  'sales_lines_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    staffId: text('staff_id').notNull(),
    productId: text('product_id').notNull(),
    // The product's category when sold: a later move to another category does not rewrite history.
    categoryId: text('category_id').notNull(),
    lines: integer('lines').notNull().default(0),
    quantity: integer('quantity').notNull().default(0),
    grossFen: integer('gross_fen').notNull().default(0),
    discountFen: integer('discount_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
    // Cost of goods that came back: only a refund of the whole sale returns goods (decision 025).
    refundCostFen: integer('refund_cost_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.staffId, t.productId, t.categoryId] }), index('sales_lines_daily_store_day_idx').on(t.storeId, t.day)],
);

/**
 * sales_lines_daily without the clerk: what the product, category and margin reports read (a
 * year of it is a fifth of the rows).
 */
export const productDaily = sqliteTable(
  'product_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    categoryId: text('category_id').notNull(),
    lines: integer('lines').notNull().default(0),
    quantity: integer('quantity').notNull().default(0),
    grossFen: integer('gross_fen').notNull().default(0),
    discountFen: integer('discount_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
    refundCostFen: integer('refund_cost_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.productId, t.categoryId] }), index('product_daily_store_day_idx').on(t.storeId, t.day)],
);

/** Members' sales by the store that served them and the card's home store, per business day (cross-store visits). */
export const crossStoreDaily = sqliteTable(
  'cross_store_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    homeStoreId: text('home_store_id').notNull(),
    orders: integer('orders').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.homeStoreId] })],
);

/** Orders per store, business day, local hour and walk-in (member = 0) or member (1). */
export const salesHourly = sqliteTable(
  'sales_hourly',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    hour: integer('hour').notNull(),
    member: integer('member').notNull(),
    orders: integer('orders').notNull().default(0),
    grossFen: integer('gross_fen').notNull().default(0),
    discountFen: integer('discount_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
    refundCostFen: integer('refund_cost_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.hour, t.member] }), index('sales_hourly_store_day_idx').on(t.storeId, t.day)],
);

/** What each tender took on completed sales (refunds are netted per line, not per tender). */
export const tenderDaily = sqliteTable(
  'tender_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    tender: text('tender').notNull(),
    payments: integer('payments').notNull().default(0),
    amountFen: integer('amount_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.tender] }), index('tender_daily_store_day_idx').on(t.storeId, t.day)],
);

/** A clerk's day at a store: sales they rang up (net of their refunds), recharges and punch cards they sold. */
export const staffDaily = sqliteTable(
  'staff_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    staffId: text('staff_id').notNull(),
    orders: integer('orders').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
    recharges: integer('recharges').notNull().default(0),
    rechargeFen: integer('recharge_fen').notNull().default(0),
    punchCards: integer('punch_cards').notNull().default(0),
    punchFen: integer('punch_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.staffId] }), index('staff_daily_store_day_idx').on(t.storeId, t.day)],
);

/** A member's spending per business day and store (top members, activity, cohorts, RFM). */
export const memberDaily = sqliteTable(
  'member_daily',
  {
    memberId: text('member_id').notNull(),
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    // The member's home store when the sale was made: members of A served at B (cross-store visits).
    homeStoreId: text('home_store_id').notNull(),
    orders: integer('orders').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
    refundFen: integer('refund_fen').notNull().default(0),
  },
  // The day index covers what period queries read (who bought, how much), so they never touch the rows.
  (t) => [primaryKey({ columns: [t.memberId, t.day, t.storeId] }), index('member_daily_day_idx').on(t.day, t.storeId, t.memberId, t.orders, t.netFen, t.refundFen, t.homeStoreId)],
);

/** A member's spending over all time: the bound that lets "top members" stop early (reports-members). */
export const memberSpend = sqliteTable('member_spend', {
  memberId: text('member_id').primaryKey(),
  orders: integer('orders').notNull().default(0),
  netFen: integer('net_fen').notNull().default(0),
  refundFen: integer('refund_fen').notNull().default(0),
}, (t) => [index('member_spend_net_idx').on(t.netFen)]);

/** Sales a campaign's discount (or points multiplier) applied to, per store and business day. */
export const campaignDaily = sqliteTable(
  'campaign_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    orders: integer('orders').notNull().default(0),
    discountFen: integer('discount_fen').notNull().default(0),
    netFen: integer('net_fen').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.storeId, t.day] })],
);

/** Members a campaign reached at a store, each once (first sale it applied to). */
export const campaignMembers = sqliteTable(
  'campaign_members',
  {
    campaignId: text('campaign_id').notNull(),
    storeId: text('store_id').notNull(),
    memberId: text('member_id').notNull(),
    firstAt: integer('first_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.storeId, t.memberId] })],
);

/**
 * The members' ledgers per business day, store where the entry was made, the member's home store
 * (the card's store) and entry kind: stored value and points moved. Summed over all days it equals
 * the ledgers, which equal the balances (reports liability check).
 */
export const valueDaily = sqliteTable(
  'value_daily',
  {
    day: text('day').notNull(),
    storeId: text('store_id').notNull(),
    homeStoreId: text('home_store_id').notNull(),
    kind: text('kind').notNull(),
    entries: integer('entries').notNull().default(0),
    principalFen: integer('principal_fen').notNull().default(0),
    bonusFen: integer('bonus_fen').notNull().default(0),
    points: integer('points').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.homeStoreId, t.kind] }), index('value_daily_home_idx').on(t.homeStoreId, t.day)],
);

/** Nightly RFM scores per member (worker/jobs/member-analysis.ts): recency, frequency, monetary over 365 days. */
export const memberRfm = sqliteTable(
  'member_rfm',
  {
    memberId: text('member_id').primaryKey(),
    homeStoreId: text('home_store_id').notNull(),
    lastVisitDay: text('last_visit_day'),
    orders: integer('orders').notNull(),
    netFen: integer('net_fen').notNull(),
    r: integer('r').notNull(),
    f: integer('f').notNull(),
    m: integer('m').notNull(),
    segment: text('segment').notNull(),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [index('member_rfm_segment_idx').on(t.segment, t.homeStoreId)],
);

/** HQ's commission plans (shared/schemas/commission.ts): the plan document as JSON. */
export const commissionPlans = sqliteTable('commission_plans', {
  id: text('id').primaryKey(),
  doc: text('doc').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
});

/** Retention by month of joining, as of the nightly analysis: of the members who joined in `cohort`, how many bought in `month`. */
export const memberCohorts = sqliteTable(
  'member_cohorts',
  {
    homeStoreId: text('home_store_id').notNull(),
    cohort: text('cohort').notNull(),
    month: text('month').notNull(),
    joined: integer('joined').notNull(),
    active: integer('active').notNull(),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.homeStoreId, t.cohort, t.month] })],
);
