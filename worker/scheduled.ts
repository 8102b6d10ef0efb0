import { lt } from 'drizzle-orm';
import { purgeSessions } from './auth/sessions';
import { openDb } from './db/client';
import { loginThrottle, otpCodes } from './db/schema';
import { runDueJobs } from './jobs/cron';
import { sendDue } from './notify/sender';

/**
 * The cron (every 10 minutes, wrangler.toml): housekeeping, then the scheduled jobs (worker/jobs,
 * decision 019) — each runs once per period, from 02:00 local time, and a large chain's run goes
 * on over several ticks from its saved cursor; then the notification sender (decision 020). `now` is the tick's scheduled time (a fake clock in tests).
 */
export async function runScheduled(env: Env, now: number): Promise<void> {
  const db = openDb(env.DB);
  await db.batch([
    purgeSessions(db, now),
    db.delete(otpCodes).where(lt(otpCodes.expiresAt, now)),
    db.delete(loginThrottle).where(lt(loginThrottle.windowStart, now - 86_400_000)),
  ]);
  await runDueJobs(env, now);
  await sendDue(env, now);
}
