import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import { useApi } from '../../lib/app-context';
import { toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { ChevronRightIcon, ReceiptIcon, WalletIcon } from '../../lib/ui/icons';
import { buildHistory, groupByMonth, type HistoryItem } from './history';
import { useMyAccountOps, useMyOrders, useStores } from './member-data';
import { formatDateTime, formatMonth, signed } from './member-format';
import { Empty, ScreenHeader } from './member-ui';

/** 记录: every visit, recharge and refund from the synced view, newest first, by month. */
export function HistoryScreen() {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const orders = useMyOrders();
  const ops = useMyAccountOps();
  const { byId } = useStores(useApi());
  const groups = useMemo(() => groupByMonth(buildHistory(orders, ops)), [orders, ops]);
  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.history.title')} testId="history-heading" />
      <main className="member-main">
        {groups.length === 0 ? (
          <Empty icon={<ReceiptIcon size={32} />} text={t('memberApp.history.empty')} testId="history-empty" />
        ) : (
          groups.map((g) => (
            <section key={g.month} className="history-month" aria-label={formatMonth(g.month, lang)}>
              <h2 className="history-month-title">{formatMonth(g.month, lang)}</h2>
              <ul className="card list-card" data-testid="history-list">
                {g.items.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="list-row" onClick={() => navigate(`history/${encodeURIComponent(item.id)}`)} data-testid="history-item" data-kind={item.type}>
                      <span className={`row-icon row-icon-${rowTone(item)}`}>{item.type === 'order' ? <ReceiptIcon size={20} /> : <WalletIcon size={20} />}</span>
                      <span className="row-main">
                        <span className="row-title">{titleOf(item, t)}</span>
                        <span className="row-sub">
                          {(item.storeId ? byId.get(item.storeId)?.name : null) ?? t('memberApp.history.someStore')} · {formatDateTime(item.at, lang)}
                        </span>
                      </span>
                      <span className="row-end">
                        <span className={`row-amount money${item.sign > 0 ? ' plus' : ''}${item.type === 'order' && item.order.status === 'rejected' ? ' struck' : ''}`} data-testid="history-amount">
                          {signed(formatFen(item.amountFen), item.sign)}
                        </span>
                        {statusOf(item, t) ? <span className="row-status">{statusOf(item, t)}</span> : null}
                      </span>
                      <ChevronRightIcon size={18} />
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </main>
    </div>
  );
}

type T = TFunction;
const rowTone = (i: HistoryItem) => (i.type === 'recharge' ? 'green' : i.type === 'refund' ? 'amber' : 'brand');

export function titleOf(item: HistoryItem, t: T): string {
  if (item.type === 'recharge') return t('memberApp.history.recharge');
  if (item.type === 'refund') return t(item.of === 'recharge' ? 'memberApp.history.rechargeRefund' : 'memberApp.history.refund');
  if (item.order.kind === 'refund') return t('memberApp.history.refund');
  const first = item.order.lines[0]?.name;
  if (!first) return t('memberApp.history.spend');
  return item.order.lines.length > 1 ? t('memberApp.history.items', { name: first, count: item.order.lines.length }) : first;
}

function statusOf(item: HistoryItem, t: T): string | null {
  if (item.type === 'recharge' && item.op.bonusFen > 0) return t('memberApp.history.bonus', { amount: formatFen(item.op.bonusFen) });
  if (item.type !== 'order') return null;
  const s = item.order.status;
  return s === 'rejected' || s === 'refunded' || s === 'partially_refunded' ? t(`receipt.status.${s}`) : null;
}
