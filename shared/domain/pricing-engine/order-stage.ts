/**
 * Stages that act on a sum of lines and hand the amount back to them: 满减 campaigns (stage 4)
 * and the manual discount (stage 6). Coupons (stage 5) are in coupon-stage.ts.
 */
import type { Campaign, Explanation, ManualDiscount, Refusal } from '../../schemas/promotions';
import { inLineTargets } from './applicability';
import { refusal, yuan } from './labels';
import type { LineState } from './line-stage';
import { allocate, paidAtBp } from './rounding';

export const sumFen = (lines: readonly { amountFen: number }[]): number => lines.reduce((n, l) => n + l.amountFen, 0);

/** Takes `offFen` (≤ their sum) from `lines` in proportion to what each pays now. */
export function spread(lines: readonly LineState[], offFen: number, make: (share: number) => Explanation): void {
  const shares = allocate(offFen, lines.map((l) => l.amountFen));
  lines.forEach((l, i) => {
    const s = shares[i]!;
    if (s > 0) {
      l.amountFen -= s;
      l.explanation.push(make(s));
    }
  });
}

type Threshold = Campaign & { kind: 'threshold' };

/** How many times the threshold is met and what that takes off `baseFen` (never more than it). */
export function thresholdOff(c: Pick<Threshold, 'thresholdFen' | 'offFen' | 'repeat' | 'maxTimes'>, baseFen: number): { times: number; offFen: number } {
  let times = baseFen >= c.thresholdFen ? (c.repeat ? Math.floor(baseFen / c.thresholdFen) : 1) : 0;
  if (c.maxTimes !== null) times = Math.min(times, c.maxTimes);
  return { times, offFen: Math.min(times * c.offFen, baseFen) };
}

/**
 * Each 满减 in priority order, measured on what its lines pay after stages 1–3 (实付满). A line
 * takes part in one 满减 at most, so two campaigns never count the same spend twice. One that
 * does not stack with member discounts either runs on member-free prices or skips the lines
 * that have a member discount, whichever leaves the customer paying less (a tie keeps member price).
 */
export function applyThresholds(lines: readonly LineState[], thresholds: readonly Campaign[]): void {
  for (const c of thresholds) {
    if (c.kind !== 'threshold') continue;
    const eligible = lines.filter((l) => !l.thresholdClaimed && inLineTargets(c, l.item));
    let taking = eligible;
    let result = thresholdOff(c, sumFen(eligible));
    if (!c.stacksWithTierDiscount && eligible.some((l) => l.hasMemberDiscount)) {
      const plain = eligible.filter((l) => !l.hasMemberDiscount);
      const keep = thresholdOff(c, sumFen(plain));
      const freeBase = eligible.reduce((n, l) => n + l.memberFree.amountFen, 0);
      const drop = thresholdOff(c, freeBase);
      if (freeBase - drop.offFen < sumFen(eligible) - keep.offFen) {
        for (const l of eligible.filter((x) => x.hasMemberDiscount)) {
          Object.assign(l, { ...l.memberFree, explanation: [...l.memberFree.explanation], hasMemberDiscount: false });
        }
        result = drop;
      } else {
        taking = plain;
        result = keep;
      }
    }
    if (result.offFen === 0) continue;
    const label = `${c.name} 满${yuan(c.thresholdFen)}减${yuan(c.offFen)}${result.times > 1 ? ` ×${result.times}` : ''}`;
    const params = { thresholdFen: c.thresholdFen, offFen: c.offFen, times: result.times, name: c.name };
    spread(taking, result.offFen, (s) => ({ kind: 'campaign_threshold', label, amountFen: s, refId: c.id, params }));
    for (const l of taking) {
      l.thresholdClaimed = true;
      l.couponBlocked ||= !c.stacksWithCoupons;
    }
  }
}

/** Last: a manager-approved cut of what is left, rounded once on the order, then spread. */
export function applyManual(lines: readonly LineState[], m: ManualDiscount | null): Refusal[] {
  if (!m) return [];
  if (!m.approvedBy) return [refusal('manual_needs_approval', null, m.reason, { reason: m.reason })];
  const total = sumFen(lines);
  const offFen = m.kind === 'amount' ? Math.min(m.amountFen, total) : total - paidAtBp(total, m.discountBp);
  if (offFen === 0) return [refusal('manual_no_effect', m.approvedBy, m.reason, { reason: m.reason })];
  const params: Record<string, string | number> = m.kind === 'amount' ? { reason: m.reason, amountFen: m.amountFen } : { reason: m.reason, bp: m.discountBp };
  spread(lines, offFen, (s) => ({ kind: 'manual', label: `手动优惠：${m.reason}`, amountFen: s, refId: m.approvedBy, params }));
  return [];
}
