import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockLevel, StockLevelList } from '../../../../shared/schemas/inventory';
import type { Store } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { TextField } from '../../lib/ui/text-field';
import { InventoryMoveDialog, type MoveKind } from './inventory-move-dialog';
import type { Viewer } from './inventory-screen';

const when = (ms: number | null, lang: string) => (ms ? new Date(ms).toLocaleString(lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—');

/** 库存: one row per store × product; 进货 / 调整 / 阈值 on each. */
export function InventoryLevels({ storeId, viewer, stores }: { storeId: string; viewer: Viewer; stores: Store[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [q, setQ] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [open, setOpen] = useState<{ kind: MoveKind; level: StockLevel } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const res = useQuery({
    queryKey: ['inventory', 'levels', storeId, q, lowOnly],
    queryFn: () => api.get<StockLevelList>('/api/inventory', { storeId: storeId || undefined, q: q || undefined, lowOnly: lowOnly ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });
  const many = !storeId && stores.length > 1;
  return (
    <section className="card table-card">
      <div className="catalog-toolbar">
        <TextField label={t('hqInventory.levels.search')} placeholder={t('hqInventory.levels.searchPlaceholder')} type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="inventory-search" />
        <label className="checkbox inv-low-only">
          <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} data-testid="inventory-low-only" /> {t('hqInventory.levels.lowOnly')}
        </label>
      </div>
      {done ? <Notice kind="success" testId="inventory-saved">{done}</Notice> : null}
      {res.isError && !res.data ? <LoadError error={res.error} onRetry={() => void res.refetch()} /> : null}
      {res.isPending ? <Loading /> : null}
      {res.data ? (
        <div className="inv-scroll">
          <table className="table table-compact" data-testid="inventory-table">
            <thead>
              <tr>
                {many ? <th>{t('hqInventory.cols.store')}</th> : null}
                <th>{t('hqInventory.cols.sku')}</th>
                <th>{t('hqInventory.cols.product')}</th>
                <th className="num">{t('hqInventory.cols.quantity')}</th>
                <th className="num">{t('hqInventory.cols.threshold')}</th>
                <th>{t('hqInventory.cols.lastMovement')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {res.data.levels.length === 0 ? <tr><td colSpan={7} className="empty">{t('hqInventory.levels.empty')}</td></tr> : null}
              {res.data.levels.map((l) => (
                <tr key={`${l.storeId}|${l.productId}`} data-testid="inventory-row" className={l.low ? 'inv-row-low' : undefined}>
                  {many ? <td className="nowrap">{l.storeName}</td> : null}
                  <td className="mono">{l.sku}</td>
                  <td className="strong">{l.name}{l.low ? <span className="inv-chip inv-chip-low">{t('hqInventory.levels.low')}</span> : null}</td>
                  <td className={`num${l.quantity < 0 ? ' inv-negative' : ''}`}>{l.quantity} <span className="muted">{l.unit}</span></td>
                  <td className="num">{l.lowStockThreshold || '—'}</td>
                  <td className="nowrap muted">{when(l.lastMovementAt, i18n.language)}</td>
                  <td className="inv-actions">
                    <Button variant="secondary" className="btn-sm" onClick={() => (setDone(null), setOpen({ kind: 'receive', level: l }))} data-testid="inventory-receive">{t('hqInventory.actions.receive')}</Button>
                    <Button variant="secondary" className="btn-sm" onClick={() => (setDone(null), setOpen({ kind: 'adjust', level: l }))} data-testid="inventory-adjust">{t('hqInventory.actions.adjust')}</Button>
                    {viewer.isManager ? <Button variant="secondary" className="btn-sm" onClick={() => (setDone(null), setOpen({ kind: 'threshold', level: l }))} data-testid="inventory-threshold">{t('hqInventory.actions.threshold')}</Button> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {res.data.truncated ? <p className="table-note muted">{t('hqInventory.levels.truncated')}</p> : null}
        </div>
      ) : null}
      {open ? <InventoryMoveDialog kind={open.kind} level={open.level} onClose={() => setOpen(null)} onDone={(text) => (setOpen(null), setDone(text))} /> : null}
    </section>
  );
}
