import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { SyncedAccountOp } from '../../../../shared/sync/entities';
import { useApi } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { ReceiptIcon } from '../../lib/ui/icons';
import { buildHistory, refundsOf, type HistoryItem } from './history';
import { titleOf } from './history-screen';
import { useMyAccountOps, useMyOrders, useStores } from './member-data';
import { formatDateTime, signed } from './member-format';
import { Empty, ScreenHeader } from './member-ui';
import { VisitRatingCard } from './visit-rating';

/** One visit's receipt (lines, discounts, tenders, points, refunds), or a recharge's or refund's slip. */
export function ReceiptScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const orders = useMyOrders();
  const ops = useMyAccountOps();
  const { byId } = useStores(useApi());
  const items = useMemo(() => buildHistory(orders, ops), [orders, ops]);
  const item = items.find((i) => i.id === id);
  const back = () => navigate('history');
  if (!item) {
    return (
      <div className="member-shell with-tabs">
        <ScreenHeader title={t('memberApp.receipt.title')} onBack={back} />
        <main className="member-main">
          <Empty icon={<ReceiptIcon size={32} />} text={t('memberApp.receipt.notHere')} />
        </main>
      </div>
    );
  }
  const store = item.storeId ? byId.get(item.storeId) : undefined;
  const refunds = refundsOf(item.id, ops);
  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t(item.type === 'order' ? 'memberApp.receipt.title' : 'memberApp.receipt.slip')} onBack={back} />
      <main className="member-main">
        <section className="card receipt" data-testid="receipt">
          <div className="receipt-head">
            <p className="receipt-store" data-testid="receipt-store">{store?.name ?? t('memberApp.history.someStore')}</p>
            <p className="muted">{titleOf(item, t)}</p>
            <p className={`receipt-total money${item.sign > 0 ? ' plus' : ''}`} data-testid="receipt-total">{signed(formatFen(item.amountFen), item.sign)}</p>
            {item.type === 'order' && item.order.status !== 'completed' ? (
              <span className={`pill pill-${item.order.status === 'rejected' ? 'danger' : 'warning'}`} data-testid="receipt-status">{t(`receipt.status.${item.order.status}`)}</span>
            ) : null}
          </div>
          {item.type === 'order' ? <OrderBody item={item} /> : <OpBody op={item.op} item={item} />}
          <dl className="receipt-meta">
            <Row label={t('receipt.time')}>{formatDateTime(item.at, lang)}</Row>
            <Row label={t('receipt.order')}><span className="mono">…{item.id.slice(-8)}</span></Row>
            {store?.address ? <Row label={t('memberApp.stores.address')}>{store.address}</Row> : null}
            {store?.phone ? <Row label={t('receipt.phone')}><a href={`tel:${store.phone}`}>{store.phone}</a></Row> : null}
          </dl>
        </section>
        {item.type === 'order' && item.order.kind === 'sale' && item.order.status !== 'pending' && item.order.status !== 'rejected' ? <VisitRatingCard orderId={item.id} at={item.at} /> : null}
        {refunds.length > 0 ? (
          <section className="card receipt-refunds" data-testid="receipt-refunds">
            <h2 className="section-title">{t('memberApp.receipt.refunds')}</h2>
            <ul>
              {refunds.map((r) => (
                <li key={r.opId}>
                  <button type="button" className="link-row" onClick={() => navigate(`history/${encodeURIComponent(r.opId)}`)}>
                    <span>{formatDateTime(r.at, lang)}</span>
                    <span className="money">{formatFen(r.amountFen)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </div>
  );
}

function Row({ label, children, testId, strong }: { label: string; children: ReactNode; testId?: string; strong?: boolean }) {
  return (
    <div className={`receipt-row${strong ? ' strong' : ''}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function OrderBody({ item }: { item: Extract<HistoryItem, { type: 'order' }> }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const o = item.order;
  return (
    <>
      {o.rejectReason ? <p className="receipt-reason">{t('receipt.rejectReason')}: {o.rejectReason}</p> : null}
      <ul className="receipt-lines" data-testid="receipt-lines">
        {o.lines.map((l) => (
          <li key={l.lineNo} className="receipt-line" data-testid="receipt-line">
            <div className="receipt-line-top">
              <span className="receipt-line-name">{l.name}</span>
              <span className="money">{formatFen(l.totalFen)}</span>
            </div>
            <div className="receipt-line-sub">
              <span>{formatFen(l.unitPriceFen)} × {l.quantity}</span>
              {l.discountFen > 0 ? <span className="receipt-discount">{t('receipt.lineDiscount')} −{formatFen(l.discountFen)}</span> : null}
            </div>
            {(l.explanation ?? []).length > 0 ? <p className="receipt-why">{(l.explanation ?? []).join(' · ')}</p> : null}
          </li>
        ))}
      </ul>
      <dl className="receipt-sums">
        <Row label={t('receipt.subtotal')}>{formatFen(o.subtotalFen)}</Row>
        {o.discountFen > 0 ? <Row label={t('memberApp.receipt.discount')} testId="receipt-discount"><span className="receipt-discount">−{formatFen(o.discountFen)}</span></Row> : null}
        <Row label={t('memberApp.receipt.paid')} strong>{formatFen(o.totalFen)}</Row>
        {o.tenders.map((tn, i) => (
          <Row key={`${tn.kind}-${i}`} label={t(`receipt.tender.${tn.kind}`)} testId="receipt-tender">{formatFen(tn.amountFen)}</Row>
        ))}
        {o.pointsEarned > 0 ? <Row label={t('receipt.pointsEarned')} testId="receipt-points">+{formatCount(o.pointsEarned, lang)}</Row> : null}
        {o.refundedFen > 0 ? <Row label={t('receipt.refunded')}><span className="money plus">{formatFen(o.refundedFen)}</span></Row> : null}
      </dl>
    </>
  );
}

function OpBody({ op, item }: { op: SyncedAccountOp; item: HistoryItem }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const of = item.type === 'refund' ? item.of : null;
  return (
    <dl className="receipt-sums">
      {op.kind === 'recharge' ? (
        <>
          <Row label={t('memberApp.receipt.paidIn')}>{formatFen(op.principalFen)}</Row>
          <Row label={t('memberApp.receipt.bonusIn')}>{formatFen(op.bonusFen)}</Row>
          <Row label={t('memberApp.receipt.credited')} strong>{formatFen(op.principalFen + op.bonusFen)}</Row>
        </>
      ) : (
        <>
          {op.refundOf && of !== 'other' ? (
            <Row label={t('memberApp.receipt.refundOf')}>
              <button type="button" className="link-button" onClick={() => navigate(`history/${encodeURIComponent(op.refundOf!)}`)} data-testid="receipt-original">
                {t(of === 'recharge' ? 'memberApp.history.recharge' : 'memberApp.receipt.theSale')} …{op.refundOf.slice(-8)}
              </button>
            </Row>
          ) : null}
          <Row label={t('memberApp.receipt.principalMoved')}>{signed(formatFen(Math.abs(op.principalFen)), op.principalFen < 0 ? -1 : 1)}</Row>
          <Row label={t('memberApp.receipt.bonusMoved')}>{signed(formatFen(Math.abs(op.bonusFen)), op.bonusFen < 0 ? -1 : 1)}</Row>
          {op.points !== 0 ? <Row label={t('memberApp.receipt.pointsMoved')}>{op.points > 0 ? '+' : '−'}{formatCount(Math.abs(op.points), lang)}</Row> : null}
          {op.refundCashFen !== null ? <Row label={t('memberApp.receipt.cashBack')} strong>{formatFen(op.refundCashFen)}</Row> : null}
        </>
      )}
    </dl>
  );
}
