import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { stores } from './org';

export const tiers = sqliteTable('tiers', {
  code: text('code', { enum: ['normal', 'silver', 'gold', 'diamond'] }).primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  rank: integer('rank').notNull().unique(),
  // Rolling 12-month spend (fen) that earns the tier; kept when the review finds spend ≥ keep.
  upgradeSpendFen: integer('upgrade_spend_fen').notNull(),
  keepSpendFen: integer('keep_spend_fen').notNull(),
  // Basis points: 9500 = 95 % of price (5 % off); points multiplier 15000 = 1.5×.
  discountBp: integer('discount_bp').notNull(),
  pointsMultiplierBp: integer('points_multiplier_bp').notNull(),
  // Per-category discount (basis points by category id) where it differs from discountBp.
  categoryDiscounts: text('category_discounts').notNull().default('{}'),
  updatedAt: integer('updated_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    phone: text('phone').notNull().unique(),
    // "Last four digits" is how a counter finds a member; indexed so it is not a table scan.
    phoneLast4: text('phone_last4').generatedAlwaysAs(sql`substr(phone, -4)`, { mode: 'virtual' }),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['female', 'male', 'unknown'] }).notNull().default('unknown'),
    // Calendar date 'YYYY-MM-DD' (a birthday has no time zone).
    birthday: text('birthday'),
    homeStoreId: text('home_store_id').notNull().references(() => stores.id),
    tierCode: text('tier_code').notNull().references(() => tiers.code),
    // When the member got the tier (a sale's upgrade, a review's change); null: before this was kept.
    tierSince: integer('tier_since'),
    cardNo: text('card_no').notNull().unique(),
    status: text('status', { enum: ['active', 'frozen', 'closed'] }).notNull().default('active'),
    joinedAt: integer('joined_at').notNull(),
    // Read model of the member's account; the member's Durable Object is the only writer.
    principalFen: integer('principal_fen').notNull().default(0),
    bonusFen: integer('bonus_fen').notNull().default(0),
    // Of the two purses above, what is lent to tablets for offline use (decision 015).
    reservedFen: integer('reserved_fen').notNull().default(0),
    points: integer('points').notNull().default(0),
    lockedPoints: integer('locked_points').notNull().default(0),
    // The ledger sequence these balances reflect: a late or repeated projection never moves them back.
    ledgerSeq: integer('ledger_seq').notNull().default(0),
    // The soonest a points lot, coupon or punch card of the account expires, as its object last
    // projected it (null: not known yet). The nightly expiry job looks at the members it has passed.
    nextExpiryAt: integer('next_expiry_at'),
    lifetimeSpendFen: integer('lifetime_spend_fen').notNull().default(0),
    lastVisitAt: integer('last_visit_at'),
    lastVisitStoreId: text('last_visit_store_id').references(() => stores.id),
    // The public key of the member app's QR code (Ed25519, base64url); the private key never leaves the phone.
    qrPublicKey: text('qr_public_key'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('members_home_store_idx').on(t.homeStoreId),
    index('members_name_idx').on(t.name),
    index('members_last_visit_store_idx').on(t.lastVisitStoreId),
    index('members_phone_last4_idx').on(t.phoneLast4),
    index('members_last_visit_idx').on(t.lastVisitAt),
    index('members_updated_idx').on(t.updatedAt),
    index('members_next_expiry_idx').on(t.nextExpiryAt),
  ],
);

/**
 * Where each member was last served, per store: a store's tablet keeps offline the members whose
 * home it is or who were served there in the last 90 days (decision 009). Kept by the sale projection.
 */
export const memberStoreVisits = sqliteTable(
  'member_store_visits',
  {
    memberId: text('member_id').notNull().references(() => members.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    lastVisitAt: integer('last_visit_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.storeId] }), index('member_store_visits_store_idx').on(t.storeId, t.lastVisitAt)],
);

/** A member's photo, taken at the counter: a small JPEG data URL, fetched on demand (not synced). */
export const memberPhotos = sqliteTable('member_photos', {
  memberId: text('member_id').primaryKey().references(() => members.id),
  dataUrl: text('data_url').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
