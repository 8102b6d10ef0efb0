import { share } from '../../../../../shared/domain/account/refund';
import { parseYuan } from '../../../../../shared/domain/money';
import type { SyncedOrder } from '../../../../../shared/sync/entities';

type RefundSource = Pick<SyncedOrder, 'kind' | 'status' | 'totalFen' | 'refundedFen' | 'tenders'> & { pointsEarned?: number };
export type NotRefundable = 'not_sale' | 'pending' | 'rejected' | 'refunded';

/** Only a settled sale with money left on it can be refunded; otherwise why not. */
export function refundable(o: RefundSource): { ok: true; maxFen: number } | { ok: false; reason: NotRefundable } {
  if (o.kind !== 'sale') return { ok: false, reason: 'not_sale' };
  if (o.status === 'pending') return { ok: false, reason: 'pending' };
  if (o.status === 'rejected') return { ok: false, reason: 'rejected' };
  const maxFen = o.totalFen - (o.refundedFen ?? 0);
  if (o.status === 'refunded' || maxFen <= 0) return { ok: false, reason: 'refunded' };
  return { ok: true, maxFen };
}

export type RefundAmountError = 'amount' | 'too_big';
export function parseRefundAmount(input: string, maxFen: number): { ok: true; fen: number } | { ok: false; error: RefundAmountError } {
  const fen = parseYuan(input);
  if (fen === null || fen <= 0) return { ok: false, error: 'amount' };
  if (fen > maxFen) return { ok: false, error: 'too_big' };
  return { ok: true, fen };
}

/** Fen back per kind of payment, and the points the sale earned that come off the card again. */
export type RefundSplit = { storedValueFen: number; pointsFen: number; punchFen: number; moneyFen: number; earnedPoints: number };

/**
 * Where a refund of `amountFen` goes, estimated the way the member's account does it
 * (shared/domain/account/refund.ts): each kind of payment gets back its cumulative share of what
 * has been refunded so far, so partial refunds add up exactly. Money (cash, card, WeChat, Alipay)
 * takes what is left; the clerk hands that back. The server has the last word (points already
 * spent come out of the money, see the preview).
 */
export function refundSplit(o: RefundSource, amountFen: number): RefundSplit {
  const before = o.refundedFen ?? 0;
  const after = before + amountFen;
  const sum = (kinds: readonly string[]) => o.tenders.filter((t) => kinds.includes(t.kind)).reduce((n, t) => n + t.amountFen, 0);
  const back = (paid: number) => share(paid, after, o.totalFen) - share(paid, before, o.totalFen);
  const storedValueFen = back(sum(['stored_value']));
  const pointsFen = back(sum(['points']));
  const punchFen = back(sum(['punch_card']));
  return { storedValueFen, pointsFen, punchFen, moneyFen: amountFen - storedValueFen - pointsFen - punchFen, earnedPoints: back(o.pointsEarned ?? 0) };
}
