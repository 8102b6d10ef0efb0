import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { formatWhen } from '../rejections';
import { StatusBadge, TenderSummary } from './order-bits';
import type { OrderView } from './orders-data';

/** One order in the list: when, who, how paid, how much, and its state. */
export function OrderRow({ order, selected, now, onOpen }: { order: OrderView; selected: boolean; now: number; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className={`order-row ${selected ? 'order-row-on' : ''}`} aria-current={selected || undefined} onClick={onOpen} data-testid="order-row" data-order-id={order.id} data-status={order.status}>
        <span className="order-row-when num">{formatWhen(order.createdAt, now)}</span>
        <span className="order-row-who">
          <span className="order-row-name">{order.memberId ? (order.memberName ?? t('orders.member')) : t('orders.walkIn')}</span>
          <span className="order-row-sub"><TenderSummary order={order} /> <span className="mono">…{order.id.slice(-6)}</span></span>
        </span>
        <span className="order-row-right">
          <span className={`money order-row-total ${order.kind === 'refund' ? 'order-row-negative' : ''}`}>{order.kind === 'refund' ? '−' : ''}{formatFen(order.totalFen)}</span>
          <StatusBadge order={order} />
        </span>
      </button>
    </li>
  );
}
