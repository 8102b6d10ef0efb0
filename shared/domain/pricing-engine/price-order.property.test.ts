import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceOrder } from './price-order';
import { AT, DAY, input, ok } from './test-fixtures';

/** Random but schema-valid orders: every promotion kind, flag and limit can turn up together. */
const cat = fc.constantFrom('a', 'b', 'c');
const cats = fc.option(fc.uniqueArray(cat, { minLength: 1, maxLength: 2 }), { nil: null });
const bp = fc.integer({ min: 0, max: 10_000 });
const fen = fc.integer({ min: 0, max: 500_000 });
const flags = { priority: fc.integer({ min: 0, max: 3 }), stacksWithTierDiscount: fc.boolean(), stacksWithCoupons: fc.boolean(), membersOnly: fc.boolean(), weekdays: fc.constantFrom(null, null, [3], [4], [1, 2, 3, 4, 5], [6, 7]) };
const campaignArb = fc.oneof(
  fc.record({ kind: fc.constant('percent_off'), discountBp: bp, categoryIds: cats, ...flags }),
  fc.record({ kind: fc.constant('threshold'), thresholdFen: fc.integer({ min: 1, max: 200_000 }), offFen: fc.integer({ min: 1, max: 300_000 }), repeat: fc.boolean(), maxTimes: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), categoryIds: cats, ...flags }),
  fc.record({ kind: fc.constant('points_multiplier'), multiplierBp: fc.integer({ min: 10_000, max: 30_000 }), ...flags }),
);
const templateArb = fc.oneof(
  fc.record({ kind: fc.constant('cash'), amountFen: fc.integer({ min: 1, max: 300_000 }), minSpendFen: fen }),
  fc.record({ kind: fc.constant('percent'), discountBp: bp, maxOffFen: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null }), minSpendFen: fen }),
  fc.record({ kind: fc.constant('threshold'), thresholdFen: fc.integer({ min: 1, max: 200_000 }), offFen: fc.integer({ min: 1, max: 300_000 }) }),
);
const orderArb = fc
  .record({
    items: fc.array(fc.record({ categoryId: cat, listPriceFen: fen, storePriceFen: fc.option(fen, { nil: null }), costPriceFen: fen }), { minLength: 1, maxLength: 6 }),
    lineSpecs: fc.array(fc.record({ pick: fc.nat(), quantity: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 15 }),
    member: fc.option(fc.record({ tierCode: fc.constantFrom('normal', 'silver', 'gold', 'diamond'), discountBp: bp, categoryDiscountBp: fc.dictionary(cat, bp), birthday: fc.constantFrom('1990-11-18', '1985-11-01', null) }), { nil: null }),
    campaigns: fc.array(campaignArb, { maxLength: 6 }),
    birthday: fc.option(fc.record({ active: fc.boolean(), scope: fc.constantFrom('day', 'month'), discountBpByTier: fc.record({ gold: bp, diamond: bp }, { requiredKeys: [] }), categoryIds: cats, stacksWithTier: fc.boolean() }), { nil: null }),
    templates: fc.array(fc.record({ t: templateArb, storeIds: fc.constantFrom(null, ['s1'], ['s2']), categoryIds: cats }), { maxLength: 3 }),
    couponPicks: fc.array(fc.record({ couponId: fc.constantFrom('k1', 'k2', 'k3'), pick: fc.nat() }), { maxLength: 4 }),
    manual: fc.option(fc.record({ value: fc.oneof(fc.record({ kind: fc.constant('amount'), amountFen: fc.integer({ min: 1, max: 1_000_000 }) }), fc.record({ kind: fc.constant('percent'), discountBp: bp })), approvedBy: fc.constantFrom('mgr', null) }), { nil: null }),
    at: fc.integer({ min: AT - 3 * DAY, max: AT + 3 * DAY }),
  })
  .map((o) =>
    input({
      at: o.at,
      catalog: o.items.map((it, i) => ({ productId: `p${i}`, name: `商品${i}`, ...it })),
      lines: o.lineSpecs.map((l) => ({ productId: `p${l.pick % o.items.length}`, quantity: l.quantity })),
      member: o.member && { memberId: 'm', tierName: o.member.tierCode, pointsMultiplierBp: 10_000, ...o.member },
      campaigns: o.campaigns.map((c, i) => ({ id: `c${i}`, name: `活动${i}`, storeIds: null, startsAt: AT - 2 * DAY, endsAt: AT + 2 * DAY, active: true, ...c })),
      birthdayBenefit: o.birthday,
      couponTemplates: o.templates.map(({ t, ...rest }, i) => ({ id: `t${i}`, name: `券${i}`, active: true, validity: { kind: 'fixed', startsAt: AT - 2 * DAY, endsAt: AT + 2 * DAY }, ...rest, ...t })),
      coupons: o.couponPicks.map((c) => ({ couponId: c.couponId, templateId: `t${c.pick % (o.templates.length + 1)}` })), // one past the end: unknown
      manualDiscount: o.manual && { ...o.manual.value, reason: '测试', approvedBy: o.manual.approvedBy },
    }),
  );

describe('priceOrder on random orders', () => {
  it('total = Σ line totals ≥ 0, each line within [0, gross], sources sum to subtotal − total', () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        const r = ok(priceOrder(order)); // ok() checks the invariants on every result
        expect(r.subtotalFen).toBe(r.lines.reduce((n, l) => n + l.grossFen, 0));
        expect(r.discountFen).toBe(r.subtotalFen - r.totalFen);
        expect(r.coupons.reduce((n, c) => n + c.discountFen, 0)).toBe(r.discountBySource.coupon);
        if (!order.member) expect(r.discountBySource.tier + r.discountBySource.birthday).toBe(0);
        if (!order.manualDiscount?.approvedBy) expect(r.discountBySource.manual).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('is pure: same answer twice, input untouched', () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        const before = structuredClone(order);
        const a = priceOrder(order);
        expect(order).toEqual(before);
        expect(priceOrder(order)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
