import { describe, expect, it } from 'vitest';
import { commissionPlanInputSchema, type CommissionRule } from '../schemas/commission';
import { planCovers, planParts, tieredFen, type ClerkFigures } from './commission';

const figs: ClerkFigures = {
  months: [{ month: '2026-11', salesFen: 1_500_000 }, { month: '2026-12', salesFen: 400_000 }],
  lines: [
    { productId: 'p-1', categoryId: 'c-hair', salesFen: 100_000 },
    { productId: 'p-2', categoryId: 'c-hair', salesFen: 50_000 },
    { productId: 'p-3', categoryId: 'c-nail', salesFen: 30_001 },
    { productId: 'p-4', categoryId: 'c-nail', salesFen: -2_000 },
  ],
  cardsOpened: 3,
  recharges: 5,
  punchCards: 2,
};

// Tiers: 0–1万 at 1 %, 1万–2万 at 2 %, from 2万 at 3 % (fen).
const TIERS = [{ fromFen: 0, rateBp: 100 }, { fromFen: 1_000_000, rateBp: 200 }, { fromFen: 2_000_000, rateBp: 300 }];

describe('阶梯提成 on one month', () => {
  it.each([
    // sales, marginal, whole
    [0, 0, 0],
    [500_000, 5_000, 5_000],
    [1_000_000, 10_000, 20_000], // exactly at a threshold: marginal pays it at the lower rate, whole at the new one
    [999_999, 10_000, 10_000],
    [1_500_000, 20_000, 30_000],
    [2_500_000, 45_000, 75_000],
    [-10_000, -100, -100], // a month of returns claws back at the first rate
  ] as const)('%s fen: marginal %s, whole %s', (sales, marginal, whole) => {
    expect(tieredFen(sales, TIERS, 'marginal')).toBe(marginal);
    expect(tieredFen(sales, TIERS, 'whole')).toBe(whole);
  });

  it('marginal never pays less for more sales; whole jumps at a threshold', () => {
    expect(tieredFen(1_000_001, TIERS, 'marginal')).toBeGreaterThanOrEqual(tieredFen(999_999, TIERS, 'marginal'));
    expect(tieredFen(1_000_000, TIERS, 'whole') - tieredFen(999_999, TIERS, 'whole')).toBe(10_000);
  });
});

describe('a plan’s rules', () => {
  const one = (rule: CommissionRule, f: ClerkFigures = figs) => planParts([rule], f)[0];
  it.each<[string, CommissionRule, { baseFen: number; count: number; fen: number }]>([
    ['percent of a category', { kind: 'category_percent', categoryId: 'c-hair', rateBp: 500 }, { baseFen: 150_000, count: 0, fen: 7_500 }],
    ['percent of a category with refunds netted, rounded half up', { kind: 'category_percent', categoryId: 'c-nail', rateBp: 250 }, { baseFen: 28_001, count: 0, fen: 700 }],
    ['percent of a product', { kind: 'product_percent', productId: 'p-3', rateBp: 1000 }, { baseFen: 30_001, count: 0, fen: 3_000 }],
    ['percent of a product not sold', { kind: 'product_percent', productId: 'p-9', rateBp: 1000 }, { baseFen: 0, count: 0, fen: 0 }],
    ['fixed per card opened', { kind: 'per_card_opened', fen: 1_000 }, { baseFen: 0, count: 3, fen: 3_000 }],
    ['fixed per recharge', { kind: 'per_recharge', fen: 500 }, { baseFen: 0, count: 5, fen: 2_500 }],
    ['fixed per punch card sold', { kind: 'per_punch_card', fen: 800 }, { baseFen: 0, count: 2, fen: 1_600 }],
    ['tiered, marginal, month by month', { kind: 'tiered_sales', mode: 'marginal', tiers: TIERS }, { baseFen: 1_900_000, count: 2, fen: 20_000 + 4_000 }],
    ['tiered, whole amount, month by month', { kind: 'tiered_sales', mode: 'whole', tiers: TIERS }, { baseFen: 1_900_000, count: 2, fen: 30_000 + 4_000 }],
  ])('%s', (_, rule, want) => {
    expect(one(rule)).toEqual({ kind: rule.kind, ...want });
  });

  it('a product’s own rule wins over its category’s, so no sale is paid twice', () => {
    const parts = planParts([{ kind: 'category_percent', categoryId: 'c-hair', rateBp: 500 }, { kind: 'product_percent', productId: 'p-1', rateBp: 1000 }], figs);
    expect(parts.map((p) => [p.baseFen, p.fen])).toEqual([[50_000, 2_500], [100_000, 10_000]]);
  });

  it('covers its stores (none listed: all), and only while active', () => {
    expect(planCovers({ storeIds: [], active: true }, 'store-9')).toBe(true);
    expect(planCovers({ storeIds: ['store-1'], active: true }, 'store-2')).toBe(false);
    expect(planCovers({ storeIds: ['store-1'], active: false }, 'store-1')).toBe(false);
  });
});

describe('plan documents', () => {
  it.each([
    [{ name: 'x', rules: [{ kind: 'tiered_sales', tiers: [{ fromFen: 100, rateBp: 1 }] }] }, 'rules.0.tiers'],
    [{ name: 'x', rules: [{ kind: 'tiered_sales', tiers: [{ fromFen: 0, rateBp: 1 }, { fromFen: 0, rateBp: 2 }] }] }, 'rules.0.tiers'],
    [{ name: 'x', rules: [{ kind: 'category_percent', categoryId: 'c', rateBp: 10_001 }] }, 'rules.0.rateBp'],
    [{ name: '', rules: [{ kind: 'per_card_opened', fen: 1 }] }, 'name'],
    [{ name: 'x', rules: [] }, 'rules'],
  ])('refuses %j at %s', (doc, field) => {
    const r = commissionPlanInputSchema.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('a tiered rule is marginal unless it says whole', () => {
    const r = commissionPlanInputSchema.parse({ name: 'x', rules: [{ kind: 'tiered_sales', tiers: [{ fromFen: 0, rateBp: 1 }] }] });
    expect(r.rules[0]).toMatchObject({ mode: 'marginal' });
    expect(r.storeIds).toEqual([]);
  });
});
