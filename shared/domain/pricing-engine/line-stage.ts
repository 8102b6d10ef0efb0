/**
 * Stages 1–3, which look at one line at a time: store price → member (tier, birthday) → the
 * line's percent campaign. Each keeps its own half-up rounding on the line (rounding.ts).
 */
import type { BirthdayBenefit, Campaign, CatalogItem, Explanation, PricingMember } from '../../schemas/promotions';
import { inCategories, inLineTargets } from './applicability';
import { zhe } from './labels';
import { paidAtBp } from './rounding';

/** A way of pricing a line so far: what it pays, why, and whether a campaign on it bars coupons. */
export type Variant = { amountFen: number; explanation: Explanation[]; couponBlocked: boolean };

export type LineState = Variant & {
  lineNo: number;
  item: CatalogItem;
  quantity: number;
  unitPriceFen: number;
  grossFen: number;
  hasMemberDiscount: boolean;
  // The same line without tier/birthday discount: what a 满减 that does not stack with them sees.
  memberFree: Variant;
  thresholdClaimed: boolean;
};

export type LineContext = {
  member: PricingMember | null;
  birthday: BirthdayBenefit | null; // null unless it is on today for this member
  percentCampaigns: readonly Campaign[]; // on now, highest priority first
};

const off = (kind: Explanation['kind'], label: string, amountFen: number, refId: string | null, params: Explanation['params']): Explanation[] =>
  amountFen > 0 ? [{ kind, label, amountFen, refId, params }] : [];

/** Tier rate for the category, then the birthday rate on top of it or instead of it. */
function memberPrice(gross: number, categoryId: string, ctx: LineContext): { amountFen: number; explanation: Explanation[] } {
  const m = ctx.member;
  if (!m) return { amountFen: gross, explanation: [] };
  const tierBp = m.categoryDiscountBp[categoryId] ?? m.discountBp;
  const afterTier = paidAtBp(gross, tierBp);
  const tierExp = off('tier', `${m.tierName} ${zhe(tierBp)}`, gross - afterTier, m.tierCode, { tier: m.tierName, bp: tierBp });
  const b = ctx.birthday;
  const bdayBp = b && inCategories(b.categoryIds, categoryId) ? b.discountBpByTier[m.tierCode] : undefined;
  if (!b || bdayBp === undefined) return { amountFen: afterTier, explanation: tierExp };
  const label = `${b.scope === 'day' ? '生日' : '生日月'} ${zhe(bdayBp)}`;
  if (b.stacksWithTier) {
    const after = paidAtBp(afterTier, bdayBp);
    return { amountFen: after, explanation: [...tierExp, ...off('birthday', label, afterTier - after, null, { bp: bdayBp, scope: b.scope })] };
  }
  const bdayOnly = paidAtBp(gross, bdayBp);
  // Not stacking: the better of the two for the customer; a tie keeps the everyday tier rate.
  if (bdayOnly >= afterTier) return { amountFen: afterTier, explanation: tierExp };
  return { amountFen: bdayOnly, explanation: off('birthday', label, gross - bdayOnly, null, { bp: bdayBp, scope: b.scope }) };
}

function withCampaign(base: Variant, c: Campaign & { kind: 'percent_off' }): Variant {
  const amountFen = paidAtBp(base.amountFen, c.discountBp);
  const exp = off('campaign_percent', `${c.name} ${zhe(c.discountBp)}`, base.amountFen - amountFen, c.id, { bp: c.discountBp, name: c.name });
  return { amountFen, explanation: [...base.explanation, ...exp], couponBlocked: base.couponBlocked || !c.stacksWithCoupons };
}

export function priceLine(lineNo: number, item: CatalogItem, quantity: number, ctx: LineContext): LineState {
  const unitPriceFen = item.storePriceFen ?? item.listPriceFen;
  const grossFen = unitPriceFen * quantity;
  const bare: Variant = { amountFen: grossFen, explanation: [], couponBlocked: false };
  const member: Variant = { ...memberPrice(grossFen, item.categoryId, ctx), couponBlocked: false };
  // One percent campaign per line: the operator's priority decides, not the deepest cut.
  const c = ctx.percentCampaigns.find((x) => x.kind === 'percent_off' && inLineTargets(x, item));
  let cur = member;
  let memberFree = bare;
  if (c && c.kind === 'percent_off') {
    memberFree = withCampaign(bare, c);
    if (c.stacksWithTierDiscount) cur = withCampaign(member, c);
    // 不与会员折扣同享: the customer gets the better of member price and campaign price.
    else if (memberFree.amountFen < member.amountFen) cur = memberFree;
  }
  const hasMemberDiscount = cur.explanation.some((e) => e.kind === 'tier' || e.kind === 'birthday');
  // Fresh arrays: later stages push onto the line's list and must not touch the alternative.
  return { lineNo, item, quantity, unitPriceFen, grossFen, ...cur, explanation: [...cur.explanation], hasMemberDiscount, memberFree, thresholdClaimed: false };
}
