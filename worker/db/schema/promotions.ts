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

/**
 * A batch of coupons issued to many members (a tag, a tier, a list). The batch id makes each
 * member's grant op id (`batch:<id>:<member>`), so a re-run issues nothing twice.
 */
export const couponBatches = sqliteTable(
  'coupon_batches',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull(),
    target: text('target').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    total: integer('total').notNull().default(0),
    issued: integer('issued').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cursor: text('cursor'),
    lastError: text('last_error'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('coupon_batches_created_idx').on(t.createdAt)],
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
