/**
 * Refunds this tablet sent, by op id: a refused refund's rejection names only its op id, which the
 * clerk has never seen; with this the panel shows the order and the amount instead. Local UI
 * memory (localStorage), the last 50.
 */
export const REFUND_MEMO_KEY = 'cloudcard.clerk.refunds';
export type RefundMemo = { opId: string; orderId: string; amountFen: number };
const KEEP = 50;

export function parseMemos(raw: string | null): RefundMemo[] {
  try {
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter((m): m is RefundMemo => typeof m?.opId === 'string' && typeof m?.orderId === 'string' && Number.isSafeInteger(m?.amountFen)) : [];
  } catch {
    return [];
  }
}

export const withMemo = (list: readonly RefundMemo[], m: RefundMemo): RefundMemo[] => [...list.filter((x) => x.opId !== m.opId), m].slice(-KEEP);

export function rememberRefund(m: RefundMemo): void {
  try {
    localStorage.setItem(REFUND_MEMO_KEY, JSON.stringify(withMemo(parseMemos(localStorage.getItem(REFUND_MEMO_KEY)), m)));
  } catch {
    /* storage blocked: the panel falls back to the op id */
  }
}

export function refundMemo(opId: string): RefundMemo | null {
  try {
    return parseMemos(localStorage.getItem(REFUND_MEMO_KEY)).find((m) => m.opId === opId) ?? null;
  } catch {
    return null;
  }
}
