import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Device } from '../../../../shared/schemas/device';
import { formatCount, type Lang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { deviceTotals, deviceTotalsByStore, isQuiet, since } from './device-totals';

export function DevicesView({ devices, lang, onRetire }: { devices: Device[]; lang: Lang; onRetire?: (d: Device) => void }) {
  const { t } = useTranslation();
  const n = (v: number) => formatCount(v, lang);
  const total = deviceTotals(devices);
  const stores = deviceTotalsByStore(devices);
  const now = Date.now();
  const cols = onRetire ? 8 : 7;
  // A store's row and the total row show the same figures.
  const figures = (x: { active: number; retired: number; openAllowances: number; outstandingFen: number; writtenOffFen: number }) => (
    <>
      <td className="nowrap">{t('devices.byStore.tabletsValue', { active: x.active, retired: x.retired })}</td>
      <td className="num">{n(x.openAllowances)}</td>
      <td className="num money">{formatFen(x.outstandingFen)}</td>
      <td className={`num money${x.writtenOffFen > 0 ? ' written-off' : ''}`}>{formatFen(x.writtenOffFen)}</td>
    </>
  );

  return (
    <>
      <div className="stat-grid" data-testid="device-totals">
        <div className="stat">
          <span className="stat-label">{t('devices.totals.tablets')}</span>
          <span className="stat-value">{n(total.tablets)}</span>
          <span className="stat-note">{t('devices.totals.tabletsNote', { active: total.active, retired: total.retired })}</span>
        </div>
        <div className="stat">
          <span className="stat-label">{t('devices.totals.allowances')}</span>
          <span className="stat-value">{n(total.openAllowances)}</span>
          <span className="stat-note">{t('devices.totals.allowancesNote')}</span>
        </div>
        <div className="stat stat-accent">
          <span className="stat-label">{t('devices.totals.outstanding')}</span>
          <span className="stat-value money">{formatFen(total.outstandingFen)}</span>
          <span className="stat-note">{t('devices.totals.outstandingNote')}</span>
        </div>
        <div className={`stat${total.writtenOffFen > 0 ? ' stat-danger' : ''}`}>
          <span className="stat-label">{t('devices.totals.writtenOff')}</span>
          <span className="stat-value money">{formatFen(total.writtenOffFen)}</span>
          <span className="stat-note">{t('devices.totals.writtenOffNote')}</span>
        </div>
      </div>

      {stores.length > 1 ? (
        <section className="card table-card" aria-labelledby="devices-by-store">
          <h2 id="devices-by-store" className="table-card-title">
            {t('devices.byStore.heading')}
          </h2>
          <table className="table" data-testid="device-store-table">
            <thead>
              <tr>
                <th>{t('devices.columns.store')}</th>
                <th>{t('devices.byStore.tablets')}</th>
                <th className="num">{t('devices.columns.allowances')}</th>
                <th className="num">{t('devices.columns.outstanding')}</th>
                <th className="num">{t('devices.columns.writtenOff')}</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((s) => (
                <tr key={s.storeId} data-testid="device-store-row">
                  <td className="strong">{s.storeName}</td>
                  {figures(s)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t('devices.total')}</td>
                {figures(total)}
              </tr>
            </tfoot>
          </table>
        </section>
      ) : null}

      <div className="card table-card">
        <table className="table" data-testid="device-table">
          <thead>
            <tr>
              <th>{t('devices.columns.store')}</th>
              <th>{t('devices.columns.name')}</th>
              <th>{t('devices.columns.status')}</th>
              <th>{t('devices.columns.lastSeen')}</th>
              <th className="num">{t('devices.columns.members')}</th>
              <th className="num">{t('devices.columns.outstanding')}</th>
              <th className="num">{t('devices.columns.writtenOff')}</th>
              {onRetire ? <th className="num">{t('devices.columns.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {devices.length === 0 ? (
              <tr>
                <td colSpan={cols} className="empty">
                  {t('devices.empty')}
                </td>
              </tr>
            ) : (
              devices.map((d) => (
                <tr key={d.id} data-testid="device-row" className={d.status === 'retired' ? 'row-retired' : undefined}>
                  <td className="nowrap">{d.storeName}</td>
                  <td className="strong">{d.name}</td>
                  <td>
                    <span className={`status status-${d.status}`}>{t(`devices.status.${d.status}`)}</span>
                    {d.retiredAt !== null ? (
                      <span className="cell-sub">{t('devices.retiredAt', { at: formatDateTime(d.retiredAt, lang) })}</span>
                    ) : null}
                  </td>
                  <td className="nowrap">
                    <LastSeen at={d.lastSeenAt} now={now} lang={lang} />
                    {isQuiet(d, now) ? (
                      <span className="badge badge-warning" title={t('devices.quietHint')} data-testid="device-quiet">
                        {t('devices.quiet')}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">{n(d.openAllowances)}</td>
                  <td className="num money">{formatFen(d.outstandingFen)}</td>
                  <td className={`num money${d.writtenOffFen > 0 ? ' written-off' : ''}`} data-testid="device-written-off">
                    {formatFen(d.writtenOffFen)}
                  </td>
                  {onRetire ? (
                    <td className="num">
                      {d.status === 'active' ? (
                        <Button
                          variant="secondary"
                          className="btn-sm btn-danger-outline"
                          onClick={() => onRetire(d)}
                          aria-label={t('devices.retire.actionLabel', { name: d.name })}
                          data-testid="device-retire"
                        >
                          {t('devices.retire.action')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
          {devices.length > 1 ? (
            <tfoot>
              <tr>
                <td colSpan={4}>{t('devices.total')}</td>
                <td className="num">{n(total.openAllowances)}</td>
                <td className="num money">{formatFen(total.outstandingFen)}</td>
                <td className={`num money${total.writtenOffFen > 0 ? ' written-off' : ''}`}>{formatFen(total.writtenOffFen)}</td>
                {onRetire ? <td /> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </>
  );
}

const formatDateTime = (at: number, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'short' }).format(at);

/** "3 小时前" / "3 hours ago", with the exact time under it. */
function LastSeen({ at, now, lang }: { at: number | null; now: number; lang: Lang }) {
  const { t } = useTranslation();
  if (at === null) return <span className="muted">{t('devices.neverSeen')}</span>;
  const ago = since(at, now);
  const rel = ago.value === 0 ? t('devices.justNow') : new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-ago.value, ago.unit);
  const abs = formatDateTime(at, lang);
  return (
    <>
      <time dateTime={new Date(at).toISOString()} title={abs}>
        {rel}
      </time>
      <span className="cell-sub">{abs}</span>
    </>
  );
}
