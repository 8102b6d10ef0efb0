import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Store, StoreSummary } from '../../../../shared/schemas/store';
import { useApi, useSession } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { StoreDialog } from './store-dialog';
import { storeTotals } from './store-totals';

/** 门店: chain totals as cards, then one row per store with a totals row. */
export function StoresScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const res = useResource(() => api.get<{ stores: StoreSummary[] }>('/api/stores'), []);
  const n = (v: number) => formatCount(v, lang);
  const user = useSession()?.user;
  const canEdit = user?.kind === 'staff' && user.role === 'hq_admin';
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const onEdit = canEdit ? (s: Store) => (setSaved(null), setEditing(s)) : null;

  return (
    <>
      <div className="page-head page-head-actions">
        <div>
          <h1 className="page-title" data-testid="home-heading">
            {t('hq.stores.heading')}
          </h1>
          <p className="muted">{t('hq.stores.subtitle')}</p>
        </div>
        {canEdit ? <Button onClick={() => (setSaved(null), setEditing('new'))} data-testid="store-new">{t('hqStaff.store.new')}</Button> : null}
      </div>
      {saved ? <Notice kind="success" testId="store-saved">{t('hqStaff.store.saved', { name: saved })}</Notice> : null}
      {res.status === 'error' && !res.data ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      {res.status === 'loading' && !res.data ? <Loading /> : null}
      {res.data ? <StoresView stores={res.data.stores} n={n} onEdit={onEdit} /> : null}
      {editing ? (
        <StoreDialog store={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(s) => (setEditing(null), setSaved(s.name), res.reload())} />
      ) : null}
    </>
  );
}

function StoresView({ stores, n, onEdit }: { stores: StoreSummary[]; n: (v: number) => string; onEdit: ((s: Store) => void) | null }) {
  const { t } = useTranslation();
  const total = storeTotals(stores);
  const cols = onEdit ? 10 : 9;
  return (
    <>
      <div className="stat-grid" data-testid="store-totals">
        <div className="stat">
          <span className="stat-label">{t('hq.stores.totals.stores')}</span>
          <span className="stat-value">{n(total.stores)}</span>
          <span className="stat-note">{t('hq.stores.totals.storesNote', { open: total.open })}</span>
        </div>
        <div className="stat">
          <span className="stat-label">{t('hq.stores.totals.members')}</span>
          <span className="stat-value">{n(total.members)}</span>
        </div>
        <div className="stat">
          <span className="stat-label">{t('hq.stores.totals.staff')}</span>
          <span className="stat-value">{n(total.staff)}</span>
        </div>
        <div className="stat stat-accent">
          <span className="stat-label">{t('hq.stores.totals.sales30d')}</span>
          <span className="stat-value money">{formatFen(total.sales30dFen)}</span>
          <span className="stat-note">{t('hq.stores.totals.orders30d', { count: total.orders30d })}</span>
        </div>
      </div>

      <div className="card table-card">
        <table className="table" data-testid="store-table">
          <thead>
            <tr>
              <th>{t('hq.stores.columns.code')}</th>
              <th>{t('hq.stores.columns.name')}</th>
              <th>{t('hq.stores.columns.address')}</th>
              <th>{t('hq.stores.columns.phone')}</th>
              <th>{t('hq.stores.columns.status')}</th>
              <th className="num">{t('hq.stores.columns.members')}</th>
              <th className="num">{t('hq.stores.columns.staff')}</th>
              <th className="num">{t('hq.stores.columns.sales30d')}</th>
              <th className="num">{t('hq.stores.columns.orders30d')}</th>
              {onEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {stores.length === 0 ? (
              <tr>
                <td colSpan={cols} className="empty">
                  {t('hq.stores.empty')}
                </td>
              </tr>
            ) : (
              stores.map((s) => (
                <tr key={s.id} data-testid="store-row">
                  <td className="mono">{s.code}</td>
                  <td className="strong">{s.name}</td>
                  <td className="muted wrap">
                    {s.address}
                    {s.hours ? <span className="cell-sub">{t('hqStaff.store.hours')} {s.hours}</span> : null}
                  </td>
                  <td className="nowrap">{s.phone}</td>
                  <td>
                    <span className={`status status-${s.status}`}>{t(`hq.stores.status.${s.status}`)}</span>
                  </td>
                  <td className="num">{n(s.memberCount)}</td>
                  <td className="num">{n(s.staffCount)}</td>
                  <td className="num money">{formatFen(s.sales30dFen)}</td>
                  <td className="num">{n(s.orders30d)}</td>
                  {onEdit ? (
                    <td>
                      <Button variant="secondary" className="btn-sm" onClick={() => onEdit(s)} data-testid="store-edit">{t('hqStaff.store.edit')}</Button>
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
          {stores.length > 1 ? (
            <tfoot>
              <tr>
                <td colSpan={5}>{t('hq.stores.total')}</td>
                <td className="num">{n(total.members)}</td>
                <td className="num">{n(total.staff)}</td>
                <td className="num money">{formatFen(total.sales30dFen)}</td>
                <td className="num">{n(total.orders30d)}</td>
                {onEdit ? <td /> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </>
  );
}
