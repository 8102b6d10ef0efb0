import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { ReportOrderDetail } from '../../../../../shared/schemas/reports-orders';
import { useApi } from '../../../lib/app-context';
import { Loading, LoadError } from '../../../lib/ui/states';
import { timeText } from './drill-drawer';

/** One sale as the drawer shows it: who and when, its lines with their discounts, tenders and refunds. */
export function OrderDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const q = useQuery({ queryKey: ['reports', 'order', id], queryFn: () => api.get<ReportOrderDetail>(`/api/reports/orders/${encodeURIComponent(id)}`) });
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const { order: o, lines, tenders, refunds } = q.data;
  return (
    <div className="report-drawer-body" data-testid="order-detail">
      <dl className="report-facts">
        <div><dt>{t('hqReports.drawer.time')}</dt><dd>{timeText(o.createdAt, lang)}</dd></div>
        <div><dt>{t('hqReports.drawer.store')}</dt><dd>{o.storeName}</dd></div>
        <div><dt>{t('hqReports.drawer.staff')}</dt><dd>{o.staffName}</dd></div>
        <div><dt>{t('hqReports.drawer.member')}</dt><dd>{o.memberName ?? t('hqReports.walkIn')}</dd></div>
        <div><dt>{t('hqReports.drawer.subtotal')}</dt><dd>{formatFen(o.subtotalFen)}</dd></div>
        <div><dt>{t('hqReports.drawer.discount')}</dt><dd>{formatFen(o.discountFen)}</dd></div>
        <div><dt>{t('hqReports.drawer.total')}</dt><dd className="strong">{formatFen(o.totalFen)}</dd></div>
        <div><dt>{t('hqReports.drawer.cost')}</dt><dd>{formatFen(o.costFen)}</dd></div>
        <div><dt>{t('hqReports.drawer.points')}</dt><dd>{o.pointsEarned}</dd></div>
        <div><dt>{t('hqReports.drawer.status')}</dt><dd>{t(`hqReports.drawer.statuses.${o.status as 'completed'}`, { defaultValue: o.status })}</dd></div>
      </dl>
      <h3 className="report-sub">{t('hqReports.drawer.lines')}</h3>
      <table className="table" data-testid="order-lines">
        <thead><tr><th>{t('hqReports.dims.product')}</th><th className="num">{t('hqReports.drawer.qty')}</th><th className="num">{t('hqReports.drawer.unitPrice')}</th><th className="num">{t('hqReports.drawer.lineDiscount')}</th><th className="num">{t('hqReports.drawer.lineTotal')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.name}{l.explanation.length ? <span className="report-tags">{l.explanation.map((x) => <span key={x} className="inv-chip">{x}</span>)}</span> : null}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{formatFen(l.unitPriceFen)}</td>
              <td className="num">{l.discountFen ? formatFen(-l.discountFen) : '—'}</td>
              <td className="num">{formatFen(l.totalFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="report-sub">{t('hqReports.drawer.tenders')}</h3>
      <table className="table" data-testid="order-tenders">
        <tbody>
          {tenders.map((p) => <tr key={p.id}><td>{t(`hqReports.tender.${p.tender as 'cash'}`, { defaultValue: p.tender })}</td><td className="mono muted">{p.reference}</td><td className="num">{formatFen(p.amountFen)}</td></tr>)}
        </tbody>
      </table>
      <h3 className="report-sub">{t('hqReports.drawer.refunds')}</h3>
      {refunds.length === 0 ? <p className="muted">{t('hqReports.drawer.noRefunds')}</p> : (
        <table className="table" data-testid="order-refunds">
          <tbody>
            {refunds.map((r) => <tr key={r.id}><td className="mono">{timeText(r.at, lang)}</td><td>{t(`hqReports.drawer.via.${r.via}`)}</td><td className="num">{formatFen(-r.amountFen)}</td></tr>)}
          </tbody>
        </table>
      )}
    </div>
  );
}
