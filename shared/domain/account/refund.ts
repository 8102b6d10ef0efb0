import { DomainError } from '../../errors';
import type { AccountOp } from '../../schemas/account';
import { spendablePoints, takePoints } from './points-lots';
import { largestRemainder } from './split';
import { appendEntry, edit, type AccountState, type OpRecord } from './state';
import type { Step } from './spend';

type Refund = Extract<AccountOp, { kind: 'refund' }>;

/** floor(total × cum / base), exact in integers (BigInt: fen × fen can pass 2^53). */
export function share(total: number, cum: number, base: number): number {
  if (base <= 0) return 0;
  return Number((BigInt(total) * BigInt(cum)) / BigInt(base));
}

/** Points given back to the lots they came from, latest-expiring lot first. */
function allocate(takes: readonly { lotId: string; points: number }[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of [...takes].reverse()) {
    const k = Math.min(t.points, n);
    out.set(t.lotId, (out.get(t.lotId) ?? 0) + k);
    n -= k;
  }
  return out;
}

/**
 * Refunds `op.amountFen` more of an earlier settle, recharge or punch-card sale. Everything is
 * returned in cumulative shares of the original (so any sequence of partial refunds adds up to
 * exactly the original), and no balance ever goes negative: points earned on the sale that were
 * already spent, and bonus from a recharge that was already spent, are charged against the money
 * refunded instead (reported in the detail).
 */
export function refund(s: AccountState, op: Refund, original: OpRecord | undefined): { step: Step; original: OpRecord } {
  if (!original) throw new DomainError('OPERATION_NOT_FOUND', `No operation ${op.refundOf} on this account`);
  if (original.kind === 'refund') throw new DomainError('REFUND_NOT_ALLOWED', 'A refund cannot itself be refunded');
  if (original.status !== 'applied' || !original.effects || !['settle', 'recharge', 'punch_sale'].includes(original.kind)) {
    throw new DomainError('REFUND_NOT_ALLOWED', `Operation ${op.refundOf} (${original.kind}, ${original.status}) cannot be refunded`);
  }
  // The sale's store owns its revenue: another store may serve the member but not reverse it.
  // HQ books the refund at the sale's store; a preview without a store (HQ's) only looks.
  const soldAt = original.entries.find((x) => x.storeId)?.storeId;
  if (op.storeId !== null && soldAt && op.storeId !== soldAt) {
    throw new DomainError('FORBIDDEN', `Operation ${op.refundOf} was made at store ${soldAt}: it is refunded there (or by HQ on its behalf)`, { details: { storeId: soldAt } });
  }
  const e = original.effects;
  const before = e.refunded;
  const after = before + op.amountFen;
  if (after > e.base) {
    throw new DomainError('REFUND_EXCEEDS_ORIGINAL', `Only ${e.base - before} fen of the original remain refundable`, { details: { refundableFen: e.base - before } });
  }
  const d = { principal: 0, bonus: 0, points: 0, punch: 0 };
  const detail: Record<string, unknown> = { refundOf: op.refundOf, cumulativeFen: after, baseFen: e.base };

  if (original.kind === 'recharge') {
    const pBack = share(e.principalAdded, after, e.base) - share(e.principalAdded, before, e.base);
    const bBack = share(e.bonusAdded, after, e.base) - share(e.bonusAdded, before, e.base);
    const bTake = Math.min(bBack, s.bonusFen);
    const bShort = bBack - bTake;
    if (pBack > s.principalFen || pBack < bShort) {
      throw new DomainError('INSUFFICIENT_FUNDS', 'Too much of this recharge was already spent to refund that amount', {
        details: { principalFen: s.principalFen, principalBackFen: pBack, bonusShortfallFen: bShort },
      });
    }
    s.principalFen -= pBack;
    s.bonusFen -= bTake;
    Object.assign(d, { principal: -pBack, bonus: -bTake });
    Object.assign(detail, { refundCashFen: pBack - bShort, bonusTakenBackFen: bTake, bonusShortfallFen: bShort });
  } else {
    const sv = e.principalTaken + e.bonusTaken;
    const [pA, bA] = largestRemainder(share(sv, after, e.base), [e.principalTaken, e.bonusTaken]) as [number, number];
    const [pB, bB] = largestRemainder(share(sv, before, e.base), [e.principalTaken, e.bonusTaken]) as [number, number];
    let pBack = pA - pB;
    let bBack = bA - bB;

    const used = e.pointsTakes.reduce((n, t) => n + t.points, 0);
    const giveA = allocate(e.pointsTakes, share(used, after, e.base));
    const giveB = allocate(e.pointsTakes, share(used, before, e.base));
    let pointsBack = 0;
    for (const [lotId, n] of giveA) {
      const k = n - (giveB.get(lotId) ?? 0);
      const lot = edit(s.lots, lotId);
      if (lot && k > 0) { lot.remaining += k; pointsBack += k; }
    }

    // Points earned on the sale come back out: from that lot first, then other points, then money.
    let earnedBack = share(e.pointsEarned, after, e.base) - share(e.pointsEarned, before, e.base);
    const earnedLot = edit(s.lots, op.refundOf);
    const fromLot = Math.min(earnedLot?.remaining ?? 0, earnedBack);
    if (earnedLot) earnedLot.remaining -= fromLot;
    let rest = earnedBack - fromLot;
    const others = takePoints(s.lots, Math.min(rest, spendablePoints(s.lots, op.at)), op.at) ?? [];
    for (const t of others) { edit(s.lots, t.lotId)!.remaining -= t.points; rest -= t.points; }
    earnedBack -= rest;
    const deductFen = Math.ceil((rest * op.pointValueFenPer100) / 100);
    const fromBonus = Math.min(deductFen, bBack);
    bBack -= fromBonus;
    const fromPrincipal = Math.min(deductFen - fromBonus, pBack);
    pBack -= fromPrincipal;

    let punch = 0;
    for (const u of e.punchUses) {
      const k = share(u.uses, after, e.base) - share(u.uses, before, e.base);
      const card = edit(s.punchCards, u.cardId);
      if (card && k > 0) { card.usesLeft = Math.min(card.usesTotal, card.usesLeft + k); punch += k; }
    }
    if (original.kind === 'punch_sale' && e.punchCardId) {
      const card = edit(s.punchCards, e.punchCardId)!;
      const k = share(card.usesTotal, after, e.base) - share(card.usesTotal, before, e.base);
      if (k > card.usesLeft) throw new DomainError('PUNCH_EXHAUSTED', `Only ${card.usesLeft} unused visits remain on “${card.name}” to refund`);
      card.usesLeft -= k;
      punch -= k;
    }
    if (after === e.base) {
      for (const id of e.couponIds) {
        const c = edit(s.coupons, id);
        if (c && c.usedByOp === op.refundOf) { c.status = c.expiresAt > op.at ? 'issued' : 'expired'; c.usedByOp = null; }
      }
    }
    s.principalFen += pBack;
    s.bonusFen += bBack;
    Object.assign(d, { principal: pBack, bonus: bBack, points: pointsBack - earnedBack, punch });
    Object.assign(detail, {
      principalBackFen: pBack, bonusBackFen: bBack, pointsBack, earnedPointsTakenBack: earnedBack,
      earnedPointsShortfall: rest, pointsDeductedFen: deductFen, cashDeductFen: deductFen - fromBonus - fromPrincipal,
    });
  }
  const entry = appendEntry(s, op, d);
  return { step: { entries: [entry], effects: null, detail }, original: { ...original, effects: { ...e, refunded: after } } };
}
