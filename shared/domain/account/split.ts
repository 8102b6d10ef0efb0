/**
 * How a stored-value spend is taken from the two purses. The order is chain policy:
 * principal first (the common default: bonus stays as long as possible), bonus first, or
 * proportional to what the member holds.
 */
export type ConsumptionOrder = 'principal_first' | 'bonus_first' | 'proportional';
export type Purses = { principalFen: number; bonusFen: number };

/**
 * Splits `total` into integer parts proportional to `weights` by the largest-remainder rule:
 * floor every share, then give the leftover fen one by one to the largest fractional remainders
 * (ties to the earlier weight). Shares always sum to `total` exactly.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]! += 1;
  return shares;
}

/** The parts of `amountFen` taken from each purse; null when the purses together are short. */
export function splitSpend(amountFen: number, purses: Purses, order: ConsumptionOrder): Purses | null {
  const { principalFen: p, bonusFen: b } = purses;
  if (amountFen < 0 || amountFen > p + b) return null;
  switch (order) {
    case 'principal_first': {
      const principalFen = Math.min(p, amountFen);
      return { principalFen, bonusFen: amountFen - principalFen };
    }
    case 'bonus_first': {
      const bonusFen = Math.min(b, amountFen);
      return { principalFen: amountFen - bonusFen, bonusFen };
    }
    case 'proportional': {
      const [principalFen, bonusFen] = largestRemainder(amountFen, [p, b]) as [number, number];
      // Rounding can ask one fen more of a purse than it holds only when it is empty-ish; move it.
      if (principalFen > p) return { principalFen: p, bonusFen: bonusFen + principalFen - p };
      if (bonusFen > b) return { principalFen: principalFen + bonusFen - b, bonusFen: b };
      return { principalFen, bonusFen };
    }
  }
}
