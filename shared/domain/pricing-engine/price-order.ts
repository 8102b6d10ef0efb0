/**
 * `priceOrder`: the whole counter price of an order, from catalog to total, as one pure function
 * (tablet and server run this same code, so the receipt and the ledger agree). The stages and the
 * rounding rule are documented in index.ts; each stage lives in its own file.
 */
import type { Campaign, DiscountSource, PriceOrderResult, PricedOrder, PricingInput } from '../../schemas/promotions';
import { campaignOn, isBirthday, localClock } from './applicability';
import { applyCoupons } from './coupon-stage';
import { priceLine } from './line-stage';
import { applyManual, applyThresholds } from './order-stage';
import { campaignMultiplier } from './points';

/** Higher priority first; equal priorities by id so every device picks the same one. */
const byPriority = (a: Campaign, b: Campaign) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const SOURCES: readonly DiscountSource[] = ['tier', 'birthday', 'campaign_percent', 'campaign_threshold', 'coupon', 'manual'];

export function priceOrder(input: PricingInput): PriceOrderResult {
  const catalog = new Map(input.catalog.map((i) => [i.productId, i]));
  // An unknown product is not a refusal to carry on from: the order cannot be priced at all.
  const missing = input.lines.find((l) => !catalog.has(l.productId));
  if (missing) return { ok: false, code: 'unknown_product', productId: missing.productId };

  const { member, storeId, at } = input;
  const clock = localClock(at);
  const on = input.campaigns.filter((c) => campaignOn(c, { storeId, at, isMember: member !== null, tierCode: member?.tierCode ?? null }, clock)).sort(byPriority);
  const b = input.birthdayBenefit;
  const birthday = b?.active && member && isBirthday(member.birthday, b.scope, at) ? b : null;

  // Stages 1–3 per line: store price → member (tier, birthday) → percent campaign.
  const percentCampaigns = on.filter((c) => c.kind === 'percent_off');
  const lines = input.lines.map((l, i) => priceLine(i + 1, catalog.get(l.productId)!, l.quantity, { member, birthday, percentCampaigns }));
  // Stage 4: 满减. Stage 5: coupons. Stage 6: manual.
  applyThresholds(lines, on.filter((c) => c.kind === 'threshold'));
  const coupons = applyCoupons(lines, input.coupons, {
    storeId,
    at,
    templates: new Map(input.couponTemplates.map((t) => [t.id, t])),
    owned: input.ownedCoupons ? new Map(input.ownedCoupons.map((c) => [c.id, c])) : null,
  });
  const manualRefusals = applyManual(lines, input.manualDiscount);

  const discountBySource = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<DiscountSource, number>;
  for (const l of lines) for (const e of l.explanation) discountBySource[e.kind] += e.amountFen;
  const out: PricedOrder['lines'] = lines.map((l) => ({
    lineNo: l.lineNo,
    productId: l.item.productId,
    name: l.item.name,
    categoryId: l.item.categoryId,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    grossFen: l.grossFen,
    discountFen: l.grossFen - l.amountFen,
    totalFen: l.amountFen,
    unitCostFen: l.item.costPriceFen,
    explanation: l.explanation,
    pointsEligible: l.item.pointsEligible !== false,
  }));
  const subtotalFen = out.reduce((n, l) => n + l.grossFen, 0);
  const totalFen = out.reduce((n, l) => n + l.totalFen, 0);
  return {
    ok: true,
    lines: out,
    subtotalFen,
    discountFen: subtotalFen - totalFen,
    discountBySource,
    totalFen,
    costFen: out.reduce((n, l) => n + l.unitCostFen * l.quantity, 0),
    // No member, no points: 0 makes pointsFor give 0 even if a caller forgets to check.
    points: { tierMultiplierBp: member?.pointsMultiplierBp ?? 0, ...campaignMultiplier(member ? on : []) },
    coupons: coupons.used,
    refusals: [...coupons.refusals, ...manualRefusals],
  };
}
