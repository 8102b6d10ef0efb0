import { describe, expect, it } from 'vitest';
import { pointsEligibleMoneyFen } from './price-checkout';

// Lines as priced: a shampoo that earns points (¥100) and a gift card top-up that does not (¥50).
const line = (productId: string, totalFen: number, pointsEligible: boolean) => ({ lineNo: 1, productId, name: productId, categoryId: 'c', quantity: 1, unitPriceFen: totalFen, grossFen: totalFen, discountFen: 0, totalFen, unitCostFen: 0, explanation: [], pointsEligible });
const order = (...lines: ReturnType<typeof line>[]) => ({ lines, totalFen: lines.reduce((n, l) => n + l.totalFen, 0) });
const cash = (amountFen: number) => ({ kind: 'cash' as const, amountFen });
const sv = (amountFen: number) => ({ kind: 'stored_value' as const, amountFen });
const points = (amountFen: number) => ({ kind: 'points' as const, amountFen });
const punch = (productId: string, amountFen: number) => ({ kind: 'punch_card' as const, amountFen, productId });

describe('the money that earns points', () => {
  it.each([
    ['every line earns: all the money', order(line('a', 10_000, true), line('b', 5_000, true)), [cash(15_000)], 15_000],
    ['nothing earns', order(line('a', 10_000, false)), [cash(10_000)], 0],
    ['cash for both, one earns: its share', order(line('a', 10_000, true), line('g', 5_000, false)), [cash(15_000)], 10_000],
    ['split money tenders share alike', order(line('a', 10_000, true), line('g', 5_000, false)), [cash(6_000), sv(9_000)], 10_000],
    ['points pay pro rata: money earns on its part of the eligible', order(line('a', 10_000, true), line('g', 5_000, false)), [cash(12_000), points(3_000)], 8_000],
    ['a punch card pays its own (eligible) line: the money paid the other', order(line('s', 10_000, true), line('g', 5_000, false)), [punch('s', 10_000), cash(5_000)], 0],
    ['a punch card pays the ineligible line: the rest earns in full', order(line('s', 10_000, true), line('p', 5_000, false)), [punch('p', 5_000), cash(10_000)], 10_000],
    ['rounded down to the fen', order(line('a', 1, true), line('g', 2, false)), [cash(3)], 1],
    ['no money, no points', order(line('a', 10_000, true), line('g', 5_000, false)), [points(15_000)], 0],
  ] as const)('%s', (_, o, tenders, want) => {
    expect(pointsEligibleMoneyFen(o, tenders)).toBe(want);
  });
});
