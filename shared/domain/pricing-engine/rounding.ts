/**
 * The engine's two rounding rules, in one place so a decision record can point at them.
 *
 * 1. A rate on one line: the amount the customer pays is rounded half up to the fen
 *    (1850 fen at 9.5折 = 1757.5 → 1758, the discount is 92). This is what shared/domain/pricing.ts
 *    has always charged, so orders priced before and after the switch agree.
 * 2. An amount for the whole order (满减, cash coupons, manual): split over the lines by the
 *    largest-remainder rule in proportion to what each line pays at that point, so the lines
 *    always sum to the order and no line gets more discount than it has left.
 */

/** What `amountFen` costs at `bp` (10 000 = full price), rounded half up; exact for any safe integer. */
export function paidAtBp(amountFen: number, bp: number): number {
  // Split the amount so no product leaves the range where doubles count fen exactly.
  const hi = Math.floor(amountFen / 10_000) * bp;
  const lo = (amountFen % 10_000) * bp;
  return hi + Math.floor((lo + 5_000) / 10_000);
}

/**
 * Splits `total` over `weights` by largest remainder: floor each exact share, then hand the
 * leftover fen to the largest remainders (ties to the earlier line). Same rule as
 * account/split.ts `largestRemainder`, but in BigInt: its float `total * w / sum` can, for large
 * amounts, hand a line one fen more than its weight, which would push that line below zero.
 * With 0 ≤ total ≤ Σweights every share is ≤ its weight.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total < 0 || total > sum) throw new RangeError(`cannot split ${total} over weights summing to ${sum}`);
  if (total === 0) return weights.map(() => 0);
  const t = BigInt(total);
  const s = BigInt(sum);
  const shares = weights.map((w) => (t * BigInt(w)) / s);
  const rems = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = total - shares.reduce((a, b) => a + Number(b), 0);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = shares.map(Number);
  for (let k = 0; left > 0; k++, left--) out[rems[k]!.i]! += 1;
  return out;
}
