/**
 * The dialog's guard against guessing a PIN at the counter: five wrong PINs in a row lock it for a
 * minute. Kept in sessionStorage so a reload does not reset the count (the real defence is the
 * server's audit of who approved what; this only slows a guesser standing at the tablet).
 */
export const MAX_FAILS = 5;
export const LOCK_MS = 60_000;
export const LOCK_STORAGE_KEY = 'cloudcard.clerk.approvalLock';

export type LockState = { fails: number; lockedUntil: number | null };
export const UNLOCKED: LockState = { fails: 0, lockedUntil: null };

export const isLocked = (s: LockState, now: number): boolean => s.lockedUntil !== null && now < s.lockedUntil;

/** One more wrong PIN. A lock that has run out starts a fresh count. */
export function afterFailure(s: LockState, now: number): LockState {
  const fails = (s.lockedUntil !== null && now >= s.lockedUntil ? 0 : s.fails) + 1;
  return fails >= MAX_FAILS ? { fails, lockedUntil: now + LOCK_MS } : { fails, lockedUntil: null };
}

/** Tries left before the lock (0 while locked). */
export const triesLeft = (s: LockState, now: number): number => (isLocked(s, now) ? 0 : Math.max(0, MAX_FAILS - (s.lockedUntil !== null ? 0 : s.fails)));

/** What sessionStorage held, or unlocked when it is missing or not what we wrote. */
export function parseLock(raw: string | null): LockState {
  if (!raw) return UNLOCKED;
  try {
    const v = JSON.parse(raw) as Partial<LockState>;
    const fails = typeof v.fails === 'number' && Number.isInteger(v.fails) && v.fails >= 0 ? v.fails : 0;
    const lockedUntil = typeof v.lockedUntil === 'number' && Number.isFinite(v.lockedUntil) ? v.lockedUntil : null;
    return { fails, lockedUntil };
  } catch {
    return UNLOCKED;
  }
}

/** The lock as this tab remembers it; storage blocked → memory only. */
let memory: LockState | null = null;
export function loadLock(): LockState {
  if (memory) return memory;
  try {
    memory = parseLock(sessionStorage.getItem(LOCK_STORAGE_KEY));
  } catch {
    memory = UNLOCKED;
  }
  return memory;
}
export function saveLock(s: LockState): void {
  memory = s;
  try {
    sessionStorage.setItem(LOCK_STORAGE_KEY, JSON.stringify(s));
  } catch {
    /* private mode or full: memory still holds it for this tab */
  }
}
