import { describe, expect, it } from 'vitest';
import { pointsEarned, priceLines, type CatalogItem } from './pricing';

const catalog = new Map<string, CatalogItem>([
  ['cut', { productId: 'cut', name: '洗剪吹', categoryId: 'hair', listPriceFen: 8800, costPriceFen: 2500, storePriceFen: 9700 }],
  ['mask', { productId: 'mask', name: '面膜', categoryId: 'skin', listPriceFen: 12800, costPriceFen: 4500, storePriceFen: null }],
  ['tea', { productId: 'tea', name: '柠檬茶', categoryId: 'drink', listPriceFen: 1850, costPriceFen: 400, storePriceFen: null }],
]);

describe('priceLines', () => {
  it.each([
    ['store price wins over list price', [{ productId: 'cut', quantity: 1 }], null, { subtotalFen: 9700, discountFen: 0, totalFen: 9700 }],
    ['list price when the store has none', [{ productId: 'mask', quantity: 2 }], null, { subtotalFen: 25600, discountFen: 0, totalFen: 25600 }],
    ['gold 95% rounds half up per line', [{ productId: 'tea', quantity: 1 }], { name: '金卡', discountBp: 9500 }, { subtotalFen: 1850, discountFen: 92, totalFen: 1758 }],
    ['diamond 90% over several lines', [{ productId: 'cut', quantity: 1 }, { productId: 'tea', quantity: 3 }], { name: '钻石', discountBp: 9000 }, { subtotalFen: 15250, discountFen: 1525, totalFen: 13725 }],
    ['normal tier gives no discount', [{ productId: 'tea', quantity: 2 }], { name: '普通', discountBp: 10000 }, { subtotalFen: 3700, discountFen: 0, totalFen: 3700 }],
  ] as const)('%s', (_l, lines, tier, totals) => {
    const p = priceLines(lines, catalog, tier);
    expect('missing' in p).toBe(false);
    if (!('missing' in p)) {
      expect({ subtotalFen: p.subtotalFen, discountFen: p.discountFen, totalFen: p.totalFen }).toEqual(totals);
      expect(p.lines.reduce((n, l) => n + l.totalFen, 0)).toBe(p.totalFen);
    }
  });
  it('explains a discount on its line', () => {
    const p = priceLines([{ productId: 'cut', quantity: 1 }], catalog, { name: '金卡', discountBp: 9500 });
    expect(!('missing' in p) && p.lines[0]!.explanation[0]).toContain('金卡 9.5折');
  });
  it('names an unknown product', () => expect(priceLines([{ productId: 'x', quantity: 1 }], catalog, null)).toEqual({ missing: 'x' }));
});

describe('pointsEarned', () => {
  it.each([
    [9999, 1, 10000, 99],
    [10000, 1, 15000, 150],
    [99, 1, 20000, 0],
    [123456, 2, 12000, 2961],
    [0, 1, 10000, 0],
  ])('%i fen × %i/yuan × %i bp → %i', (fen, per, bp, pts) => expect(pointsEarned(fen, per, bp)).toBe(pts));
});
