import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { approvalMessages } from '../../../../../shared/domain/manager-pin';
import { formatFen } from '../../../../../shared/domain/money';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { useApproval } from '../approval';
import type { OrderView } from './orders-data';
import { parseRefundAmount, refundSplit } from './refund';
import { rememberRefund } from './refund-memo';
import { RefundMoney } from './refund-money';
import { useRefundPreview } from './use-refund-preview';

export type RefundDone = { opId: string; amountFen: number; handBackFen: number };
type Props = { order: OrderView; maxFen: number; storeId: string; onDone(r: RefundDone): void; onCancel(): void };

/**
 * Refund all or part of a sale. A clerk's refund carries a manager's approval of exactly this
 * refund (its op id, the order, the amount), so the op id is made before asking; the mutation is
 * queued like a sale (offline too) and the order's row shows the refund at once.
 */
export function RefundForm({ order, maxFen, storeId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const { requestApproval, needsPin } = useApproval();
  const [amount, setAmount] = useState(() => (maxFen / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const parsed = parseRefundAmount(amount, maxFen);
  const fen = parsed.ok ? parsed.fen : null;
  const { preview, error, loading } = useRefundPreview(order.memberId, order.id, fen);
  const split = refundSplit(order, fen ?? 0);
  const handBackFen = Math.max(0, split.moneyFen - (preview?.cashDeductFen ?? 0));
  // The form opens under the order's lines: scroll it to the top of the pane so all of it shows on a
  // short landscape tablet (its confirm button is sticky at the bottom).
  const form = useRef<HTMLElement>(null);
  useEffect(() => {
    // In braces: newer browsers return a Promise from scrollIntoView, and an effect may return only a cleanup.
    form.current?.scrollIntoView({ block: 'start' });
  }, []);

  async function confirm() {
    if (!parsed.ok || !rep || busy) return;
    setBusy(true);
    setFailure(null);
    const opId = ulid();
    const amountFen = parsed.fen;
    const what = t('orders.refund.what', { amount: formatFen(amountFen), order: order.id.slice(-6) });
    const approval = await requestApproval(approvalMessages.refund({ opId, refundOf: order.id, amountFen }), what);
    if (!approval) return setBusy(false);
    // `reason` rides along for when the refund schema takes it (zod strips it until then).
    const args = { opId, storeId, refundOf: order.id, amountFen, approval: approval.proof ? approval : null, memberId: order.memberId, reason: reason.trim() };
    try {
      await rep.mutate.refundOrder(args);
      rememberRefund({ opId, orderId: order.id, amountFen });
      onDone({ opId, amountFen, handBackFen });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const refundedFen = order.refundedFen ?? 0;
  return (
    <section ref={form} className="refund-form" aria-labelledby="refund-title" data-testid="refund-form">
      <h3 id="refund-title">{t('orders.refund.title')}</h3>
      <div className="refund-fields">
        <label className="tender-field">
          <span>{t('orders.refund.amount')}</span>
          <input autoFocus inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="refund-amount" />
        </label>
        {fen !== maxFen ? <button type="button" className="chip" onClick={() => setAmount((maxFen / 100).toFixed(2))}>{t('orders.refund.all', { amount: formatFen(maxFen) })}</button> : null}
        <label className="tender-field refund-reason">
          <span>{t('orders.refund.reason')}</span>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t('orders.refund.reasonPlaceholder')} data-testid="refund-reason" />
        </label>
      </div>
      {!parsed.ok ? (
        <p className="notice-inline notice-danger" data-testid="refund-error">
          {parsed.error === 'amount' ? t('orders.refund.badAmount')
            : refundedFen > 0 ? t('orders.refund.tooBigAfter', { max: formatFen(maxFen), total: formatFen(order.totalFen), refunded: formatFen(refundedFen) })
            : t('orders.refund.tooBig', { max: formatFen(maxFen) })}
        </p>
      ) : (
        <p className="muted refund-limit">
          {refundedFen > 0 ? t('orders.refund.limitAfter', { max: formatFen(maxFen), total: formatFen(order.totalFen), refunded: formatFen(refundedFen) }) : t('orders.refund.limit', { max: formatFen(maxFen) })}
        </p>
      )}
      {parsed.ok ? (
        <RefundMoney split={split} preview={preview} member={order.memberId !== null} loading={loading} />
      ) : null}
      {error ? <p className="notice-inline notice-danger" data-testid="refund-server-says">{t('orders.refund.serverSays', { message: error.message })}</p> : null}
      {failure ? <p className="notice-inline notice-danger" role="alert">{failure}</p> : null}
      <footer className="refund-foot">
        <Button variant="ghost" onClick={onCancel} disabled={busy}>{t('orders.refund.cancel')}</Button>
        <Button size="lg" loading={busy} disabled={!parsed.ok || !rep} onClick={() => void confirm()} data-testid="refund-confirm">
          {needsPin ? t('orders.refund.confirmWithPin', { amount: fen ? formatFen(fen) : '' }) : t('orders.refund.confirm', { amount: fen ? formatFen(fen) : '' })}
        </Button>
      </footer>
    </section>
  );
}
