import type { AccountState } from './state';

/** What of an account can expire, and when: unspent lots, issued coupons, punch cards with visits left. */
function dueTimes(s: AccountState): number[] {
  return [
    ...s.lots.filter((l) => l.remaining > 0).map((l) => l.expiresAt),
    ...s.coupons.filter((c) => c.status === 'issued').map((c) => c.expiresAt),
    ...s.punchCards.filter((c) => c.usesLeft > 0 && c.expiresAt !== null).map((c) => c.expiresAt!),
  ];
}

/** What D1 keeps as the next expiry of an account where nothing can expire (the opening lots' "never"). */
export const NO_EXPIRY = 8_640_000_000_000_000;

/** The soonest anything of the account expires (null: nothing can). */
export function nextExpiry(s: AccountState): number | null {
  const due = dueTimes(s);
  return due.length ? Math.min(...due) : null;
}

/** Whether a `points_expire` at `now` would change anything. */
export const expiryDue = (s: AccountState, now: number): boolean => dueTimes(s).some((t) => t <= now);
