import { describe, expect, it } from 'vitest';
import type { OwnedCoupon } from '../../schemas/account';
import { priceOrder } from './price-order';
import { AT, DAY, DIAMOND, GOLD, campaign, codes, couponT, input, lines, ok } from './test-fixtures';

const use = (templates: ReturnType<typeof couponT>[], over: Record<string, unknown> = {}, ids = templates.map((t, i) => ({ couponId: `k${i}`, templateId: t.id }))) =>
  ok(priceOrder(input({ lines: lines('cut', 'mask'), coupons: ids, couponTemplates: templates, ...over })));
const cash = (amountFen: number, t: Record<string, unknown> = {}) => couponT({ id: `cash${amountFen}`, name: `${amountFen / 100}元券`, kind: 'cash', amountFen, ...t });
const owned = (o: Partial<OwnedCoupon> = {}): OwnedCoupon => ({ id: 'k0', templateId: 'cash1000', name: '10元券', status: 'issued', expiresAt: AT + DAY, usedByOp: null, ...o });

describe('coupons refused, with a code, and the sale goes on (stage 5)', () => {
  it.each([
    ['template unknown', [], {}, [{ couponId: 'k0', templateId: 'nope' }], 'coupon_unknown_template'],
    ['switched off', [cash(1000, { active: false })], {}, undefined, 'coupon_inactive'],
    ['not valid yet', [cash(1000, { validity: { kind: 'fixed', startsAt: AT + 1, endsAt: AT + DAY } })], {}, undefined, 'coupon_not_started'],
    ['expired (end exclusive)', [cash(1000, { validity: { kind: 'fixed', startsAt: 0, endsAt: AT } })], {}, undefined, 'coupon_expired'],
    ['another store', [cash(1000, { storeIds: ['s2'] })], {}, undefined, 'coupon_store_mismatch'],
    ['drinks only, no drinks', [cash(1000, { categoryIds: ['drink'] })], {}, undefined, 'coupon_category_mismatch'],
    ['below its minimum spend', [cash(1000, { minSpendFen: 30_000 })], {}, undefined, 'coupon_below_min_spend'],
    ['满300减30 on 225', [couponT({ id: 't', kind: 'threshold', thresholdFen: 30_000, offFen: 3000 })], {}, undefined, 'coupon_below_min_spend'],
    ['hair minimum counts hair lines only', [cash(1000, { minSpendFen: 10_000, categoryIds: ['hair'] })], {}, undefined, 'coupon_below_min_spend'],
    ['not in the member’s wallet', [cash(1000)], { ownedCoupons: [] }, undefined, 'coupon_not_owned'],
    ['wallet coupon of another template', [cash(1000)], { ownedCoupons: [owned({ templateId: 'other' })] }, undefined, 'coupon_not_owned'],
    ['already used', [cash(1000)], { ownedCoupons: [owned({ status: 'used' })] }, undefined, 'coupon_used'],
    ['owned coupon past its expiry', [cash(1000)], { ownedCoupons: [owned({ expiresAt: AT })] }, undefined, 'coupon_expired'],
    ['owned coupon marked expired', [cash(1000)], { ownedCoupons: [owned({ status: 'expired' })] }, undefined, 'coupon_expired'],
    ['hair campaign not with coupons, hair coupon', [cash(1000, { categoryIds: ['hair'] })], { campaigns: [campaign({ kind: 'percent_off', discountBp: 9000, categoryIds: ['hair'], stacksWithCoupons: false })] }, undefined, 'coupon_not_stackable'],
    ['nothing to take off', [cash(1000)], { lines: lines('free') }, undefined, 'coupon_no_effect'],
  ])('%s', (_n, templates, over, ids, code) => {
    const r = use(templates, over, ids);
    expect(codes(r)).toEqual([code]);
    expect(r.coupons).toEqual([]);
    expect(r.discountBySource.coupon).toBe(0);
    expect(r.refusals[0]!.refId).toBe('k0');
  });

  it('says how far below the minimum', () => {
    const r = use([cash(1000, { minSpendFen: 30_000 })]);
    expect(r.refusals[0]).toEqual({ code: 'coupon_below_min_spend', refId: 'k0', message: '10元券 需满 300 元，当前 225 元', params: { minSpendFen: 30_000, baseFen: 22_500 } });
  });

  it('the same coupon twice: the second is refused', () => {
    const r = use([cash(1000)], {}, [{ couponId: 'k0', templateId: 'cash1000' }, { couponId: 'k0', templateId: 'cash1000' }]);
    expect(codes(r)).toEqual(['coupon_duplicate']);
    expect(r.coupons).toEqual([{ couponId: 'k0', templateId: 'cash1000', discountFen: 1000 }]);
  });
});

describe('coupons applied', () => {
  it.each([
    ['cash, spread by line size', [cash(1000)], {}, [9269, 12_231]],
    ['cash larger than the order: to 0, not below', [cash(50_000)], {}, [0, 0]],
    ['percent 8折 on each line', [couponT({ id: 'p', kind: 'percent', discountBp: 8000 })], {}, [7760, 10_240]],
    ['percent with a 30 yuan cap', [couponT({ id: 'p', kind: 'percent', discountBp: 8000, maxOffFen: 3000 })], {}, [8407, 11_093]],
    ['percent on skin care only', [couponT({ id: 'p', kind: 'percent', discountBp: 5000, categoryIds: ['skin'] })], {}, [9700, 6400]],
    ['满200减30 coupon', [couponT({ id: 'th', kind: 'threshold', thresholdFen: 20_000, offFen: 3000 })], {}, [8407, 11_093]],
    ['skips the campaign lines and measures the minimum without them', [cash(1000, { minSpendFen: 12_000 })], { campaigns: [campaign({ kind: 'percent_off', discountBp: 9000, categoryIds: ['hair'], stacksWithCoupons: false })] }, [8730, 11_800]],
    ['after tier and campaign', [couponT({ id: 'p', kind: 'percent', discountBp: 9000 })], { member: GOLD, campaigns: [campaign({ kind: 'percent_off', discountBp: 8000, categoryIds: ['hair'] })] }, [6635, 10_944]],
    ['a no-coupon campaign that lost to member price does not block', [cash(1000, { categoryIds: ['skin'] })], { member: DIAMOND, lines: lines('mask'), campaigns: [campaign({ kind: 'percent_off', discountBp: 9000, stacksWithTierDiscount: false, stacksWithCoupons: false })] }, [9880]],
    ['days-after-issue coupon in a wallet', [cash(1000, { validity: { kind: 'days_after_issue', days: 30 } })], { ownedCoupons: [owned()] }, [9269, 12_231]],
    ['ownership unchecked when the wallet is unknown', [cash(1000, { validity: { kind: 'days_after_issue', days: 30 } })], { ownedCoupons: null }, [9269, 12_231]],
  ])('%s', (_n, templates, over, totals) => {
    const r = use(templates, over);
    expect(codes(r)).toEqual([]);
    expect(r.lines.map((l) => l.totalFen)).toEqual(totals);
    expect(r.coupons.map((c) => c.discountFen)).toEqual([r.discountBySource.coupon]);
  });

  it('applies several coupons in the order handed over, each on what is left', () => {
    const th = couponT({ id: 'th', name: '满220减30', kind: 'threshold', thresholdFen: 22_000, offFen: 3000 });
    const first = use([th, cash(1000)]);
    expect([first.totalFen, codes(first)]).toEqual([18_500, []]);
    const second = use([cash(1000), th]);
    expect([second.totalFen, codes(second)]).toEqual([21_500, ['coupon_below_min_spend']]);
  });

  it('explains itself with the coupon id', () => {
    const r = use([cash(1000)]);
    expect(r.lines[0]!.explanation).toEqual([{ kind: 'coupon', label: '10元券', amountFen: 431, refId: 'k0', params: { name: '10元券', kind: 'cash' } }]);
  });
});
