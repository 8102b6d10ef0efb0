import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Campaigns and coupon templates. The rule itself is the zod-validated document
 * (shared/schemas/promotions.ts) kept whole as JSON: the pricing engine reads it on the tablet and
 * the server alike. The columns beside it are what queries filter on.
 */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    doc: text('doc').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    endsAt: integer('ends_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('campaigns_updated_idx').on(t.updatedAt)],
);

export const couponTemplates = sqliteTable(
  'coupon_templates',
  {
    id: text('id').primaryKey(),
    doc: text('doc').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('coupon_templates_updated_idx').on(t.updatedAt)],
);
