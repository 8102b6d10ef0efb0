import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { SyncedOrder } from '../../../../../shared/sync/entities';
import { badgeOf, tenderKinds } from './order-list';

/** The order's state in one badge; a part refund says how much. */
export function StatusBadge({ order }: { order: Pick<SyncedOrder, 'kind' | 'status' | 'refundedFen'> }) {
  const { t } = useTranslation();
  const b = badgeOf(order);
  return (
    <span className={`order-badge order-badge-${b}`} data-testid="order-status" data-status={b}>
      {t(`orders.status.${b}`)}
      {b === 'partially_refunded' ? ` ${formatFen(order.refundedFen ?? 0)}` : ''}
    </span>
  );
}

/** "现金 · 储值": the kinds of payment, once each. */
export function TenderSummary({ order }: { order: Pick<SyncedOrder, 'tenders'> }) {
  const { t } = useTranslation();
  const kinds = tenderKinds(order);
  return <span className="order-tenders">{kinds.length ? kinds.map((k) => t(`orders.tender.${k}`)).join(' · ') : '—'}</span>;
}
