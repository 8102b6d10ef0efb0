import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { useApi } from '../../../lib/app-context';
import { useOnline } from '../../../lib/use-online';

/** What the member's account says a refund would do (GET …/refund-preview → OpResult.detail). */
export type RefundPreview = { principalBackFen: number; bonusBackFen: number; pointsBack: number; earnedPointsTakenBack: number; cashDeductFen: number };
type OpResult = { status: 'applied' | 'rejected'; detail: Record<string, unknown> };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const toPreview = (d: Record<string, unknown>): RefundPreview => ({
  principalBackFen: num(d.principalBackFen), bonusBackFen: num(d.bonusBackFen), pointsBack: num(d.pointsBack),
  earnedPointsTakenBack: num(d.earnedPointsTakenBack), cashDeductFen: num(d.cashDeductFen),
});

/**
 * The exact effect of refunding `amountFen` of a member's sale, asked while online and the amount
 * has stood still for a moment. Offline, or for a walk-in sale, there is none: the form shows its
 * own estimate. `error` is the server's refusal (e.g. the amount is no longer refundable).
 */
export function useRefundPreview(memberId: string | null, refundOf: string, amountFen: number | null): { preview: RefundPreview | null; error: ApiError | null; loading: boolean } {
  const api = useApi();
  const online = useOnline();
  const [state, setState] = useState<{ key: string; preview: RefundPreview | null; error: ApiError | null } | null>(null);
  const key = memberId && amountFen && online ? `${memberId}|${refundOf}|${amountFen}` : null;
  useEffect(() => {
    if (!key || !memberId || !amountFen) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<OpResult>(`/api/members/${encodeURIComponent(memberId)}/refund-preview`, { refundOf, amountFen })
        .then((r) => live && setState({ key, preview: toPreview(r.detail ?? {}), error: null }))
        .catch((e: unknown) => live && setState({ key, preview: null, error: e instanceof ApiError && e.code !== 'NETWORK' ? e : null }));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  const current = state && state.key === key ? state : null;
  return { preview: current?.preview ?? null, error: current?.error ?? null, loading: key !== null && current === null };
}
