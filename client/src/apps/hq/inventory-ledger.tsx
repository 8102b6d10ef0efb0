import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { StockLedgerPage } from '../../../../shared/schemas/inventory';
import type { Store } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { Button } from '../../lib/ui/button';
import { Loading, LoadError } from '../../lib/ui/states';

/** 流水: the stock ledger, newest first, a page at a time. */
export function InventoryLedger({ storeId, stores }: { storeId: string; stores: Store[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const res = useInfiniteQuery({
    queryKey: ['inventory', 'ledger', storeId],
    queryFn: ({ pageParam }) => api.get<StockLedgerPage>('/api/inventory/ledger', { storeId: storeId || undefined, cursor: pageParam ?? undefined, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (res.isError && !res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  if (!res.data) return <Loading />;
  const rows = res.data.pages.flatMap((p) => p.rows);
  return (
    <section className="card table-card">
      <table className="table table-compact" data-testid="ledger-table">
        <thead>
          <tr>
            <th>{t('hqInventory.cols.time')}</th>
            <th>{t('hqInventory.cols.store')}</th>
            <th>{t('hqInventory.cols.product')}</th>
            <th>{t('hqInventory.cols.reason')}</th>
            <th className="num">{t('hqInventory.cols.delta')}</th>
            <th className="num">{t('hqInventory.cols.unitCost')}</th>
            <th>{t('hqInventory.cols.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <tr><td colSpan={7} className="empty">{t('hqInventory.ledger.empty')}</td></tr> : null}
          {rows.map((r) => (
            <tr key={r.id} data-testid="ledger-row">
              <td className="nowrap muted">{new Date(r.createdAt).toLocaleString(i18n.language)}</td>
              <td className="nowrap">{stores.find((s) => s.id === r.storeId)?.name ?? r.storeId}</td>
              <td className="strong">{r.productName}</td>
              <td><span className={`inv-chip inv-reason-${r.reason}`}>{t(`hqInventory.reason.${r.reason}`)}</span></td>
              <td className={`num ${r.delta < 0 ? 'inv-negative' : 'inv-positive'}`}>{r.delta > 0 ? `+${r.delta}` : r.delta}</td>
              <td className="num money">{r.unitCostFen === null ? '—' : formatFen(r.unitCostFen)}</td>
              <td className="muted wrap">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {res.hasNextPage ? (
        <div className="members-pager">
          <Button variant="secondary" className="btn-sm" loading={res.isFetchingNextPage} onClick={() => void res.fetchNextPage()} data-testid="ledger-more">{t('hqInventory.ledger.more')}</Button>
        </div>
      ) : null}
    </section>
  );
}
