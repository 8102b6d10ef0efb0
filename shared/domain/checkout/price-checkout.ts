/**
 * A checkout priced the one way: the tablet's cart, its optimistic sale and the server's settlement
 * all call `priceCheckout` with what each knows (synced rows on the tablet, D1 on the server), so
 * the total the clerk showed is the total the server checks the tenders against.
 */
import { DomainError } from '../../errors';
import type { OwnedCoupon } from '../../schemas/account';
import type { Tier } from '../../schemas/member';
import { MONEY_TENDERS, type OrderInput, type Tender } from '../../schemas/order';
import type { Campaign, CatalogItem, CouponTemplate, PriceOrderResult, PricedOrder, PricingMember, Refusal } from '../../schemas/promotions';
import type { ChainRules } from '../../schemas/rules';
import { pointsFor, priceOrder } from '../pricing-engine';

export type CheckoutOrder = Pick<OrderInput, 'storeId' | 'createdAt' | 'lines' | 'coupons' | 'manualDiscount'>;
export type CheckoutContext = {
  catalog: readonly CatalogItem[];
  member: { id: string; birthday: string | null } | null;
  tier: Tier | null;
  rules: ChainRules;
  campaigns: readonly Campaign[];
  couponTemplates: readonly CouponTemplate[];
  /** The member's coupons when this side knows them; null leaves ownership to the member's object. */
  ownedCoupons: readonly OwnedCoupon[] | null;
};

// A tier synced before issue 18 carried the column's JSON text: treat anything but an object as none.
const categoryRates = (tier: Tier): Record<string, number> => (tier.categoryDiscounts && typeof tier.categoryDiscounts === 'object' ? { ...tier.categoryDiscounts } : {});

export function pricingMember(member: { id: string; birthday: string | null }, tier: Tier): PricingMember {
  return { memberId: member.id, tierCode: tier.code, tierName: tier.name, discountBp: tier.discountBp, categoryDiscountBp: categoryRates(tier), pointsMultiplierBp: tier.pointsMultiplierBp, birthday: member.birthday };
}

export function priceCheckout(order: CheckoutOrder, ctx: CheckoutContext): PriceOrderResult {
  return priceOrder({
    storeId: order.storeId,
    at: order.createdAt,
    lines: order.lines,
    catalog: [...ctx.catalog],
    member: ctx.member && ctx.tier ? pricingMember(ctx.member, ctx.tier) : null,
    campaigns: [...ctx.campaigns],
    birthdayBenefit: ctx.rules.birthdayBenefit,
    coupons: order.coupons,
    couponTemplates: [...ctx.couponTemplates],
    ownedCoupons: ctx.ownedCoupons ? [...ctx.ownedCoupons] : null,
    manualDiscount: order.manualDiscount,
  });
}

type PaidWith = Pick<Tender, 'kind' | 'amountFen'> & { productId?: string };
const moneyPaid = (tenders: readonly PaidWith[]) => tenders.filter((t) => MONEY_TENDERS.includes(t.kind)).reduce((n, t) => n + t.amountFen, 0);

/**
 * The money that earns points: all of it when every line does; otherwise its share of the lines
 * that do. Punch cards pay their own product's lines first; the money and points pay the rest
 * pro rata, so the money's share of the eligible rest is money × eligible rest ÷ rest (down).
 */
export function pointsEligibleMoneyFen(priced: Pick<PricedOrder, 'lines' | 'totalFen'>, tenders: readonly PaidWith[]): number {
  const money = moneyPaid(tenders);
  const eligible = (productId: string) => priced.lines.some((l) => l.productId === productId && l.pointsEligible !== false);
  const eligibleFen = priced.lines.reduce((n, l) => n + (l.pointsEligible === false ? 0 : l.totalFen), 0);
  if (money === 0 || eligibleFen === priced.totalFen) return money;
  const punch = tenders.filter((t) => t.kind === 'punch_card');
  const punchedFen = punch.reduce((n, t) => n + t.amountFen, 0);
  const punchedEligibleFen = punch.reduce((n, t) => n + (t.productId && eligible(t.productId) ? t.amountFen : 0), 0);
  const rest = priced.totalFen - punchedFen;
  const eligibleRest = eligibleFen - punchedEligibleFen;
  if (rest <= 0 || eligibleRest <= 0) return 0;
  return Number((BigInt(money) * BigInt(eligibleRest)) / BigInt(rest));
}

/** Points the sale earns: the money paid for lines that earn points × points per yuan × tier and campaign multipliers. */
export const pointsEarnedOn = (priced: PricedOrder, tenders: readonly PaidWith[], rules: ChainRules): number =>
  pointsFor(pointsEligibleMoneyFen(priced, tenders), rules.pointsPerYuan, priced.points.tierMultiplierBp, priced.points.campaignMultiplierBp);

/** What points used as payment are worth, rounded down to the fen. */
export const pointsWorthFen = (points: number, rules: Pick<ChainRules, 'pointValueFenPer100'>): number => Math.floor((points * rules.pointValueFenPer100) / 100);

const REFUSAL_CODES = { coupon_used: 'COUPON_USED', coupon_expired: 'COUPON_EXPIRED', manual_needs_approval: 'FORBIDDEN' } as const;

/** The engine's refusal as the error a sale carrying that coupon or discount is refused with. */
export function refusalError(r: Refusal): DomainError {
  const code = (REFUSAL_CODES as Record<string, 'COUPON_USED' | 'COUPON_EXPIRED' | 'FORBIDDEN'>)[r.code] ?? 'VALIDATION_FAILED';
  return new DomainError(code, r.message, { details: { refusal: r.code, refId: r.refId } });
}

/**
 * A sale as sent must be the sale as priced: every coupon and discount it carries applies, and the
 * tenders add up to the total. Returns the priced order or throws the reason.
 */
export function checkCheckout(order: CheckoutOrder & Pick<OrderInput, 'tenders' | 'memberId'>, ctx: CheckoutContext): PricedOrder {
  const priced = priceCheckout(order, ctx);
  if (!priced.ok) throw new DomainError('VALIDATION_FAILED', `lines: unknown or archived product ${priced.productId}`);
  const refusal = priced.refusals[0];
  if (refusal) throw refusalError(refusal);
  const paid = order.tenders.reduce((n, t) => n + t.amountFen, 0);
  if (paid !== priced.totalFen) {
    throw new DomainError('VALIDATION_FAILED', `tenders: they add up to ${paid} fen but the order total is ${priced.totalFen} fen`, { details: { totalFen: priced.totalFen, tenderedFen: paid } });
  }
  const needsMember = order.coupons.length > 0 || order.tenders.some((t) => !MONEY_TENDERS.includes(t.kind) || t.kind === 'stored_value');
  if (!order.memberId && needsMember) throw new DomainError('VALIDATION_FAILED', 'tenders: stored value, points, punch cards and coupons need a member');
  const punched = new Map<string, number>();
  for (const t of order.tenders) {
    if (t.kind !== 'punch_card') continue;
    const before = punched.get(t.productId) ?? 0;
    const uses = before + t.uses;
    punched.set(t.productId, uses);
    const quantity = priced.lines.filter((l) => l.productId === t.productId).reduce((n, l) => n + l.quantity, 0);
    if (uses > quantity) throw new DomainError('VALIDATION_FAILED', `tenders: ${uses} punch-card uses for ${t.productId}, but the order has ${quantity}`);
    // Cumulative, so the units of several cards add up to the line exactly.
    const worth = punchWorthFen(priced.lines, t.productId, uses) - punchWorthFen(priced.lines, t.productId, before);
    if (t.amountFen !== worth) throw new DomainError('VALIDATION_FAILED', `tenders: ${t.uses} uses of ${t.productId} are worth ${worth} fen on this order, not ${t.amountFen}`, { details: { worthFen: worth } });
  }
  for (const t of order.tenders) {
    if (t.kind !== 'points') continue;
    const worth = pointsWorthFen(t.points, ctx.rules);
    if (t.amountFen !== worth) throw new DomainError('VALIDATION_FAILED', `tenders: ${t.points} points are worth ${worth} fen, not ${t.amountFen}`);
  }
  return priced;
}

/**
 * What `uses` units of a product cost on this order (after its discounts): a punch card pays that,
 * so a visit is valued at what the member would have paid for it. Rounded down to the fen.
 */
export function punchWorthFen(lines: readonly { productId: string; quantity: number; totalFen: number }[], productId: string, uses: number): number {
  const of = lines.filter((l) => l.productId === productId);
  const quantity = of.reduce((n, l) => n + l.quantity, 0);
  const total = of.reduce((n, l) => n + l.totalFen, 0);
  return quantity === 0 ? 0 : Math.floor((total * Math.min(uses, quantity)) / quantity);
}
