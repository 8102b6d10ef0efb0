import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StockWarning } from '../../../../shared/schemas/inventory';
import { useApi } from '../../lib/app-context';
import { Loading, LoadError } from '../../lib/ui/states';

/** 预警中心: at or below threshold, the store that runs out first at the top. */
export function InventoryWarnings({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const res = useQuery({ queryKey: ['inventory', 'warnings', storeId], queryFn: () => api.get<{ warnings: StockWarning[]; velocityDays: number }>('/api/inventory/warnings', { storeId: storeId || undefined }) });
  if (res.isError && !res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  if (!res.data) return <Loading />;
  return (
    <section className="card table-card">
      <h2 className="table-card-title">{t('hqInventory.warnings.title', { count: res.data.warnings.length })}</h2>
      <p className="table-note muted">{t('hqInventory.warnings.note', { days: res.data.velocityDays })}</p>
      <table className="table table-compact" data-testid="warnings-table">
        <thead>
          <tr>
            <th>{t('hqInventory.cols.store')}</th>
            <th>{t('hqInventory.cols.product')}</th>
            <th className="num">{t('hqInventory.cols.quantity')}</th>
            <th className="num">{t('hqInventory.cols.threshold')}</th>
            <th className="num">{t('hqInventory.cols.dailySales')}</th>
            <th className="num">{t('hqInventory.cols.cover')}</th>
          </tr>
        </thead>
        <tbody>
          {res.data.warnings.length === 0 ? <tr><td colSpan={6} className="empty">{t('hqInventory.warnings.empty')}</td></tr> : null}
          {res.data.warnings.map((w) => (
            <tr key={`${w.storeId}|${w.productId}`} data-testid="warning-row">
              <td className="nowrap">{w.storeName}</td>
              <td className="strong">{w.name} <span className="cell-sub mono">{w.sku}</span></td>
              <td className={`num${w.quantity <= 0 ? ' inv-negative' : ''}`}>{w.quantity} <span className="muted">{w.unit}</span></td>
              <td className="num">{w.lowStockThreshold}</td>
              <td className="num">{w.dailySales}</td>
              <td className="num">
                {w.daysOfCover === null ? <span className="muted">{t('hqInventory.warnings.noSales')}</span> : (
                  <span className={`inv-chip ${w.daysOfCover < 3 ? 'inv-chip-low' : 'inv-chip-warn'}`}>{t('hqInventory.warnings.days', { days: w.daysOfCover })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
