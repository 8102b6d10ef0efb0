/**
 * How the ledgers' entry kinds (the account ops of shared/schemas/account.ts, as value_daily keeps
 * them) read in the liability report. Stored value: recharged (recharge), opening (balances
 * imported from the previous system — neither recharged nor earned here), spent
 * (settle: sales paid from the card; punch_sale: punch cards paid from it), refunded (refund: money
 * back to the card on a refunded sale, or out of it on a refunded recharge — signed, net). Points:
 * earned is what entries added, redeemed what 积分兑换 and sales paid with points took, expired what
 * points_expire took. Lease kinds move money between the member and a tablet (reserved) and change
 * no owned purse.
 */
export type ValueFlow = 'recharged' | 'opening' | 'spent' | 'refunded' | 'other';
export type PointsFlow = 'earned' | 'redeemed' | 'expired' | 'adjusted' | 'refunded' | 'opening';

export function valueFlowOf(kind: string): ValueFlow {
  if (kind === 'recharge') return 'recharged';
  if (kind === 'opening') return 'opening';
  if (kind === 'settle' || kind === 'punch_sale') return 'spent';
  if (kind === 'refund') return 'refunded';
  return 'other';
}

export function pointsFlowOf(kind: string, points: number): PointsFlow {
  if (kind === 'opening') return 'opening';
  if (kind === 'points_expire') return 'expired';
  if (kind === 'points_redeem') return 'redeemed';
  if (kind === 'points_adjust') return 'adjusted';
  if (kind === 'refund') return 'refunded';
  return points >= 0 ? 'earned' : 'redeemed';
}

export type KindTotals = { kind: string; entries: number; principalFen: number; bonusFen: number; points: number };
export type Flows = {
  rechargedFen: number; openingFen: number; spentFen: number; refundedFen: number; otherFen: number;
  pointsEarned: number; pointsRedeemed: number; pointsExpired: number; pointsAdjusted: number; pointsRefunded: number; pointsOpening: number;
};

/**
 * The period's flows from its totals per kind. Money is principal + bonus; spent, redeemed and
 * expired are given as positive amounts taken, the rest signed as the ledger moved them. A kind's
 * net points go to one bucket: a sale that both earned and paid with points nets within its entry.
 */
export function flowsOf(rows: readonly KindTotals[]): Flows {
  const f: Flows = { rechargedFen: 0, openingFen: 0, spentFen: 0, refundedFen: 0, otherFen: 0, pointsEarned: 0, pointsRedeemed: 0, pointsExpired: 0, pointsAdjusted: 0, pointsRefunded: 0, pointsOpening: 0 };
  for (const r of rows) {
    const fen = r.principalFen + r.bonusFen;
    const v = valueFlowOf(r.kind);
    if (v === 'recharged') f.rechargedFen += fen;
    else if (v === 'opening') f.openingFen += fen;
    else if (v === 'spent') f.spentFen -= fen;
    else if (v === 'refunded') f.refundedFen += fen;
    else f.otherFen += fen;
    const p = pointsFlowOf(r.kind, r.points);
    if (p === 'earned') f.pointsEarned += r.points;
    else if (p === 'redeemed') f.pointsRedeemed -= r.points;
    else if (p === 'expired') f.pointsExpired -= r.points;
    else if (p === 'adjusted') f.pointsAdjusted += r.points;
    else if (p === 'opening') f.pointsOpening += r.points;
    else f.pointsRefunded += r.points;
  }
  return f;
}

/**
 * Who owes whom: stored value of A's cards (A took the money when it was recharged) spent at B
 * (B gave the goods) means A owes B. Pairs netted both ways, largest first; `spentFen` > 0.
 */
export function settlementPairs(rows: readonly { storeId: string; homeStoreId: string; spentFen: number }[]): { from: string; to: string; amountFen: number }[] {
  const net = new Map<string, number>();
  for (const r of rows) {
    if (r.storeId === r.homeStoreId || r.spentFen === 0) continue;
    const [a, b] = [r.homeStoreId, r.storeId].sort() as [string, string];
    const sign = r.homeStoreId === a ? 1 : -1; // + : a owes b
    net.set(`${a}|${b}`, (net.get(`${a}|${b}`) ?? 0) + sign * r.spentFen);
  }
  const out: { from: string; to: string; amountFen: number }[] = [];
  for (const [k, v] of net) {
    const [a, b] = k.split('|') as [string, string];
    if (v > 0) out.push({ from: a, to: b, amountFen: v });
    else if (v < 0) out.push({ from: b, to: a, amountFen: -v });
  }
  return out.sort((x, y) => y.amountFen - x.amountFen || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
}
