import { useTranslation } from 'react-i18next';
import { toLang } from '../../../lib/format';
import { BellIcon } from '../../../lib/ui/icons';
import { useToday } from './use-reports';
import { LAG_WARN_MS } from '../../../../../shared/schemas/reports-today';

/** 预警中心: low stock, silent tablets, sales reaching HQ late, open alerts (refreshed every minute). */
export function HomeWarnings() {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const q = useToday('warnings', undefined);
  const w = q.data?.warnings;
  const when = (at: number | null) => (at ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at) : t('hqReports.home.neverSeen'));
  const slow = (w?.projectionLag ?? []).filter((l) => l.lagMs >= LAG_WARN_MS);
  const none = w && w.lowStockCount === 0 && w.silentTablets.length === 0 && slow.length === 0 && w.openAlerts === 0;
  return (
    <section className="card report-warnings" data-testid="home-warnings">
      <h2 className="section-title"><BellIcon size={18} /> {t('hqReports.home.warnings')}</h2>
      {!w ? <p className="muted">…</p> : null}
      {none ? <p className="report-ok" data-testid="home-all-clear">{t('hqReports.home.allClear')}</p> : null}
      {w && w.lowStockCount > 0 ? (
        <div className="report-warning" data-testid="warn-low-stock">
          <h3>{t('hqReports.home.lowStock', { count: w.lowStockCount })}</h3>
          <ul>{w.lowStock.slice(0, 5).map((x) => <li key={`${x.storeId}|${x.productId}`}>{t('hqReports.home.lowStockItem', { store: x.storeName, name: x.name, quantity: x.quantity, threshold: x.threshold })}</li>)}</ul>
        </div>
      ) : null}
      {w && w.silentTablets.length > 0 ? (
        <div className="report-warning" data-testid="warn-silent">
          <h3>{t('hqReports.home.silent', { count: w.silentTablets.length })}</h3>
          <ul>{w.silentTablets.slice(0, 5).map((x) => <li key={x.id}>{t('hqReports.home.silentItem', { store: x.storeName, name: x.name, when: when(x.lastSeenAt) })}</li>)}</ul>
        </div>
      ) : null}
      {slow.length > 0 ? (
        <div className="report-warning" data-testid="warn-lag">
          <h3>{t('hqReports.home.lag')}</h3>
          <ul>{slow.map((x) => <li key={x.storeId}>{t('hqReports.home.lagItem', { store: x.storeName, seconds: Math.round(x.lagMs / 1000) })}</li>)}</ul>
        </div>
      ) : null}
      {w && w.openAlerts > 0 ? <p className="report-warning" data-testid="warn-alerts">{t('hqReports.home.openAlerts', { count: w.openAlerts })}</p> : null}
    </section>
  );
}
