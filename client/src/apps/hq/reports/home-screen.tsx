import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { formatCount, toLang } from '../../../lib/format';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { HomeWarnings } from './home-warnings';
import { formatBp, shareBp } from './report-format';
import { StatCard } from './stat-card';
import { useToday } from './use-reports';

const clock = (at: number, lang: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);

/**
 * 首页: today's figures per store (polled every 5 s, so a sale shows seconds later), the warnings
 * centre and the last 30 days. The figures are plain HTML and paint first; the charts follow once
 * ECharts has loaded.
 */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const figures = useToday('figures', undefined);
  const trend = useToday('trend', undefined);
  const n = (v: number) => formatCount(v, lang);
  const f = figures.data?.figures;
  // The opening hours at least (08–22), wider if sales fell outside them, quiet hours as zeros.
  const byHour = new Map((f?.byHour ?? []).map((h) => [h.hour, h.netFen]));
  const sold = [...byHour.keys()];
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => h >= Math.min(8, ...sold) && h <= Math.max(22, ...sold));
  return (
    <div className="report-home">
      <div className="page-head page-head-actions">
        <div>
          <h1 className="page-title" data-testid="hq-home-heading">{t('hqReports.home.heading')}</h1>
          <p className="muted">{t('hqReports.home.subtitle')}</p>
        </div>
        {figures.data ? <span className="muted" data-testid="home-updated">{t('hqReports.home.updated', { time: clock(figures.dataUpdatedAt || figures.data.now, lang) })}</span> : null}
      </div>
      {figures.error && !f ? <LoadError error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {!f && !figures.error ? <Loading /> : null}
      {f ? (
        <>
          <div className="stat-grid report-stats" data-testid="home-figures">
            <StatCard accent label={t('hqReports.home.net')} value={formatFen(f.totals.netFen)} testId="home-net" />
            <StatCard label={t('hqReports.home.orders')} value={n(f.totals.orders)} testId="home-orders" />
            <StatCard label={t('hqReports.home.avgTicket')} value={formatFen(f.totals.avgTicketFen)} />
            <StatCard label={t('hqReports.home.memberShare')} value={formatBp(shareBp(f.totals.memberOrders, f.totals.orders))} />
            <StatCard label={t('hqReports.home.refund')} value={formatFen(f.totals.refundFen)} />
          </div>
          <div className="report-home-grid">
            <section className="card table-card">
              <h2 className="section-title table-card-title">{t('hqReports.home.stores')}</h2>
              <table className="table" data-testid="home-stores">
                <thead><tr><th>{t('hqReports.staff.store')}</th><th className="num">{t('hqReports.sales.orders')}</th><th className="num">{t('hqReports.sales.net')}</th><th className="num">{t('hqReports.home.memberOrders')}</th><th className="num">{t('hqReports.home.lastSale')}</th></tr></thead>
                <tbody>
                  {f.stores.map((s) => (
                    <tr key={s.storeId} data-testid="home-store-row">
                      <td className="strong">{s.storeName}</td>
                      <td className="num">{n(s.orders)}</td>
                      <td className="num">{formatFen(s.netFen)}</td>
                      <td className="num">{n(s.memberOrders)}</td>
                      <td className="num mono">{s.lastSaleAt ? clock(s.lastSaleAt, lang) : t('hqReports.home.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <HomeWarnings />
          </div>
          <div className="report-home-grid">
            <section className="card report-chart-card">
              <h2 className="section-title">{t('hqReports.home.byHour')}</h2>
              <Chart testId="home-hours" height={240} option={barOption(hours.map((h) => `${h}:00`), [{ name: t('hqReports.sales.net'), values: hours.map((h) => byHour.get(h) ?? 0), unit: 'fen' }])} />
            </section>
            <section className="card report-chart-card">
              <h2 className="section-title">{t('hqReports.home.trend')}</h2>
              {trend.data?.trend ? (
                <Chart testId="home-trend" height={240} option={barOption(trend.data.trend.map((d) => d.day.slice(5)), [
                  { name: t('hqReports.sales.net'), values: trend.data.trend.map((d) => d.netFen), unit: 'fen', type: 'line' },
                ])} />
              ) : <div className="report-chart report-chart-loading" style={{ height: 240 }} />}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
