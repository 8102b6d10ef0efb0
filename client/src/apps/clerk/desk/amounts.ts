import { parseYuan } from '../../../../../shared/domain/money';
import { rechargeBonus, type RechargeRule } from '../../../../../shared/domain/account/recharge-rules';

/** The API's ceiling for one recharge (rechargeRequestSchema): ¥100,000. */
export const MAX_RECHARGE_FEN = 10_000_000;
/** The quick amounts at the counter, in yuan. */
export const QUICK_YUAN = [100, 200, 500, 1000, 3000] as const;

export type AmountError = 'empty' | 'notMoney' | 'notPositive' | 'tooMuch';

/**
 * What the clerk typed, in yuan, as integer fen: "1000", "99.9", "¥1,000.50". Done on the digits
 * (shared parseYuan), never through a float, so 0.1 + 0.2 style errors cannot reach the ledger.
 */
export function yuanToFen(input: string, maxFen = MAX_RECHARGE_FEN): { fen: number } | { error: AmountError } {
  if (input.trim() === '') return { error: 'empty' };
  const fen = parseYuan(input);
  if (fen === null) return { error: 'notMoney' };
  if (fen <= 0) return { error: 'notPositive' };
  if (fen > maxFen) return { error: 'tooMuch' };
  return { fen };
}

export type RechargePreview = {
  bonusFen: number;
  principalAfterFen: number;
  bonusAfterFen: number;
  /** The next richer rule, for "add ¥X more and get ¥Y": null when none is richer. */
  next: { moreFen: number; bonusFen: number } | null;
};

/** The bonus the chain's rules give (the server computes the same with the same function) and the purses after. */
export function rechargePreview(amountFen: number, rules: readonly RechargeRule[], purse: { principalFen: number; bonusFen: number }): RechargePreview {
  const bonusFen = rechargeBonus(amountFen, rules);
  const richer = rules.filter((r) => r.minFen > amountFen && r.bonusFen > bonusFen).sort((a, b) => a.minFen - b.minFen)[0];
  return {
    bonusFen,
    principalAfterFen: purse.principalFen + amountFen,
    bonusAfterFen: purse.bonusFen + bonusFen,
    next: richer ? { moreFen: richer.minFen - amountFen, bonusFen: richer.bonusFen } : null,
  };
}
