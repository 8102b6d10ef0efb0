import { describe, expect, it } from 'vitest';
import { priceOrder } from './price-order';
import { AT, DIAMOND, GOLD, campaign, codes, couponT, input, lines, ok, sources } from './test-fixtures';

const hair80 = { kind: 'percent_off', discountBp: 8000, categoryIds: ['hair'] };
const bday = (b: Record<string, unknown>) => ({ active: true, scope: 'day', discountBpByTier: { gold: 8800 }, categoryIds: null, ...b });

describe('priceOrder: store price, member and percent campaigns (stages 1–3)', () => {
  it.each([
    ['walk-in pays the store price', {}, lines('cut'), 9700, {}],
    ['list price when the store has none', {}, lines('mask×2'), 25600, {}],
    ['gold 9.5折 on hair', { member: GOLD }, lines('cut'), 9215, { tier: 485 }],
    ['gold pays full price for drinks (category rate)', { member: GOLD }, lines('tea×3'), 5550, {}],
    ['diamond skin care at its own 8.5折', { member: DIAMOND }, lines('mask', 'cut'), 10880 + 8730, { tier: 1920 + 970 }],
    ['1757.5 rounds to 1758 as pricing.ts does', { member: { ...GOLD, categoryDiscountBp: {} } }, lines('tea'), 1758, { tier: 92 }],
    ['a 1-fen line keeps its fen at 9.5折', { member: GOLD }, lines('penny'), 1, {}],
    ['tier × campaign multiply, tier first', { member: GOLD, campaigns: [campaign(hair80)] }, lines('cut'), 7372, { tier: 485, campaign_percent: 1843 }],
    ['campaign limited to hair leaves skin at member price', { member: GOLD, campaigns: [campaign(hair80)] }, lines('cut', 'mask'), 7372 + 12160, { tier: 485 + 640, campaign_percent: 1843 }],
    ['walk-in gets the campaign alone', { campaigns: [campaign(hair80)] }, lines('cut'), 7760, { campaign_percent: 1940 }],
    ['not with tier: campaign better, tier dropped', { member: GOLD, campaigns: [campaign({ ...hair80, stacksWithTierDiscount: false })] }, lines('cut'), 7760, { campaign_percent: 1940 }],
    ['not with tier: member price better, campaign dropped', { member: DIAMOND, campaigns: [campaign({ kind: 'percent_off', discountBp: 9000, stacksWithTierDiscount: false })] }, lines('mask'), 10880, { tier: 1920 }],
    ['not with tier: a tie keeps member price', { member: GOLD, campaigns: [campaign({ kind: 'percent_off', discountBp: 9500, stacksWithTierDiscount: false })] }, lines('cut'), 9215, { tier: 485 }],
    ['higher priority wins on a line, even if shallower', { campaigns: [campaign({ id: 'deep', kind: 'percent_off', discountBp: 5000 }), campaign({ id: 'top', kind: 'percent_off', discountBp: 8000, priority: 1 })] }, lines('cut'), 7760, { campaign_percent: 1940 }],
    ['equal priority: lower id wins', { campaigns: [campaign({ id: 'b', kind: 'percent_off', discountBp: 5000 }), campaign({ id: 'a', kind: 'percent_off', discountBp: 9000 })] }, lines('cut'), 8730, { campaign_percent: 970 }],
    ['campaigns on different categories both apply', { campaigns: [campaign({ id: 'a', ...hair80 }), campaign({ id: 'b', kind: 'percent_off', discountBp: 5000, categoryIds: ['skin'] })] }, lines('cut', 'mask'), 7760 + 6400, { campaign_percent: 1940 + 6400 }],
    ['weekend campaign on a Wednesday', { campaigns: [campaign({ ...hair80, weekdays: [6, 7] })] }, lines('cut'), 9700, {}],
    ['morning campaign at 14:00', { campaigns: [campaign({ ...hair80, dailyWindow: { fromMinute: 540, toMinute: 720 } })] }, lines('cut'), 9700, {}],
    ['Wednesday-afternoon member day', { member: GOLD, campaigns: [campaign({ ...hair80, weekdays: [3], dailyWindow: { fromMinute: 780, toMinute: 1020 }, membersOnly: true })] }, lines('cut'), 7372, { tier: 485, campaign_percent: 1843 }],
    ['campaign for another store', { campaigns: [campaign({ ...hair80, storeIds: ['s2'] })] }, lines('cut'), 9700, {}],
    ['ended campaign', { campaigns: [campaign({ ...hair80, endsAt: AT })] }, lines('cut'), 9700, {}],
    ['switched-off campaign', { campaigns: [campaign({ ...hair80, active: false })] }, lines('cut'), 9700, {}],
    ['members-only campaign, walk-in', { campaigns: [campaign({ ...hair80, membersOnly: true })] }, lines('cut'), 9700, {}],
    ['a free gift stays at 0', { member: GOLD, campaigns: [campaign({ kind: 'percent_off', discountBp: 5000 })] }, lines('free'), 0, {}],
  ])('%s', (_n, over, ls, total, src) => {
    const r = ok(priceOrder(input({ ...over, lines: ls })));
    expect(r.totalFen).toBe(total);
    expect(sources(r)).toEqual(src);
  });
});

describe('priceOrder: birthday benefit', () => {
  it.each([
    ['better of tier and birthday: birthday', bday({}), GOLD, 8536, { birthday: 1164 }],
    ['stacking birthday on top of tier', bday({ stacksWithTier: true }), GOLD, 8109, { tier: 485, birthday: 1106 }],
    ['tier better than a shallow birthday rate', bday({ discountBpByTier: { gold: 9800 } }), GOLD, 9215, { tier: 485 }],
    ['a tier left out gets nothing', bday({ discountBpByTier: { diamond: 8000 } }), GOLD, 9215, { tier: 485 }],
    ['not the day', bday({}), { ...GOLD, birthday: '1990-11-19' }, 9215, { tier: 485 }],
    ['birthday month', bday({ scope: 'month' }), { ...GOLD, birthday: '1990-11-30' }, 8536, { birthday: 1164 }],
    ['limited to skin care', bday({ categoryIds: ['skin'] }), GOLD, 9215, { tier: 485 }],
    ['switched off', bday({ active: false }), GOLD, 9215, { tier: 485 }],
    ['no birthday on file', bday({}), { ...GOLD, birthday: null }, 9215, { tier: 485 }],
  ])('%s', (_n, birthdayBenefit, member, total, src) => {
    const r = ok(priceOrder(input({ member, birthdayBenefit, lines: lines('cut') })));
    expect(r.totalFen).toBe(total);
    expect(sources(r)).toEqual(src);
  });
});

describe('priceOrder: the whole pipeline', () => {
  const r = ok(
    priceOrder(
      input({
        member: GOLD,
        lines: lines('cut', 'mask'),
        campaigns: [campaign({ id: 'c9', name: '美发节', kind: 'percent_off', discountBp: 9000, categoryIds: ['hair'] }), campaign({ id: 'm200', name: '店庆', kind: 'threshold', thresholdFen: 20_000, offFen: 2000 })],
        coupons: [{ couponId: 'k1', templateId: 't10' }],
        couponTemplates: [couponT({ id: 't10', name: '10元券', kind: 'cash', amountFen: 1000 })],
        manualDiscount: { kind: 'amount', amountFen: 500, reason: '老客', approvedBy: 'mgr1' },
      }),
    ),
  );
  it('applies store → tier → campaign → 满减 → coupon → manual, in that order', () => {
    expect(r.lines[0]!.explanation.map((e) => [e.kind, e.amountFen])).toEqual([['tier', 485], ['campaign_percent', 921], ['campaign_threshold', 811], ['coupon', 405], ['manual', 203]]);
    expect(r.lines[1]!.explanation.map((e) => [e.kind, e.amountFen])).toEqual([['tier', 640], ['campaign_threshold', 1189], ['coupon', 595], ['manual', 297]]);
    expect({ subtotal: r.subtotalFen, total: r.totalFen, discount: r.discountFen }).toEqual({ subtotal: 22_500, total: 16_954, discount: 5546 });
    expect(r.discountBySource).toEqual({ tier: 1125, birthday: 0, campaign_percent: 921, campaign_threshold: 2000, coupon: 1000, manual: 500 });
    expect(r.coupons).toEqual([{ couponId: 'k1', templateId: 't10', discountFen: 1000 }]);
    expect(r.refusals).toEqual([]);
  });
  it('explains in Chinese with data a UI can translate', () => {
    expect(r.lines[0]!.explanation[0]).toEqual({ kind: 'tier', label: '金卡 9.5折', amountFen: 485, refId: 'gold', params: { tier: '金卡', bp: 9500 } });
    expect(r.lines[0]!.explanation.map((e) => e.label)).toEqual(['金卡 9.5折', '美发节 9折', '店庆 满200减20', '10元券', '手动优惠：老客']);
  });
  it('reports lines, cost and points multipliers', () => {
    expect(r.lines.map((l) => [l.lineNo, l.productId, l.unitPriceFen, l.grossFen, l.unitCostFen])).toEqual([[1, 'cut', 9700, 9700, 2500], [2, 'mask', 12800, 12800, 4500]]);
    expect(r.costFen).toBe(7000);
    expect(r.points).toEqual({ tierMultiplierBp: 12_000, campaignMultiplierBp: 10_000, campaignId: null });
  });
});

describe('priceOrder: points and unknown products', () => {
  const double = campaign({ id: 'x2', kind: 'points_multiplier', multiplierBp: 20_000 });
  it('member day doubles on top of the tier', () => expect(ok(priceOrder(input({ member: DIAMOND, campaigns: [double], lines: lines('cut') }))).points).toEqual({ tierMultiplierBp: 15_000, campaignMultiplierBp: 20_000, campaignId: 'x2' }));
  it('a walk-in earns nothing', () => expect(ok(priceOrder(input({ campaigns: [double], lines: lines('cut') }))).points).toEqual({ tierMultiplierBp: 0, campaignMultiplierBp: 10_000, campaignId: null }));
  it('names an unknown product instead of guessing a price', () => expect(priceOrder(input({ lines: lines('cut', 'ghost') }))).toEqual({ ok: false, code: 'unknown_product', productId: 'ghost' }));
  it('has no refusals on a plain sale', () => expect(codes(ok(priceOrder(input({ lines: lines('cut') }))))).toEqual([]));
});
