import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { members } from './members';
import { stores } from './org';

/**
 * 积分兑换: what HQ offers for points. A coupon reward grants the template's coupon into the
 * member's wallet; a product or service reward is handed over at a store against a pickup code.
 * `stock` null: unlimited; `redeemed` counts the redemptions holding stock (pending, issued, collected).
 */
export const rewards = sqliteTable('rewards', {
  id: text('id').primaryKey(),
  // JSON of shared/schemas/rewards.ts rewardSchema (name, kind, cost, template/product, limits, window).
  doc: text('doc').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  stock: integer('stock'),
  redeemed: integer('redeemed').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One per redemption, keyed by the member app's id (the idempotency key, and the op id of the
 * points taken in the member's object). `pending`: stock held, points not yet confirmed taken;
 * `refused`: the object refused (stock given back); `issued`: points taken, coupon or pickup code
 * given; `collected`: a store handed the goods over.
 */
export const rewardRedemptions = sqliteTable(
  'reward_redemptions',
  {
    id: text('id').primaryKey(),
    rewardId: text('reward_id').notNull().references(() => rewards.id),
    memberId: text('member_id').notNull().references(() => members.id),
    points: integer('points').notNull(),
    status: text('status', { enum: ['pending', 'refused', 'issued', 'collected'] }).notNull(),
    // JSON: what the member's object is asked to do (points, coupon with its expiry), fixed at the
    // first try so a retry asks for exactly the same.
    grant: text('grant').notNull(),
    couponId: text('coupon_id'),
    pickupCode: text('pickup_code'),
    code: text('code'),
    message: text('message'),
    collectedStoreId: text('collected_store_id').references(() => stores.id),
    collectedBy: text('collected_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('reward_redemptions_member_idx').on(t.memberId, t.createdAt),
    index('reward_redemptions_reward_idx').on(t.rewardId, t.memberId),
    index('reward_redemptions_status_idx').on(t.status, t.updatedAt),
  ],
);

/** A member's rating of a visit (an order), once per order; HQ and the store's manager read them. */
export const visitRatings = sqliteTable(
  'visit_ratings',
  {
    orderId: text('order_id').primaryKey(),
    memberId: text('member_id').notNull().references(() => members.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    staffId: text('staff_id'),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('visit_ratings_store_idx').on(t.storeId, t.createdAt), index('visit_ratings_member_idx').on(t.memberId, t.createdAt)],
);

/** 兴趣爱好 and staff tags: a member sets their interests in the app; staff may add tags. */
export const memberTags = sqliteTable(
  'member_tags',
  {
    memberId: text('member_id').notNull().references(() => members.id),
    tag: text('tag').notNull(),
    source: text('source', { enum: ['member', 'staff'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.tag] }), index('member_tags_tag_idx').on(t.tag)],
);

/**
 * Warnings for a store's manager and HQ (low stock today; later others), one row per kind, store
 * and day (`<kind>:<day>:<storeId>`), so a job run twice writes it once.
 */
export const staffAlerts = sqliteTable(
  'staff_alerts',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [index('staff_alerts_store_idx').on(t.storeId, t.createdAt)],
);
