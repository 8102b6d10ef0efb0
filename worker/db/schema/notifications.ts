import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { members } from './members';

/**
 * The notification outbox (decision 020): one row per event and channel, keyed `<eventId>:<channel>`,
 * so an event notifies at most once per channel however often it is enqueued. Money events are
 * enqueued in the D1 batch that projects their op; reminders by the daily job. Inbox rows are
 * `sent` when written (the inbox is the row); SMS rows are sent by the cron's sender, retried with
 * backoff and finally `failed` with the provider's error, which HQ sees and can retry.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    memberId: text('member_id').notNull().references(() => members.id),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['inbox', 'sms'] }).notNull(),
    // The event (shared/schemas/notifications.ts): rendered in the member's locale when read or sent.
    payload: text('payload').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    // When the sender may take it next (a retry's backoff, the end of quiet hours, a claim's lease).
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    readAt: integer('read_at'),
  },
  (t) => [
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_member_idx').on(t.memberId, t.channel, t.createdAt),
    index('notifications_status_created_idx').on(t.status, t.createdAt),
  ],
);

/** A member's choices (absent: the defaults, DEFAULT_PREFERENCES): channels per kind, quiet hours, locale. */
export const notificationPreferences = sqliteTable('notification_preferences', {
  memberId: text('member_id').primaryKey().references(() => members.id),
  // JSON: { [kind]: { inbox, sms } }
  channels: text('channels').notNull(),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  locale: text('locale').notNull().default('zh-CN'),
  updatedAt: integer('updated_at').notNull(),
});
