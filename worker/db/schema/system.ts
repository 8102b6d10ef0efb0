import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Append-only record of every change made by staff (and sign-ins). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'member', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    storeId: text('store_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail').notNull().default('{}'),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_store_at_idx').on(t.storeId, t.at), index('audit_actor_at_idx').on(t.actorId, t.at), index('audit_entity_idx').on(t.entity, t.entityId, t.at), index('audit_action_at_idx').on(t.action, t.at)],
);

/** Bearer sessions; only the SHA-256 of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    subjectKind: text('subject_kind', { enum: ['staff', 'member'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_subject_idx').on(t.subjectKind, t.subjectId)],
);

/** Failed-login counters, one row per key (`acct:<name>`, `ip:<addr>`, `otp:<phone>`). */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start').notNull(),
});

export const otpCodes = sqliteTable('otp_codes', {
  phone: text('phone').primaryKey(),
  codeHash: text('code_hash').notNull(),
  sentAt: integer('sent_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
});

/** Local-dev SMS outbox: where the dev sender "delivers" one-time codes. */
export const devOutbox = sqliteTable('dev_outbox', {
  id: text('id').primaryKey(),
  at: integer('at').notNull(),
  channel: text('channel').notNull(),
  recipient: text('recipient').notNull(),
  body: text('body').notNull(),
});

export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
