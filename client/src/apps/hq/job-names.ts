import type { JobName } from '../../../../shared/schemas/jobs';

/** The jobs in the order the cron runs them (worker/jobs/registry.ts), without bundling zod. */
export const jobNameSchemaValues: readonly JobName[] = ['tier-review', 'expiry', 'birthday-coupons', 'notify-reminders', 'low-stock-alerts', 'rollup-check', 'member-analysis'];
