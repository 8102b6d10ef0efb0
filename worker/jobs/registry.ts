import type { JobName } from '../../shared/schemas/jobs';
import { birthdayCoupons } from './birthday-coupons';
import { expiry } from './expiry';
import { lowStockAlerts } from './low-stock-alerts';
import { notifyReminders } from './notify-reminders';
import { rollupCheck } from './rollup-check';
import { tierReview } from './tier-review';
import type { JobDef } from './types';
import { memberAnalysis } from './member-analysis';

/** Every scheduled job, in the order the cron runs them. */
export const JOBS: Record<JobName, JobDef> = { 'tier-review': tierReview, expiry, 'birthday-coupons': birthdayCoupons, 'notify-reminders': notifyReminders, 'low-stock-alerts': lowStockAlerts, 'rollup-check': rollupCheck, 'member-analysis': memberAnalysis };
