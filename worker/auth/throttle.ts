import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

/** Failed sign-ins allowed per window before the key is refused with 429. */
export const LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 30, windowMs: 15 * 60_000 },
  otp: { max: 5, windowMs: 15 * 60_000 },
  // Wrong approvals in a manager's name (a PIN guessed at a tablet, a forged proof): the approver's
  // approvals stop for the window, so six digits cannot be walked through.
  pin: { max: 5, windowMs: 15 * 60_000 },
} as const;
export type LimitKind = keyof typeof LIMITS;

export const throttleKey = (kind: LimitKind, id: string) => `${kind}:${id.toLowerCase()}`;

/** Throws RATE_LIMITED (with Retry-After) when the key has used up its window. */
export async function assertNotThrottled(db: Db, kind: LimitKind, id: string, now: number): Promise<void> {
  const { max, windowMs } = LIMITS[kind];
  const row = await db.select().from(loginThrottle).where(eq(loginThrottle.key, throttleKey(kind, id))).get();
  if (!row || row.windowStart + windowMs <= now || row.failures < max) return;
  const retryAfter = Math.max(1, Math.ceil((row.windowStart + windowMs - now) / 1000));
  const message = {
    address: 'Too many failed sign-in attempts from this address',
    otp: 'Too many failed sign-in attempts for this phone',
    account: 'Too many failed sign-in attempts for this account',
    pin: 'Too many wrong approvals in this manager’s name',
  }[kind];
  throw new DomainError('RATE_LIMITED', `${message}; try again in ${retryAfter} s`, {
    retryAfter,
  });
}

/** One statement, so concurrent failures are all counted. A stale window starts over. */
export function recordFailure(db: Db, kind: LimitKind, id: string, now: number) {
  const { windowMs } = LIMITS[kind];
  return db
    .insert(loginThrottle)
    .values({ key: throttleKey(kind, id), failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStart} + ${windowMs} <= ${now} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${loginThrottle.windowStart} + ${windowMs} <= ${now} THEN ${now} ELSE ${loginThrottle.windowStart} END`,
      },
    });
}

export function clearFailures(db: Db, kind: LimitKind, id: string) {
  return db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKey(kind, id)));
}
