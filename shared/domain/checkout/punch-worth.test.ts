import { describe, expect, it } from 'vitest';
import { punchWorthFen } from './price-checkout';

describe('punchWorthFen: what punch-card visits pay on an order', () => {
  const lines = [
    { productId: 'cut', quantity: 2, totalFen: 17_600 },
    { productId: 'cut', quantity: 1, totalFen: 9_999 },
    { productId: 'wash', quantity: 1, totalFen: 8_900 },
  ];
  it.each([
    ['none of it', 'cut', 0, 0],
    ['one of three units of ¥275.99, rounded down', 'cut', 1, 9_199],
    ['all units: the lines’ total exactly', 'cut', 3, 27_599],
    ['more uses than units count as all units', 'cut', 5, 27_599],
    ['a product not on the order', 'dye', 1, 0],
    ['another product', 'wash', 1, 8_900],
  ])('%s', (_, productId, uses, want) => expect(punchWorthFen(lines, productId, uses)).toBe(want));

  it('taken cumulatively (as the counter and the server do), any split adds up to the lines', () => {
    for (const split of [[1, 1, 1], [2, 1], [1, 2], [3]]) {
      let taken = 0;
      let sum = 0;
      for (const uses of split) {
        sum += punchWorthFen(lines, 'cut', taken + uses) - punchWorthFen(lines, 'cut', taken);
        taken += uses;
      }
      expect(sum).toBe(27_599);
    }
  });
});
