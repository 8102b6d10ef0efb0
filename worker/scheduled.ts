import { lt } from 'drizzle-orm';
import { purgeSessions } from './auth/sessions';
import { openDb } from './db/client';
import { loginThrottle, otpCodes } from './db/schema';

/**
 * The nightly cron. Housekeeping today; points expiry, lease expiry and tier reviews hang off this
 * same entry point as they arrive.
 */
export async function runScheduled(env: Env, now: number): Promise<void> {
  const db = openDb(env.DB);
  await db.batch([
    purgeSessions(db, now),
    db.delete(otpCodes).where(lt(otpCodes.expiresAt, now)),
    db.delete(loginThrottle).where(lt(loginThrottle.windowStart, now - 86_400_000)),
  ]);
}
