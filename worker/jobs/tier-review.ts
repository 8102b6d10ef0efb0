import { addMonths, isReviewMonth, reviewTier, type TierLevel } from '../../shared/domain/tier-review';
import { openDb } from '../db/client';
import { memberTierReviews } from '../db/schema';
import { insertRows } from '../db/statements';
import { periodStart } from './periods';
import { systemOp } from './system-op';
import { countPage, eachLimited, type JobContext, type JobDef } from './types';

type Candidate = { id: string; card_no: string; tier_code: string; tier_since: number | null; joined_at: number; ledger_seq: number; r_period: string | null; r_tier: string | null; r_misses: number | null; spend: number };

// Qualifying spend: sales in the window less what was refunded of them.
const PAGE_SQL = `SELECT m.id, m.card_no, m.tier_code, m.tier_since, m.joined_at, m.ledger_seq, r.period AS r_period, r.tier_code AS r_tier, r.misses AS r_misses,
  coalesce((SELECT sum(o.total_fen - o.refunded_fen) FROM orders o WHERE o.member_id = m.id AND o.kind = 'sale' AND o.status IN ('completed', 'partially_refunded', 'refunded')
    AND o.created_at >= ?1 AND o.created_at < ?2), 0) AS spend
  FROM members m LEFT JOIN member_tier_reviews r ON r.member_id = m.id
  WHERE m.id > ?3 AND m.status != 'closed' ORDER BY m.id LIMIT ?4`;

const REVIEW_UPSERT = `ON CONFLICT("member_id") DO UPDATE SET "period" = excluded."period", "tier_code" = excluded."tier_code", "misses" = excluded."misses", "outcome" = excluded."outcome", "updated_at" = excluded."updated_at"`;

/**
 * The monthly tier review (decision 019). Reviewed at the period's start: spend over the rule's
 * window before it. A member reviewed for the period already (member_tier_reviews) is skipped; a
 * change goes through the member's object as a `tier_change` op `tier-review:<period>:<id>`, so a
 * member changes tier at most once per period even if the record of the review was lost.
 */
export const tierReview: JobDef = {
  name: 'tier-review',
  applies: (ctx) => isReviewMonth(ctx.period, ctx.rules.tierReview),
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const rule = ctx.rules.tierReview;
    const at = periodStart(ctx.period);
    const tiers = (await d1.prepare('SELECT code, rank, upgrade_spend_fen AS upgradeSpendFen, keep_spend_fen AS keepSpendFen FROM tiers').all<TierLevel>()).results;
    const rows = (await d1.prepare(PAGE_SQL).bind(addMonths(at, -rule.windowMonths), at, after ?? '', limit).all<Candidate>()).results;
    const todo = rows.filter((m) => m.r_period !== ctx.period);
    const reviews: (typeof memberTierReviews.$inferInsert)[] = [];
    const results = await eachLimited(todo, 16, async (m) => {
      const misses = m.r_tier === m.tier_code ? (m.r_misses ?? 0) : 0;
      const out = reviewTier({ tierCode: m.tier_code, spendFen: m.spend, tierSince: m.tier_since ?? m.joined_at, misses, now: at, tiers, rule });
      const row = { memberId: m.id, period: ctx.period, tierCode: m.tier_code, misses: 0, outcome: out.action, updatedAt: ctx.now };
      if (out.action === 'keep') return reviews.push(row), false;
      if (out.action === 'grace') return reviews.push({ ...row, misses: out.misses }), false;
      const changed = await changeTier(ctx, m, out.to, { spendFen: m.spend, action: out.action });
      reviews.push({ ...row, tierCode: out.to });
      return changed;
    });
    if (reviews.length) await d1.batch(insertRows(openDb(d1), memberTierReviews, reviews, { conflict: REVIEW_UPSERT }));
    return countPage(results, rows.length, rows.length < limit ? null : rows.at(-1)!.id);
  },
};

/** The change, through the member's object (which alone tells tablets' prices from stale ones). True: it changed now. */
function changeTier(ctx: JobContext, m: Candidate, to: string, detail: Record<string, unknown>): Promise<boolean> {
  const op = { opId: `tier-review:${ctx.period}:${m.id}`, kind: 'tier_change' as const, from: m.tier_code, to, reason: `tier review ${ctx.period}`, storeId: null, staffId: null, at: ctx.now };
  return systemOp(ctx, m, op, { actor: { kind: 'system', id: 'tier-review' }, action: 'tier.review', detail: { ...detail, period: ctx.period, from: m.tier_code, to } });
}
