import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import type { ReceiptHeader } from '../counter/sale-done';
import { maskPhone, ReceiptPreview } from '../receipt';
import { formatWhen, toRejections } from '../rejections';
import { prefixes } from '../../../../../shared/sync/keys';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { StatusBadge } from './order-bits';
import { isMine } from './order-list';
import { orderReceipt } from './order-receipt';
import type { OrderView } from './orders-data';
import { refundable } from './refund';
import { RefundForm, type RefundDone } from './refund-form';

type Props = { order: OrderView; actorId: string; storeId: string; staffName: string | null; tierName: string | null; header: ReceiptHeader; onBack(): void };

/** One order: what was bought and paid, its refunds, a reprint, and the refund form. */
export function OrderDetail({ order, actorId, storeId, staffName, tierName, header, onBack }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'refund' | 'receipt' | null>(null);
  const [done, setDone] = useState<RefundDone | null>(null);
  // The refund just sent, if the server refused it: the notice must not keep saying it went through.
  const refused = useSubscribe(async (tx) => (done ? toRejections(await tx.scan({ prefix: prefixes.rejection }).values().toArray()).some((r) => r.refId === done.opId) : false), false, [done?.opId]);
  const can = refundable(order);
  const mine = isMine(order, actorId);
  const clerk = mine ? header.clerkName : (staffName ?? t('orders.otherStaff'));
  return (
    <section className="order-detail" data-testid="order-detail" data-status={order.status} aria-labelledby="order-title">
      <header className="order-detail-head">
        <button type="button" className="link-button order-back" onClick={onBack}>{t('orders.back')}</button>
        <h2 id="order-title">{t('orders.orderNo', { no: order.id.slice(-6) })}</h2>
        <StatusBadge order={order} />
      </header>
      <p className="order-meta muted">
        {formatWhen(order.createdAt, Date.now())} · {t('orders.clerk', { name: clerk })} · {order.memberId ? `${order.memberName ?? t('orders.member')}${order.member ? ` ${maskPhone(order.member.phone)}` : ''}` : t('orders.walkIn')}
      </p>
      {order.status === 'rejected' && order.rejectReason ? <p className="notice-inline notice-danger">{t('orders.rejected', { reason: order.rejectReason })}</p> : null}
      <table className="order-lines">
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>
                {l.name}
                {(l.explanation ?? []).length > 0 ? <span className="order-line-why">{(l.explanation ?? []).join(' · ')}</span> : null}
              </td>
              <td className="num muted">{formatFen(l.unitPriceFen)} × {l.quantity}</td>
              <td className="money">{formatFen(l.totalFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals order-totals">
        <div><dt>{t('orders.subtotal')}</dt><dd className="money">{formatFen(order.subtotalFen)}</dd></div>
        {order.discountFen > 0 ? <div className="totals-discount"><dt>{t('orders.discount')}</dt><dd className="money">−{formatFen(order.discountFen)}</dd></div> : null}
        <div className="totals-total"><dt>{t('orders.total')}</dt><dd className="money">{formatFen(order.totalFen)}</dd></div>
        {(order.refundedFen ?? 0) > 0 ? <div className="order-refunded"><dt>{t('orders.refunded')}</dt><dd className="money" data-testid="order-refunded">−{formatFen(order.refundedFen)}</dd></div> : null}
      </dl>
      <ul className="order-tender-list">
        {order.tenders.map((tn, i) => <li key={i}><span>{t(`orders.tender.${tn.kind}`)}</span><span className="money">{formatFen(tn.amountFen)}</span></li>)}
      </ul>
      {done && refused ? <Notice kind="error" testId="refund-refused">{t('orders.refund.refused', { amount: formatFen(done.amountFen) })}</Notice> : null}
      {done && !refused ? <Notice kind="success" testId="refund-done">{t('orders.refund.done', { amount: formatFen(done.amountFen), handBack: formatFen(done.handBackFen) })}</Notice> : null}
      <div className="order-actions">
        <Button variant={mode === 'refund' ? 'primary' : 'secondary'} size="lg" disabled={!can.ok} onClick={() => setMode(mode === 'refund' ? null : 'refund')} data-testid="order-refund">{t('orders.refund.open')}</Button>
        <Button variant="secondary" size="lg" onClick={() => setMode(mode === 'receipt' ? null : 'receipt')} data-testid="order-reprint">{t('orders.reprint')}</Button>
      </div>
      {!can.ok ? <p className="muted" data-testid="refund-unavailable">{t(`orders.cannot.${can.reason}`)}</p> : null}
      {mode === 'refund' && can.ok ? (
        <RefundForm key={`${order.id}-${order.refundedFen}`} order={order} maxFen={can.maxFen} storeId={storeId} onCancel={() => setMode(null)} onDone={(r) => { setDone(r); setMode(null); }} />
      ) : null}
      {mode === 'receipt' ? <ReceiptPreview data={orderReceipt(order, order.member, tierName, { ...header, clerkName: clerk })} /> : null}
    </section>
  );
}
