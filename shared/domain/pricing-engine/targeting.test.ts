import { describe, expect, it } from 'vitest';
import { pricingMember } from '../checkout/price-checkout';
import { priceOrder } from './price-order';
import { DIAMOND, GOLD, NORMAL, campaign, input, lines, ok, sources } from './test-fixtures';

// Issue 18: campaigns aimed at tiers and at products, and tiers' per-category rates from the tiers table.
const pct = (c: Record<string, unknown>) => campaign({ kind: 'percent_off', discountBp: 8000, ...c });

describe('campaign targets: tiers and products', () => {
  it.each([
    ['a gold-only campaign reaches gold', { member: GOLD, campaigns: [pct({ tierCodes: ['gold'], categoryIds: ['skin'] })] }, lines('mask'), 9728, { tier: 640, campaign_percent: 2432 }],
    ['and not diamond', { member: DIAMOND, campaigns: [pct({ tierCodes: ['gold'], categoryIds: ['skin'] })] }, lines('mask'), 10880, { tier: 1920 }],
    ['nor a walk-in', { campaigns: [pct({ tierCodes: ['gold', 'diamond'] })] }, lines('mask'), 12800, {}],
    ['a product target alone leaves the rest of its category', { campaigns: [pct({ productIds: ['dye'] })] }, lines('dye', 'cut'), 30400 + 9700, { campaign_percent: 7600 }],
    ['category or product: either is enough', { campaigns: [pct({ categoryIds: ['skin'], productIds: ['tea'] })] }, lines('mask', 'tea', 'cut'), 10240 + 1480 + 9700, { campaign_percent: 2560 + 370 }],
    ['满减 on listed products only', { campaigns: [campaign({ kind: 'threshold', thresholdFen: 30000, offFen: 5000, productIds: ['dye'] })] }, lines('dye', 'mask'), 33000 + 12800, { campaign_threshold: 5000 }],
    ['a doc without the new fields (synced before) reaches everyone', { member: NORMAL, campaigns: [{ ...pct({}), tierCodes: undefined, productIds: undefined }] }, lines('cut'), 7760, { campaign_percent: 1940 }],
  ])('%s', (_n, over, ls, total, src) => {
    const r = ok(priceOrder(input({ ...over, lines: ls })));
    expect(r.totalFen).toBe(total);
    expect(sources(r)).toEqual(src);
  });
});

describe('tiers table → pricing member', () => {
  const tier = { code: 'gold' as const, name: '金卡', nameEn: 'Gold', rank: 3, upgradeSpendFen: 1, keepSpendFen: 0, discountBp: 9500, pointsMultiplierBp: 12_000 };
  it.each([
    ['per-category rate from the tier row', { ...tier, categoryDiscounts: { skin: 8000 } }, { skin: 8000 }],
    ['none set', tier, {}],
    ['a pre-issue-18 tablet row (JSON text) counts as none', { ...tier, categoryDiscounts: '{"skin":8000}' as unknown as Record<string, number> }, {}],
  ])('%s', (_n, t, expected) => {
    expect(pricingMember({ id: 'm', birthday: null }, t).categoryDiscountBp).toEqual(expected);
  });

  it('the engine charges the category rate', () => {
    const member = pricingMember({ id: 'm', birthday: null }, { ...tier, categoryDiscounts: { skin: 8000 } });
    expect(ok(priceOrder(input({ member, lines: lines('mask', 'cut') }))).totalFen).toBe(10240 + 9215);
  });
});
