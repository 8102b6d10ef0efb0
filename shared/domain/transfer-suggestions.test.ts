import { describe, expect, it } from 'vitest';
import { daysOfCover, suggestTransfers, type StoreStock } from './transfer-suggestions';

const P = { days: 10, targetCoverDays: 10 };
const s = (storeId: string, quantity: number, soldUnits: number, extra: Partial<StoreStock> = {}): StoreStock => ({ storeId, productId: 'p1', quantity, soldUnits, ...extra });

describe('daysOfCover', () => {
  it.each([
    [10, 20, 10, 5],
    [0, 20, 10, 0],
    [-3, 20, 10, 0],
    [7, 3, 10, 23.3],
    [10, 0, 10, null],
  ])('%i in stock, %i sold in %i days → %s days', (q, sold, days, want) => expect(daysOfCover(q, sold, days)).toBe(want));
});

describe('suggestTransfers', () => {
  const cases: { name: string; stocks: StoreStock[]; want: { from: string; to: string; quantity: number }[] }[] = [
    { name: 'nothing short: nothing suggested', stocks: [s('a', 50, 20), s('b', 30, 10)], want: [] },
    { name: 'short store filled to the target from the surplus', stocks: [s('a', 2, 20), s('b', 60, 20)], want: [{ from: 'b', to: 'a', quantity: 18 }] },
    { name: 'surplus is only what lies above the target cover', stocks: [s('a', 0, 30), s('b', 25, 20)], want: [{ from: 'b', to: 'a', quantity: 5 }] },
    { name: 'a store that sells none gives all but its threshold', stocks: [s('a', 1, 10), s('b', 12, 0, { threshold: 5 })], want: [{ from: 'b', to: 'a', quantity: 7 }] },
    { name: 'the store that runs out first is served first', stocks: [s('a', 4, 10), s('b', 0, 10), s('c', 12, 0)], want: [{ from: 'c', to: 'b', quantity: 10 }, { from: 'c', to: 'a', quantity: 2 }] },
    { name: 'one short store from two donors, largest first', stocks: [s('a', 0, 20), s('b', 30, 10), s('c', 28, 10)], want: [{ from: 'b', to: 'a', quantity: 20 }] },
    { name: 'split when the largest surplus is not enough', stocks: [s('a', 0, 40), s('b', 30, 10), s('c', 28, 10)], want: [{ from: 'b', to: 'a', quantity: 20 }, { from: 'c', to: 'a', quantity: 18 }] },
    { name: 'negative stock counts as empty', stocks: [s('a', -5, 10), s('b', 40, 10)], want: [{ from: 'b', to: 'a', quantity: 10 }] },
    { name: 'no donor, no suggestion', stocks: [s('a', 0, 10), s('b', 5, 10)], want: [] },
  ];
  it.each(cases)('$name', ({ stocks, want }) => {
    expect(suggestTransfers(stocks, P).map((x) => ({ from: x.fromStoreId, to: x.toStoreId, quantity: x.quantity }))).toEqual(want);
  });

  it('keeps products apart and says the cover before and after', () => {
    const out = suggestTransfers([s('a', 2, 20), s('b', 60, 20), { storeId: 'a', productId: 'p2', quantity: 50, soldUnits: 0 }], P);
    expect(out).toEqual([{ productId: 'p1', fromStoreId: 'b', toStoreId: 'a', quantity: 18, fromCoverDays: 30, toCoverDays: 1, toCoverAfterDays: 10 }]);
  });
});
