import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const stores = sqliteTable('stores', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  // Opening hours as the chain writes them ("10:00-22:00", "周一至周五 9:00-21:00").
  hours: text('hours').notNull().default(''),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['hq_admin', 'store_manager', 'clerk'] }).notNull(),
    // null only for hq_admin: HQ is not scoped to a store.
    storeId: text('store_id').references(() => stores.id),
    passwordHash: text('password_hash').notNull(),
    // A manager's approval PIN (PBKDF2 verifier, same format as passwords); tablets hold it to
    // check an approval offline. null: this staff member cannot approve.
    pinHash: text('pin_hash'),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    phone: text('phone').notNull().default(''),
    // Set by a password reset: the next sign-in must choose a new password before anything else.
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('staff_store_idx').on(t.storeId)],
);

/**
 * A tablet set up for a store (decision 015): offline allowances are lent to it, not to a browser's
 * sync state. It proves itself with a secret it was given once (only the hash is kept).
 */
export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    registeredBy: text('registered_by').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at'),
    retiredAt: integer('retired_at'),
    retiredBy: text('retired_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('devices_store_idx').on(t.storeId)],
);
