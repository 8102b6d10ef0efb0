/**
 * Stage 5: the coupons the customer hands over, in the order given, each measured on what its
 * lines pay after the campaigns. A coupon that cannot be used is refused with a code, never
 * thrown, so the counter can show why and carry on with the sale.
 */
import type { OwnedCoupon } from '../../schemas/account';
import type { AppliedCoupon, CouponTemplate, Refusal } from '../../schemas/promotions';
import { inCategories } from './applicability';
import { refusal } from './labels';
import type { LineState } from './line-stage';
import { spread, sumFen } from './order-stage';
import { allocate, paidAtBp } from './rounding';

export type CouponContext = {
  storeId: string;
  at: number;
  templates: ReadonlyMap<string, CouponTemplate>;
  owned: ReadonlyMap<string, OwnedCoupon> | null; // null: ownership is checked elsewhere (the account object)
};
export type UsedCoupon = AppliedCoupon & { discountFen: number };

/** Why this coupon cannot be used here and now, before looking at the basket. */
function invalid(ref: AppliedCoupon, t: CouponTemplate, ctx: CouponContext): Refusal['code'] | null {
  if (ctx.owned) {
    const o = ctx.owned.get(ref.couponId);
    if (!o || o.templateId !== ref.templateId) return 'coupon_not_owned';
    if (o.status === 'used') return 'coupon_used';
    if (o.status === 'expired' || ctx.at >= o.expiresAt) return 'coupon_expired';
  }
  if (!t.active) return 'coupon_inactive';
  if (t.validity.kind === 'fixed' && ctx.at < t.validity.startsAt) return 'coupon_not_started';
  if (t.validity.kind === 'fixed' && ctx.at >= t.validity.endsAt) return 'coupon_expired';
  if (t.storeIds && !t.storeIds.includes(ctx.storeId)) return 'coupon_store_mismatch';
  return null;
}

/** Percent coupons cut each line (half up); a cap is then spread over the cuts, not the lines. */
function percentShares(open: readonly LineState[], bp: number, maxOffFen: number | null): number[] {
  const cuts = open.map((l) => l.amountFen - paidAtBp(l.amountFen, bp));
  const total = cuts.reduce((a, b) => a + b, 0);
  return maxOffFen !== null && total > maxOffFen ? allocate(maxOffFen, cuts) : cuts;
}

export function applyCoupons(lines: readonly LineState[], coupons: readonly AppliedCoupon[], ctx: CouponContext): { used: UsedCoupon[]; refusals: Refusal[] } {
  const used: UsedCoupon[] = [];
  const refusals: Refusal[] = [];
  const seen = new Set<string>();
  for (const ref of coupons) {
    const t = ctx.templates.get(ref.templateId);
    const name = t?.name ?? ref.templateId;
    const no = (code: Refusal['code'], params: Refusal['params'] = {}) => refusals.push(refusal(code, ref.couponId, name, params));
    if (seen.has(ref.couponId)) { no('coupon_duplicate'); continue; }
    seen.add(ref.couponId);
    if (!t) { no('coupon_unknown_template'); continue; }
    const code = invalid(ref, t, ctx);
    if (code) { no(code); continue; }
    const matching = lines.filter((l) => inCategories(t.categoryIds, l.item.categoryId));
    if (matching.length === 0) { no('coupon_category_mismatch'); continue; }
    // Lines under a campaign marked "not with coupons" keep the campaign; the coupon skips them.
    const open = matching.filter((l) => !l.couponBlocked);
    if (open.length === 0) { no('coupon_not_stackable'); continue; }
    const baseFen = sumFen(open);
    const minSpendFen = t.kind === 'threshold' ? t.thresholdFen : t.minSpendFen;
    if (baseFen < minSpendFen) { no('coupon_below_min_spend', { minSpendFen, baseFen }); continue; }
    const label = t.name;
    const params = { name: t.name, kind: t.kind };
    const exp = (s: number) => ({ kind: 'coupon' as const, label, amountFen: s, refId: ref.couponId, params });
    let discountFen: number;
    if (t.kind === 'percent') {
      const shares = percentShares(open, t.discountBp, t.maxOffFen);
      discountFen = shares.reduce((a, b) => a + b, 0);
      open.forEach((l, i) => {
        const s = shares[i]!;
        if (s > 0) { l.amountFen -= s; l.explanation.push(exp(s)); }
      });
    } else {
      discountFen = Math.min(t.kind === 'cash' ? t.amountFen : t.offFen, baseFen);
      spread(open, discountFen, exp);
    }
    if (discountFen === 0) { no('coupon_no_effect'); continue; }
    used.push({ ...ref, discountFen });
  }
  return { used, refusals };
}
