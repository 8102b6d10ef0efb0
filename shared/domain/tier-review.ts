import type { TierReviewPolicy } from '../schemas/rules';

/** A tier as the review sees it (the `tiers` table): spend that earns it, spend that keeps it. */
export type TierLevel = { code: string; rank: number; upgradeSpendFen: number; keepSpendFen: number };

export type TierReviewInput = {
  tierCode: string;
  /** Qualifying spend (fen) over the rule's window, ending at the review. */
  spendFen: number;
  /** When the member got the tier (null: not known; treated as long ago). */
  tierSince: number | null;
  /** Reviews failed in a row on this tier so far (the grace used). */
  misses: number;
  now: number;
  tiers: readonly TierLevel[];
  rule: TierReviewPolicy;
};

export type TierReviewOutcome =
  | { action: 'keep'; reason: 'spend' | 'lowest' | 'new_in_tier' | 'unknown_tier' }
  | { action: 'upgrade'; to: string }
  | { action: 'grace'; misses: number }
  | { action: 'downgrade'; to: string };

/** UTC ms `months` calendar months after `at` (day clamped to the month's end). */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.getTime();
}

/** Whether the month `period` ("YYYY-MM") is a review month under the rule. */
export function isReviewMonth(period: string, rule: TierReviewPolicy): boolean {
  return rule.active && Number(period.slice(5, 7)) % rule.everyMonths === 0;
}

/**
 * One member's review, pure. Spend that earns a higher tier upgrades (sales upgrade at once; this
 * catches what a rule change left behind). Spend at or above the tier's keep threshold keeps it, as
 * does a tier held less than `minMonthsInTier`. Otherwise the member uses a grace review while
 * they have any left, and is then downgraded: one tier, or to the highest tier the spend keeps.
 */
export function reviewTier(i: TierReviewInput): TierReviewOutcome {
  const byRank = [...i.tiers].sort((a, b) => a.rank - b.rank);
  const cur = byRank.find((t) => t.code === i.tierCode);
  if (!cur) return { action: 'keep', reason: 'unknown_tier' };
  const earned = byRank.filter((t) => t.upgradeSpendFen <= i.spendFen).at(-1);
  if (earned && earned.rank > cur.rank) return { action: 'upgrade', to: earned.code };
  const below = byRank.filter((t) => t.rank < cur.rank);
  if (below.length === 0) return { action: 'keep', reason: 'lowest' };
  if (i.spendFen >= cur.keepSpendFen) return { action: 'keep', reason: 'spend' };
  if (i.tierSince !== null && i.now < addMonths(i.tierSince, i.rule.minMonthsInTier)) return { action: 'keep', reason: 'new_in_tier' };
  if (i.misses < i.rule.graceReviews) return { action: 'grace', misses: i.misses + 1 };
  const kept = below.filter((t) => t.keepSpendFen <= i.spendFen).at(-1) ?? below[0]!;
  const to = i.rule.downgrade === 'one_tier' ? below.at(-1)! : kept;
  return { action: 'downgrade', to: to.code };
}
