// What a member is told about (decision 020), apart from the zod schemas (which build their enum
// from it) so the member app's preferences screen lists the kinds without bundling zod.
export const NOTIFICATION_KINDS = ['spend', 'recharge', 'otp', 'points_expiring', 'punch_expiring', 'coupon_expiring', 'birthday', 'tier_change', 'card_frozen'] as const;
/** The kinds a member's preferences choose channels for (every kind but the one-time code, sent at once). */
export type QueuedKind = Exclude<(typeof NOTIFICATION_KINDS)[number], 'otp'>;
export const QUEUED_KINDS = NOTIFICATION_KINDS.filter((k): k is QueuedKind => k !== 'otp');
