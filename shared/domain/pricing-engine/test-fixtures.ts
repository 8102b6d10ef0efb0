/** Shared catalog, members and builders for the pricing-engine tests (not a test file itself). */
import { expect } from 'vitest';
import {
  campaignSchema, couponTemplateSchema, pricingInputSchema, type Campaign, type CatalogItem, type CouponTemplate,
  type PriceOrderResult, type PricedOrder, type PricingInput, type PricingMember,
} from '../../schemas/promotions';

/** Wednesday 18 Nov 2026, 14:00 in Shanghai. */
export const AT = Date.UTC(2026, 10, 18, 6, 0);
export const DAY = 86_400_000;

export const CATALOG: CatalogItem[] = [
  { productId: 'cut', name: '洗剪吹', categoryId: 'hair', listPriceFen: 8800, storePriceFen: 9700, costPriceFen: 2500 },
  { productId: 'dye', name: '染发', categoryId: 'hair', listPriceFen: 38000, storePriceFen: null, costPriceFen: 12000 },
  { productId: 'mask', name: '面膜', categoryId: 'skin', listPriceFen: 12800, storePriceFen: null, costPriceFen: 4500 },
  { productId: 'tea', name: '柠檬茶', categoryId: 'drink', listPriceFen: 1850, storePriceFen: null, costPriceFen: 400 },
  { productId: 'penny', name: '试用装', categoryId: 'misc', listPriceFen: 1, storePriceFen: null, costPriceFen: 0 },
  { productId: 'odd', name: '发夹', categoryId: 'misc', listPriceFen: 333, storePriceFen: null, costPriceFen: 100 },
  { productId: 'free', name: '赠品', categoryId: 'misc', listPriceFen: 0, storePriceFen: null, costPriceFen: 50 },
];

const member = (m: Partial<PricingMember> & Pick<PricingMember, 'tierCode' | 'tierName' | 'discountBp'>): PricingMember => ({
  memberId: `m-${m.tierCode}`, categoryDiscountBp: {}, pointsMultiplierBp: 10_000, birthday: null, ...m,
});
// Gold: 9.5折 except drinks at full price; birthday today.
export const GOLD = member({ tierCode: 'gold', tierName: '金卡', discountBp: 9500, categoryDiscountBp: { drink: 10_000 }, pointsMultiplierBp: 12_000, birthday: '1990-11-18' });
// Diamond: 9折, skin care 8.5折; born on 29 February.
export const DIAMOND = member({ tierCode: 'diamond', tierName: '钻石卡', discountBp: 9000, categoryDiscountBp: { skin: 8500 }, pointsMultiplierBp: 15_000, birthday: '1988-02-29' });
export const NORMAL = member({ tierCode: 'normal', tierName: '普通卡', discountBp: 10_000 });

/** `lines('cut', 'tea×3')` → order lines. */
export const lines = (...specs: string[]) =>
  specs.map((s) => {
    const [productId, q] = s.split('×');
    return { productId: productId!, quantity: Number(q ?? 1) };
  });

export const campaign = (c: Record<string, unknown>): Campaign =>
  campaignSchema.parse({ id: 'c', name: '活动', storeIds: null, startsAt: 0, endsAt: AT + 365 * DAY, active: true, ...c });

export const couponT = (t: Record<string, unknown>): CouponTemplate =>
  couponTemplateSchema.parse({ id: 't', name: '优惠券', active: true, validity: { kind: 'fixed', startsAt: 0, endsAt: AT + DAY }, ...t });

export const input = (over: Record<string, unknown>): PricingInput =>
  pricingInputSchema.parse({ storeId: 's1', at: AT, catalog: CATALOG, member: null, ...over });

/** The priced order, after checking the invariants every result must keep. */
export function ok(r: PriceOrderResult): PricedOrder {
  if (!r.ok) throw new Error(`unknown product ${r.productId}`);
  const sum = (f: (l: PricedOrder['lines'][number]) => number) => r.lines.reduce((n, l) => n + f(l), 0);
  expect(sum((l) => l.totalFen)).toBe(r.totalFen);
  expect(r.totalFen).toBeGreaterThanOrEqual(0);
  expect(Object.values(r.discountBySource).reduce((a, b) => a + b, 0)).toBe(r.subtotalFen - r.totalFen);
  for (const l of r.lines) {
    expect(l.totalFen).toBeGreaterThanOrEqual(0);
    expect(l.totalFen).toBeLessThanOrEqual(l.grossFen);
    expect(l.explanation.reduce((n, e) => n + e.amountFen, 0)).toBe(l.discountFen);
    for (const e of l.explanation) expect(e.amountFen).toBeGreaterThan(0);
  }
  return r;
}

/** Non-zero discount sources only, so a table row lists just what it is about. */
export const sources = (r: PricedOrder) => Object.fromEntries(Object.entries(r.discountBySource).filter(([, v]) => v !== 0));
export const codes = (r: PricedOrder) => r.refusals.map((x) => x.code);
