import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../account/split';
import { yuan, zhe } from './labels';
import { allocate, paidAtBp } from './rounding';

describe('paidAtBp rounds the amount paid half up', () => {
  it.each([
    [1850, 9500, 1758], // 1757.5 → 1758: what pricing.ts charges today
    [9700, 9500, 9215],
    [1, 9500, 1], // 0.95 → 1: a 1-fen line keeps its fen
    [1, 5000, 1], // 0.5 → 1
    [1, 4999, 0],
    [3, 5000, 2], // 1.5 → 2
    [333, 8800, 293], // 293.04
    [0, 9000, 0],
    [12345, 10_000, 12345],
    [12345, 0, 0],
    [9_007_199_254_740_991, 9999, 9_006_298_534_815_517], // exact beyond float products
  ])('%i at %i bp → %i', (fen, bp, paid) => expect(paidAtBp(fen, bp)).toBe(paid));

  it('matches exact BigInt half-up for any safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (fen, bp) => {
        expect(paidAtBp(fen, bp)).toBe(Number((BigInt(fen) * BigInt(bp) + 5000n) / 10_000n));
      }),
    );
  });
});

describe('allocate (largest remainder, exact)', () => {
  it.each([
    [100, [100, 100, 100], [34, 33, 33]], // odd split: the extra fen goes to the first line
    [1, [1, 1, 1], [1, 0, 0]],
    [2, [1, 1, 1], [1, 1, 0]],
    [10, [10, 20], [3, 7]],
    [0, [5, 5], [0, 0]],
    [5, [0, 5, 0], [0, 5, 0]], // a line paying nothing gets nothing
    [3, [1, 1, 1], [1, 1, 1]], // all of it: each line down to 0
    [999, [1000, 200], [833, 166]],
    [7, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]],
  ])('%i over %o → %o', (total, w, out) => expect(allocate(total, w)).toEqual(out));

  it('refuses to split more than the weights hold', () => expect(() => allocate(11, [5, 5])).toThrow(RangeError));

  it('sums to the total, never exceeds a weight, and agrees with account/split on small amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (w, f) => {
        const sum = w.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum * f);
        const s = allocate(total, w);
        expect(s.reduce((a, b) => a + b, 0)).toBe(total);
        s.forEach((x, i) => expect(x).toBeLessThanOrEqual(w[i]!));
        if (sum > 0) expect(s).toEqual(largestRemainder(total, w));
      }),
    );
  });

  it('stays exact with amounts past 2^53 / weight', () => {
    const w = [4_000_000_000_000_001, 3, 5_000_000_000_000_000];
    const s = allocate(9_000_000_000_000_000, w);
    expect(s.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000_000);
    s.forEach((x, i) => expect(x).toBeLessThanOrEqual(w[i]!));
  });
});

describe('labels', () => {
  it.each([[9500, '9.5折'], [9000, '9折'], [8850, '8.85折'], [8805, '8.805折'], [500, '0.5折']])('zhe(%i) = %s', (bp, s) => expect(zhe(bp)).toBe(s));
  it.each([[30000, '300'], [1050, '10.5'], [1, '0.01'], [0, '0']])('yuan(%i) = %s', (fen, s) => expect(yuan(fen)).toBe(s));
});
