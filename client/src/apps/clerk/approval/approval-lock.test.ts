import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, LOCK_MS, MAX_FAILS, parseLock, triesLeft, UNLOCKED, type LockState } from './approval-lock';

const fail = (n: number, start: LockState = UNLOCKED, now = 1_000) => Array.from({ length: n }).reduce<LockState>((s) => afterFailure(s, now), start);

describe('approval lock', () => {
  it.each<[number, boolean, number]>([
    [1, false, 4],
    [4, false, 1],
    [5, true, 0],
  ])('%i wrong PINs in a row → locked %s, %i tries left', (n, locked, left) => {
    const s = fail(n);
    expect(isLocked(s, 1_000)).toBe(locked);
    expect(triesLeft(s, 1_000)).toBe(left);
  });

  it('locks for a minute, then counts afresh', () => {
    const s = fail(MAX_FAILS);
    expect(s.lockedUntil).toBe(1_000 + LOCK_MS);
    expect(isLocked(s, 1_000 + LOCK_MS - 1)).toBe(true);
    expect(isLocked(s, 1_000 + LOCK_MS)).toBe(false);
    expect(triesLeft(s, 1_000 + LOCK_MS)).toBe(MAX_FAILS);
    expect(afterFailure(s, 1_000 + LOCK_MS)).toEqual({ fails: 1, lockedUntil: null });
  });

  it.each<[string, string | null, LockState]>([
    ['nothing stored', null, UNLOCKED],
    ['not JSON', '{oops', UNLOCKED],
    ['what we wrote', '{"fails":3,"lockedUntil":null}', { fails: 3, lockedUntil: null }],
    ['a lock', '{"fails":5,"lockedUntil":61000}', { fails: 5, lockedUntil: 61_000 }],
    ['junk values', '{"fails":-2,"lockedUntil":"soon"}', UNLOCKED],
  ])('parses %s', (_, raw, want) => expect(parseLock(raw)).toEqual(want));
});
