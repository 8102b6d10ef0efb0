import { describe, expect, it } from 'vitest';
import { SeenNonces } from './seen-nonces';

describe('SeenNonces', () => {
  it('remembers a code until it would expire, then forgets it', () => {
    let now = 1_000;
    const s = new SeenNonces(() => now);
    s.add('m1.a', 61_000);
    s.add('m2.b', 90_000);
    expect([s.has('m1.a'), s.has('m2.b'), s.has('m3.c')]).toEqual([true, true, false]);
    now = 61_000; // still valid at exactly issuedAt + 60 s, so still remembered
    expect(s.has('m1.a')).toBe(true);
    now = 61_001;
    expect([s.has('m1.a'), s.has('m2.b'), s.size]).toEqual([false, true, 1]);
  });

  it('keeps at most `max` entries, dropping the oldest', () => {
    const s = new SeenNonces(() => 0, 3);
    for (const k of ['a', 'b', 'c', 'd']) s.add(k, 100);
    expect(['a', 'b', 'c', 'd'].map((k) => s.has(k))).toEqual([false, true, true, true]);
  });
});
