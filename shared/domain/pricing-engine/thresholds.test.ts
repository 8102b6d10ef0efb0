import { describe, expect, it } from 'vitest';
import { priceOrder } from './price-order';
import { GOLD, campaign, codes, couponT, input, lines, ok, sources } from './test-fixtures';

const man = (thresholdFen: number, offFen: number, c: Record<string, unknown> = {}) => campaign({ id: `m${thresholdFen}-${offFen}`, name: '满减', kind: 'threshold', thresholdFen, offFen, ...c });
const many = (spec: string, n: number) => lines(...Array.from({ length: n }, () => spec));

describe('满减 campaigns (stage 4)', () => {
  it.each([
    ['reached once', {}, [man(30_000, 5000)], lines('dye'), [33_000]],
    ['not reached', {}, [man(30_000, 5000)], lines('cut×3'), [29_100]],
    ['exactly at the threshold, split by line size', {}, [man(30_000, 5000)], lines('cut×3', 'penny×900'), [24_250, 750]],
    ['non-repeating counts once', {}, [man(10_000, 1000)], lines('dye'), [37_000]],
    ['每满100减10 counts every full 100', {}, [man(10_000, 1000, { repeat: true })], lines('dye'), [35_000]],
    ['repeating up to maxTimes', {}, [man(10_000, 1000, { repeat: true, maxTimes: 2 })], lines('dye'), [36_000]],
    ['hair-only: the skin line does not count toward it', {}, [man(20_000, 3000, { categoryIds: ['hair'] })], lines('cut×2', 'mask'), [19_400, 12_800]],
    ['hair-only: only the hair line gets the cut', {}, [man(20_000, 3000, { categoryIds: ['hair'] })], lines('cut×3', 'mask'), [26_100, 12_800]],
    ['measured on what is paid after the percent campaign (实付满)', {}, [campaign({ id: 'p', kind: 'percent_off', discountBp: 8000 }), man(35_000, 5000)], lines('dye'), [30_400]],
    ['an unreached 满减 does not use up its lines', {}, [man(10_000, 1000, { categoryIds: ['hair'], priority: 2 }), man(10_000, 2000, { priority: 1 })], lines('cut', 'mask'), [8838, 11_662]],
    ['a line joins one 满减 only, by priority', {}, [man(10_000, 1000, { categoryIds: ['hair'], priority: 2 }), man(10_000, 2000, { priority: 1 })], lines('dye', 'mask'), [37_000, 10_800]],
    ['never more than what the lines pay', {}, [man(100, 500)], lines('odd'), [0]],
    ['odd split: the extra fen goes to the first line', {}, [man(300, 100)], lines('odd', 'odd', 'odd'), [299, 300, 300]],
    ['1-fen lines: three of five lines go to 0', {}, [man(5, 3)], many('penny', 5), [0, 0, 0, 1, 1]],
    ['a free line takes none of the cut', {}, [man(300, 100)], lines('free', 'odd'), [0, 233]],
    ['not with tier: dropping the tier is better', { member: GOLD }, [man(30_000, 8000, { stacksWithTierDiscount: false })], lines('dye'), [30_000]],
    ['not with tier: keeping the tier is better', { member: GOLD }, [man(30_000, 1000, { stacksWithTierDiscount: false })], lines('dye'), [36_100]],
    ['not with tier: runs on the lines without a member discount', { member: GOLD }, [man(5000, 1000, { stacksWithTierDiscount: false })], lines('tea×3', 'cut'), [4550, 9215]],
  ])('%s', (_n, over, campaigns, ls, totals) => {
    const r = ok(priceOrder(input({ ...over, campaigns, lines: ls })));
    expect(r.lines.map((l) => l.totalFen)).toEqual(totals);
  });

  it('spreads a cut over 41 equal lines: 24 fen each, the first 16 one more', () => {
    const r = ok(priceOrder(input({ campaigns: [man(10_000, 1000, { repeat: true })], lines: many('odd', 41) })));
    expect(r.totalFen).toBe(41 * 333 - 1000);
    expect(r.lines.filter((l) => l.discountFen === 25)).toHaveLength(16);
    expect(r.lines.filter((l) => l.discountFen === 24)).toHaveLength(25);
  });

  it('labels repeats and says which campaign', () => {
    const r = ok(priceOrder(input({ campaigns: [man(10_000, 1000, { repeat: true, name: '周年庆' })], lines: lines('dye') })));
    expect(r.lines[0]!.explanation).toEqual([
      { kind: 'campaign_threshold', label: '周年庆 满100减10 ×3', amountFen: 3000, refId: 'm10000-1000', params: { thresholdFen: 10_000, offFen: 1000, times: 3, name: '周年庆' } },
    ]);
  });

  it('dropping the tier for a 满减 also drops it from the explanation', () => {
    const r = ok(priceOrder(input({ member: GOLD, campaigns: [man(30_000, 8000, { stacksWithTierDiscount: false })], lines: lines('dye') })));
    expect(sources(r)).toEqual({ campaign_threshold: 8000 });
  });

  it('a 满减 not stackable with coupons keeps its lines from them', () => {
    const r = ok(
      priceOrder(
        input({
          campaigns: [man(20_000, 2000, { stacksWithCoupons: false })],
          lines: lines('dye'),
          coupons: [{ couponId: 'k', templateId: 't' }],
          couponTemplates: [couponT({ kind: 'cash', amountFen: 500 })],
        }),
      ),
    );
    expect(r.totalFen).toBe(36_000);
    expect(codes(r)).toEqual(['coupon_not_stackable']);
  });
});
