import { z } from 'zod';
import { NOTIFICATION_KINDS, QUEUED_KINDS, type QueuedKind } from '../domain/notification-kinds';
import { fenSchema, idSchema, timestampSchema } from './common';

/** What a member is told about (decision 020). `otp` is sent at once by sign-in, never queued. */
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;
export { QUEUED_KINDS, type QueuedKind };
export const channelSchema = z.enum(['inbox', 'sms']);
export type Channel = z.infer<typeof channelSchema>;
export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;
export const notificationStatusSchema = z.enum(['queued', 'sent', 'failed']);

const days = z.union([z.literal(30), z.literal(7)]);
const names = { storeId: idSchema.nullable(), storeName: z.string().optional() };
/** What happened, as the notification row keeps it (names are looked up when it is shown or sent). */
export const notificationEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spend'), ...names, amountFen: fenSchema, orderTotalFen: fenSchema, balanceAfterFen: fenSchema, pointsEarned: z.number().int() }),
  z.object({ kind: z.literal('recharge'), ...names, amountFen: fenSchema, bonusFen: fenSchema, balanceAfterFen: fenSchema }),
  z.object({ kind: z.literal('otp'), code: z.string().regex(/^\d{6}$/), minutes: z.number().int() }),
  z.object({ kind: z.literal('points_expiring'), points: z.number().int(), expiresAt: timestampSchema, days }),
  z.object({ kind: z.literal('punch_expiring'), name: z.string(), usesLeft: z.number().int(), expiresAt: timestampSchema, days }),
  z.object({ kind: z.literal('coupon_expiring'), name: z.string(), expiresAt: timestampSchema, days }),
  z.object({ kind: z.literal('birthday'), benefit: z.string().nullable() }),
  z.object({ kind: z.literal('tier_change'), from: z.string().nullable(), to: z.string().nullable(), fromName: z.string().optional(), toName: z.string().optional() }),
  z.object({ kind: z.literal('card_frozen'), ...names, reason: z.string() }),
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');
/** Quiet hours in Asia/Shanghai time; start > end spans midnight (22:00–08:00). SMS waits them out. */
export const quietHoursSchema = z.object({ start: hhmm, end: hhmm }).strict().refine((q) => q.start !== q.end, 'start and end must differ');
export type QuietHours = z.infer<typeof quietHoursSchema>;
const channelSwitches = z.object({ inbox: z.boolean(), sms: z.boolean() }).strict();
export const notificationPreferencesSchema = z
  .object({
    channels: z.object(Object.fromEntries(QUEUED_KINDS.map((k) => [k, channelSwitches])) as Record<QueuedKind, typeof channelSwitches>).strict(),
    quietHours: quietHoursSchema.nullable(),
    locale: localeSchema,
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
/** Money and security alerts go by SMS too; reminders and greetings only to the inbox. Quiet 22:00–08:00. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: Object.fromEntries(QUEUED_KINDS.map((k) => [k, { inbox: true, sms: k === 'spend' || k === 'recharge' || k === 'card_frozen' }])) as NotificationPreferences['channels'],
  quietHours: { start: '22:00', end: '08:00' },
  locale: 'zh-CN',
};

export const inboxItemSchema = z
  .object({ id: z.string(), kind: notificationKindSchema, title: z.string(), body: z.string(), createdAt: timestampSchema, readAt: timestampSchema.nullable() })
  .meta({ id: 'InboxItem' });
export const inboxQuerySchema = z.object({ before: z.string().max(240).regex(/^\d{1,16}\|.+$/, 'must be the next cursor of a page').optional(), limit: z.coerce.number().int().min(1).max(100).default(20), unread: z.enum(['1', 'true']).optional() });
export const inboxPageSchema = z.object({ items: z.array(inboxItemSchema), unread: z.number().int(), next: z.string().nullable() });
/** Which of the member's notifications to mark read: `ids`, or `all: true`. */
export const markReadSchema = z
  .object({ ids: z.array(z.string().min(1).max(120)).min(1).max(100).optional(), all: z.literal(true).optional() })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.ids && !b.all) ctx.addIssue({ code: 'custom', path: ['all'], message: 'give the ids to mark read, or all: true' });
  });
export const markReadResultSchema = z.object({ marked: z.number().int() });

export const notificationRowSchema = z
  .object({
    id: z.string(), eventId: z.string(), memberId: z.string(), kind: notificationKindSchema, channel: channelSchema, status: notificationStatusSchema,
    attempts: z.number().int(), nextAttemptAt: timestampSchema, lastError: z.string().nullable(), createdAt: timestampSchema, sentAt: timestampSchema.nullable(),
  })
  .meta({ id: 'NotificationRow' });
export const notificationListQuerySchema = z.object({
  status: notificationStatusSchema.optional(),
  channel: channelSchema.optional(),
  memberId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationListSchema = z.object({ notifications: z.array(notificationRowSchema) });
export const notificationIdParamSchema = z.object({ id: z.string().min(1).max(120) });
