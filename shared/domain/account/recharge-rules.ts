/**
 * The chain's recharge promotions, e.g. 充1000送200: recharge at least `minFen` and receive
 * `bonusFen` as bonus (赠送金). The richest rule the amount reaches applies; rules do not stack.
 */
export type RechargeRule = { minFen: number; bonusFen: number };

export function rechargeBonus(amountFen: number, rules: readonly RechargeRule[]): number {
  let best = 0;
  for (const r of rules) if (amountFen >= r.minFen && r.bonusFen > best) best = r.bonusFen;
  return best;
}
