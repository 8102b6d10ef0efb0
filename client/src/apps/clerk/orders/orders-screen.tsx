import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { SessionUser } from '../../../../../shared/schemas/auth';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { selfApproves } from '../approval';
import type { ReceiptHeader } from '../counter/sale-done';
import { OrderDetail } from './order-detail';
import { filterOrders, summarize, type OrderFilter } from './order-list';
import { OrderRow } from './order-row';
import { NO_ORDERS, readOrders } from './orders-data';
import './orders.css';

type Props = { storeId: string; actor: SessionUser; header: ReceiptHeader; selectedId: string | null; onSelect(id: string | null): void };

/**
 * The store's orders as this tablet holds them (offline too): today's by default, the clerk's own
 * or everyone's. List and detail side by side in landscape; one at a time in portrait.
 */
export function OrdersScreen({ storeId, actor, header, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const data = useSubscribe((tx) => readOrders(tx, storeId), NO_ORDERS, [storeId]);
  // A manager looks after everyone's sales; a clerk first looks for their own.
  const [filter, setFilter] = useState<OrderFilter>(() => ({ today: true, mine: !selfApproves(actor, storeId) }));
  const now = Date.now();
  const list = useMemo(() => filterOrders(data.orders, filter, actor.id, now), [data, filter, actor.id, Math.floor(now / 60_000)]);
  const sum = summarize(list);
  const selected = selectedId ? (data.orders.find((o) => o.id === selectedId) ?? null) : null;
  const chip = (on: boolean, label: string, set: Partial<OrderFilter>, testId: string) => (
    <button type="button" className={`chip ${on ? 'chip-on' : ''}`} aria-pressed={on} onClick={() => setFilter({ ...filter, ...set })} data-testid={testId}>{label}</button>
  );
  return (
    <main className={`orders ${selectedId ? 'orders-with-detail' : ''}`} data-testid="orders">
      <section className="orders-list-pane" aria-labelledby="orders-title">
        <header className="orders-head">
          <h1 id="orders-title" className="section-title">{t('orders.title')}</h1>
          <span className="muted" data-testid="orders-summary">{t('orders.summary', { count: sum.count, amount: formatFen(sum.netFen) })}</span>
        </header>
        <div className="orders-filters">
          <div className="chips" role="group" aria-label={t('orders.when')}>
            {chip(filter.today, t('orders.today'), { today: true }, 'orders-today')}
            {chip(!filter.today, t('orders.allDays'), { today: false }, 'orders-all-days')}
          </div>
          <div className="chips" role="group" aria-label={t('orders.whose')}>
            {chip(filter.mine, t('orders.mine'), { mine: true }, 'orders-mine')}
            {chip(!filter.mine, t('orders.allStaff'), { mine: false }, 'orders-all-staff')}
          </div>
        </div>
        {list.length === 0 ? (
          <p className="orders-empty" data-testid="orders-empty">{filter.today ? t('orders.noneToday') : t('orders.none')}</p>
        ) : (
          <ul className="orders-list">
            {list.map((o) => <OrderRow key={o.id} order={o} now={now} selected={o.id === selectedId} onOpen={() => onSelect(o.id)} />)}
          </ul>
        )}
      </section>
      <div className="orders-detail-pane">
        {selected ? (
          <OrderDetail key={selected.id} order={selected} actorId={actor.id} storeId={storeId} staffName={data.staffNames.get(selected.staffId) ?? null} tierName={selected.member ? (data.tierNames.get(selected.member.tierCode) ?? null) : null} header={header} onBack={() => onSelect(null)} />
        ) : selectedId ? (
          <p className="orders-empty">{t('orders.notHere')}</p>
        ) : (
          <p className="orders-empty orders-pick">{t('orders.pick')}</p>
        )}
      </div>
    </main>
  );
}
