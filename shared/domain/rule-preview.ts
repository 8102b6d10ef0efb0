/**
 * What a rule change does to one example sale: the same sale priced under the rules in force and
 * under HQ's candidate, by the counter's own code (priceCheckout → the pricing engine, points and
 * the recharge bonus), so the preview can never disagree with what a tablet would charge.
 */
import type { Tier } from '../schemas/member';
import type { Campaign, CatalogItem } from '../schemas/promotions';
import type { ChainRules, ExampleSale, PreviewOutcome, RulePreview } from '../schemas/rules';
import { rechargeBonus } from './account/recharge-rules';
import { localClock } from './pricing-engine';
import { pointsEarnedOn, priceCheckout } from './checkout/price-checkout';

export type RuleSet = { rules: ChainRules; tiers: readonly Tier[] };
export type PreviewInput = {
  current: RuleSet;
  candidate: RuleSet;
  sale: ExampleSale & { at: number };
  catalog: readonly CatalogItem[];
  campaigns: readonly Campaign[];
};

/** A member on their birthday (when asked) at `at`, local date; any year will do. */
const exampleMember = (sale: PreviewInput['sale']) => ({ id: 'preview-member', birthday: sale.birthday ? `1990-${localClock(sale.at).date.slice(5)}` : null });

export function outcomeUnder(set: RuleSet, input: Omit<PreviewInput, 'current' | 'candidate'>): PreviewOutcome {
  const { sale } = input;
  const tier = sale.tierCode ? (set.tiers.find((t) => t.code === sale.tierCode) ?? null) : null;
  const priced = priceCheckout(
    { storeId: sale.storeId, createdAt: sale.at, lines: sale.lines, coupons: [], manualDiscount: null },
    { catalog: input.catalog, member: tier ? exampleMember(sale) : null, tier, rules: set.rules, campaigns: input.campaigns, couponTemplates: [], ownedCoupons: null },
  );
  if (!priced.ok) throw new Error(`unknown product ${priced.productId}`);
  // Paid in full with money (cash): the case where every yuan earns points.
  const points = tier ? pointsEarnedOn(priced, [{ kind: 'cash', amountFen: priced.totalFen }], set.rules) : 0;
  return {
    subtotalFen: priced.subtotalFen,
    discountFen: priced.discountFen,
    discountBySource: priced.discountBySource,
    totalFen: priced.totalFen,
    points,
    rechargeBonusFen: sale.rechargeFen > 0 ? rechargeBonus(sale.rechargeFen, set.rules.rechargeRules) : 0,
    lines: priced.lines.map((l) => ({ productId: l.productId, name: l.name, totalFen: l.totalFen, explanation: l.explanation.map((e) => e.label) })),
  };
}

export function previewRules(input: PreviewInput): RulePreview {
  const current = outcomeUnder(input.current, input);
  const candidate = outcomeUnder(input.candidate, input);
  return {
    current,
    candidate,
    delta: { totalFen: candidate.totalFen - current.totalFen, points: candidate.points - current.points, rechargeBonusFen: candidate.rechargeBonusFen - current.rechargeBonusFen },
  };
}
