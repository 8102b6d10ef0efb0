import { campaignSchema, couponTemplateSchema, type Campaign, type CouponTemplate } from '../../shared/schemas/promotions';
import { rewardSchema, type Reward } from '../../shared/schemas/rewards';

const DAY = 86_400_000;

/** The demo chain's promotions, around the seed's "now": validated by the same schemas the engine reads. */
export function demoPromotions(anchor: number): { campaigns: Campaign[]; couponTemplates: CouponTemplate[] } {
  const from = anchor - 30 * DAY, to = anchor + 365 * DAY;
  const campaigns = [
    { id: 'cmp-member-day', name: '会员日双倍积分', kind: 'points_multiplier', multiplierBp: 20_000, storeIds: null, startsAt: from, endsAt: to, weekdays: [3], active: true, membersOnly: true },
    { id: 'cmp-s1-200-30', name: '天河店满200减30', kind: 'threshold', thresholdFen: 20_000, offFen: 3_000, storeIds: ['store-1'], startsAt: from, endsAt: to, active: true },
    { id: 'cmp-s3-drinks', name: '海珠店茶饮9折', kind: 'percent_off', discountBp: 9_000, categoryIds: ['cat-drinks'], storeIds: ['store-3'], startsAt: from, endsAt: to, active: true },
  ].map((c) => campaignSchema.parse(c));
  const couponTemplates = [
    { id: 'ctpl-welcome-10', name: '新会员10元券', kind: 'cash', amountFen: 1_000, minSpendFen: 5_000, active: true, validity: { kind: 'days_after_issue', days: 30 } },
    { id: 'ctpl-care-85', name: '护理8.5折券', kind: 'percent', discountBp: 8_500, maxOffFen: 5_000, active: true, validity: { kind: 'days_after_issue', days: 60 }, categoryIds: ['cat-beauty'] },
  ].map((c) => couponTemplateSchema.parse(c));
  return { campaigns, couponTemplates };
}

/** 积分兑换: the demo chain's rewards for points (a coupon, a gift collected at the counter). */
export function demoRewards(): Reward[] {
  return [
    { id: 'rw-coupon-10', name: '10元代金券', nameEn: '¥10 voucher', description: '满50元可用，30天有效', kind: 'coupon', pointsCost: 500, couponTemplateId: 'ctpl-welcome-10', active: true },
    { id: 'rw-care-85', name: '护理8.5折券', nameEn: '15% off a treatment', description: '美容护理类可用，60天有效', kind: 'coupon', pointsCost: 1200, couponTemplateId: 'ctpl-care-85', perMemberLimit: 2, active: true },
    { id: 'rw-shampoo', name: '控油洗发水一瓶', nameEn: 'A bottle of shampoo', description: '凭取货码到天河店或越秀店领取', kind: 'product', pointsCost: 3000, productId: 'p-401', stock: 50, storeIds: ['store-1', 'store-2'], active: true },
  ].map((r) => rewardSchema.parse(r));
}
