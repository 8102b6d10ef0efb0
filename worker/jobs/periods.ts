import { businessDay } from '../../shared/domain/business-day';
import { DomainError } from '../../shared/errors';
import { dayPeriodSchema, JOB_CADENCE, monthPeriodSchema, type JobName } from '../../shared/schemas/jobs';

/**
 * A job's period is the chain's business day (or its month) as of 02:00 local time: the cron may
 * fire at any minute, and until 02:00 the period is still the day before, which ran last night.
 */
export const START_MINUTES = 120;
const CHAIN_OFFSET_MS = 8 * 3_600_000;

export function currentPeriod(job: JobName, now: number): string {
  const day = businessDay(now - START_MINUTES * 60_000);
  return JOB_CADENCE[job] === 'monthly' ? day.slice(0, 7) : day;
}

/** When the period begins (local midnight of its first day), in UTC ms. */
export function periodStart(period: string): number {
  const [y, m, d] = period.split('-').map(Number) as [number, number, number | undefined];
  return Date.UTC(y, m - 1, d ?? 1) - CHAIN_OFFSET_MS;
}

/** A period HQ may (re)run: the job's cadence, and not one that has not begun. */
export function checkPeriod(job: JobName, period: string, now: number): string {
  const schema = JOB_CADENCE[job] === 'monthly' ? monthPeriodSchema : dayPeriodSchema;
  if (!schema.safeParse(period).success || Number.isNaN(periodStart(period))) {
    throw new DomainError('VALIDATION_FAILED', `period: ${job} runs per ${JOB_CADENCE[job] === 'monthly' ? 'month (YYYY-MM)' : 'day (YYYY-MM-DD)'}`);
  }
  if (period > currentPeriod(job, now)) throw new DomainError('VALIDATION_FAILED', `period: ${period} has not begun`);
  return period;
}
