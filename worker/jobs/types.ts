import type { ChainRules } from '../../shared/schemas/rules';
import type { JobName } from '../../shared/schemas/jobs';
import type { PageCounts } from './job-runs';

/** What a job sees: `now` is the run's clock (the cron's scheduled time; a fake one in tests). */
export type JobContext = { env: Env; now: number; period: string; rules: ChainRules };

/**
 * A scheduled job: `page` does the members after `after` (by id, at most `limit`) and says where
 * to go on (null: done). Every change it makes is idempotent per member and period (an op id the
 * member's object has seen changes nothing), so a page done twice after a crash is harmless.
 */
export type JobDef = {
  name: JobName;
  /** Whether this period has anything to do under the chain's rules (a review month, a coupon set up). */
  applies(ctx: JobContext): boolean;
  page(ctx: JobContext, after: string | null, limit: number): Promise<PageCounts>;
};

/** Runs `fn` over `items`, `width` at a time; a throw counts as that item's failure, not the page's. */
export async function eachLimited<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<({ ok: true; value: R } | { ok: false; error: string })[]> {
  const out: ({ ok: true; value: R } | { ok: false; error: string })[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        out[i] = { ok: true, value: await fn(items[i]!) };
      } catch (e) {
        out[i] = { ok: false, error: e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** The page's counts from per-member results (`true`: changed something). */
export function countPage(results: ({ ok: true; value: boolean } | { ok: false; error: string })[], processed: number, next: string | null): PageCounts {
  const failures = results.filter((r) => !r.ok) as { ok: false; error: string }[];
  return { processed, changed: results.filter((r) => r.ok && r.value).length, failed: failures.length, error: failures[0]?.error ?? null, next };
}
