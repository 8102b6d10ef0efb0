import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { ReportOrderPage } from '../../../../../shared/schemas/reports-orders';
import { useApi } from '../../../lib/app-context';
import { Button } from '../../../lib/ui/button';
import { Loading, LoadError } from '../../../lib/ui/states';
import { drillQuery, type DrillFilter } from './drill-filter';
import { OrderDetail } from './order-detail';

export const timeText = (at: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);

/** The drawer of the orders behind a figure (newest first, a page at a time), then one order's detail. */
export function DrillDrawer({ filter, onClose }: { filter: DrillFilter; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState<string | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ['reports', 'orders', drillQuery(filter)],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ReportOrderPage>('/api/reports/orders', drillQuery(filter, pageParam)),
    getNextPageParam: (p) => p.next ?? undefined,
  });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const orders = pages.data?.pages.flatMap((p) => p.orders) ?? [];
  const lang = i18n.resolvedLanguage ?? 'zh-CN';

  return (
    <dialog ref={ref} className="report-drawer" aria-labelledby="drill-title" data-testid="drill-drawer" onCancel={(e) => (e.preventDefault(), onClose())}>
      <div className="report-drawer-head">
        <div>
          <h2 id="drill-title" className="section-title">{open ? t('hqReports.drawer.order', { id: open.slice(-8) }) : t('hqReports.drawer.title')}</h2>
          <p className="muted">{filter.title} · {t('hqReports.period.range', { from: filter.from, to: filter.to })}</p>
        </div>
        <div className="report-drawer-actions">
          {open ? <Button variant="secondary" className="btn-sm" onClick={() => setOpen(null)} data-testid="drill-back">{t('hqReports.drawer.back')}</Button> : null}
          <Button variant="ghost" className="btn-sm" onClick={onClose} data-testid="drill-close">{t('hqReports.drawer.close')}</Button>
        </div>
      </div>
      {open ? <OrderDetail id={open} /> : (
        <div className="report-drawer-body">
          {pages.error ? <LoadError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
          {pages.isPending ? <Loading /> : null}
          {pages.data && orders.length === 0 ? <p className="empty">{t('hqReports.drawer.none')}</p> : null}
          {orders.length ? (
            <table className="table" data-testid="drill-orders">
              <thead>
                <tr><th>{t('hqReports.drawer.time')}</th><th>{t('hqReports.drawer.store')}</th><th>{t('hqReports.drawer.staff')}</th><th>{t('hqReports.drawer.member')}</th><th className="num">{t('hqReports.drawer.total')}</th><th className="num">{t('hqReports.drawer.refunded')}</th><th>{t('hqReports.drawer.status')}</th></tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id} className="report-click" onClick={() => setOpen(o.id)} data-testid="drill-order">
                    <td className="mono">{timeText(o.createdAt, lang)}</td>
                    <td>{o.storeName}</td>
                    <td>{o.staffName}</td>
                    <td>{o.memberName ?? t('hqReports.walkIn')}</td>
                    <td className="num">{formatFen(o.totalFen)}</td>
                    <td className="num">{o.refundedFen ? formatFen(o.refundedFen) : '—'}</td>
                    <td>{t(`hqReports.drawer.statuses.${o.status as 'completed'}`, { defaultValue: o.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {pages.hasNextPage ? <Button variant="secondary" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()} data-testid="drill-more">{t('hqReports.drawer.loadMore')}</Button> : null}
        </div>
      )}
    </dialog>
  );
}
