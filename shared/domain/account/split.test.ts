import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, splitSpend, type ConsumptionOrder } from './split';

describe('largestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1, 2], [3, 7]],
    [1, [1, 1], [1, 0]],
    [0, [5, 5], [0, 0]],
    [101, [50, 50], [51, 50]],
    [7, [0, 0], [7, 0]],
    [999, [1000, 200], [833, 166]],
  ])('%i over %o → %o', (total, weights, shares) => expect(largestRemainder(total, weights)).toEqual(shares));

  it('always sums to the total and never strays a fen from the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }), (total, w) => {
        const s = largestRemainder(total, w);
        expect(s.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = w.reduce((a, b) => a + b, 0);
        if (sum > 0) s.forEach((x, i) => expect(Math.abs(x - (total * w[i]!) / sum)).toBeLessThan(1));
      }),
    );
  });
});

describe('splitSpend', () => {
  const purses = { principalFen: 1000, bonusFen: 200 };
  it.each([
    ['principal_first', 300, { principalFen: 300, bonusFen: 0 }],
    ['principal_first', 1100, { principalFen: 1000, bonusFen: 100 }],
    ['bonus_first', 300, { principalFen: 100, bonusFen: 200 }],
    ['bonus_first', 150, { principalFen: 0, bonusFen: 150 }],
    ['proportional', 600, { principalFen: 500, bonusFen: 100 }],
    ['proportional', 1, { principalFen: 1, bonusFen: 0 }],
    ['proportional', 1200, { principalFen: 1000, bonusFen: 200 }],
    ['principal_first', 1201, null],
    ['proportional', -1, null],
  ] as const)('%s %i → %o', (order, amount, out) => expect(splitSpend(amount, purses, order)).toEqual(out));

  it('takes exactly the amount, never more than a purse holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom<ConsumptionOrder>('principal_first', 'bonus_first', 'proportional'),
        (p, b, amount, order) => {
          const s = splitSpend(amount, { principalFen: p, bonusFen: b }, order);
          if (amount > p + b) {
            expect(s).toBeNull();
            return;
          }
          expect(s!.principalFen + s!.bonusFen).toBe(amount);
          expect(s!.principalFen).toBeGreaterThanOrEqual(0);
          expect(s!.bonusFen).toBeGreaterThanOrEqual(0);
          expect(s!.principalFen).toBeLessThanOrEqual(p);
          expect(s!.bonusFen).toBeLessThanOrEqual(b);
        },
      ),
    );
  });
});
