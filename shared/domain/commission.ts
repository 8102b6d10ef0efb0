import type { CommissionRule } from '../schemas/commission';

/** A clerk's period at one store, as the reports' rollups give it. Sales are net of discounts and refunds. */
export type ClerkFigures = {
  /** Sales per calendar month (YYYY-MM) of the period: tiers apply per month. */
  months: readonly { month: string; salesFen: number }[];
  /** Sales per product, with the product's category when sold. */
  lines: readonly { productId: string; categoryId: string; salesFen: number }[];
  cardsOpened: number;
  recharges: number;
  punchCards: number;
};

export type CommissionPart = { kind: CommissionRule['kind']; baseFen: number; count: number; fen: number };

/** base × rate, rounded half away from zero to the fen. */
export const pct = (baseFen: number, rateBp: number): number => Math.sign(baseFen) * Math.round((Math.abs(baseFen) * rateBp) / 10_000);

type Tier = { fromFen: number; rateBp: number };

/**
 * 阶梯提成 on one month's sales. `marginal`: each tier's rate on the slice of sales inside it
 * (like income tax: crossing a threshold never lowers or jumps what was earned). `whole`: the rate
 * of the highest tier reached, on all of it. Returned sales (a negative month) claw back at the
 * first tier's rate.
 */
export function tieredFen(salesFen: number, tiers: readonly Tier[], mode: 'marginal' | 'whole'): number {
  if (tiers.length === 0) return 0;
  if (salesFen <= 0) return pct(salesFen, tiers[0]!.rateBp);
  if (mode === 'whole') {
    const reached = [...tiers].reverse().find((t) => salesFen >= t.fromFen) ?? tiers[0]!;
    return pct(salesFen, reached.rateBp);
  }
  let fen = 0;
  tiers.forEach((t, i) => {
    const upTo = Math.min(salesFen, tiers[i + 1]?.fromFen ?? Infinity);
    if (upTo > t.fromFen) fen += ((upTo - t.fromFen) * t.rateBp) / 10_000;
  });
  return Math.round(fen);
}

/**
 * What one plan's rules pay a clerk, rule by rule. A product's own percent rule takes precedence
 * over its category's in the same plan (the more specific rule wins; sales are never paid twice).
 */
export function planParts(rules: readonly CommissionRule[], f: ClerkFigures): CommissionPart[] {
  const productRules = new Set(rules.flatMap((r) => (r.kind === 'product_percent' ? [r.productId] : [])));
  return rules.map((r): CommissionPart => {
    switch (r.kind) {
      case 'product_percent': {
        const base = f.lines.filter((l) => l.productId === r.productId).reduce((s, l) => s + l.salesFen, 0);
        return { kind: r.kind, baseFen: base, count: 0, fen: pct(base, r.rateBp) };
      }
      case 'category_percent': {
        const base = f.lines.filter((l) => l.categoryId === r.categoryId && !productRules.has(l.productId)).reduce((s, l) => s + l.salesFen, 0);
        return { kind: r.kind, baseFen: base, count: 0, fen: pct(base, r.rateBp) };
      }
      case 'per_card_opened':
        return { kind: r.kind, baseFen: 0, count: f.cardsOpened, fen: f.cardsOpened * r.fen };
      case 'per_recharge':
        return { kind: r.kind, baseFen: 0, count: f.recharges, fen: f.recharges * r.fen };
      case 'per_punch_card':
        return { kind: r.kind, baseFen: 0, count: f.punchCards, fen: f.punchCards * r.fen };
      case 'tiered_sales': {
        const base = f.months.reduce((s, m) => s + m.salesFen, 0);
        const fen = f.months.reduce((s, m) => s + tieredFen(m.salesFen, r.tiers, r.mode), 0);
        return { kind: r.kind, baseFen: base, count: f.months.length, fen };
      }
    }
  });
}

/** Whether a plan covers a store: no stores listed means every store. */
export const planCovers = (plan: { storeIds: readonly string[]; active: boolean }, storeId: string): boolean =>
  plan.active && (plan.storeIds.length === 0 || plan.storeIds.includes(storeId));
