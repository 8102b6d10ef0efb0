import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferSuggestionView } from '../../../../shared/schemas/stock-transfer';
import type { Store } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import type { Viewer } from './inventory-screen';
import { TransferDialog, type TransferDraft } from './transfer-dialog';

/** 调拨建议: who runs out first and who has surplus; one click drafts the transfer. */
export function TransferSuggestions({ viewer, stores }: { viewer: Viewer; stores: Store[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const cover = (d: number | null) => (d === null ? t('hqInventory.warnings.noSales') : t('hqInventory.warnings.days', { days: d }));
  const [draft, setDraft] = useState<TransferDraft | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const res = useQuery({ queryKey: ['inventory', 'suggestions'], queryFn: () => api.get<{ suggestions: TransferSuggestionView[]; velocityDays: number; targetCoverDays: number }>('/api/inventory/transfer-suggestions') });
  if (res.isError && !res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  if (!res.data) return <Loading />;
  return (
    <section className="card table-card">
      <h2 className="table-card-title">{t('hqInventory.suggestions.title')}</h2>
      <p className="table-note muted">{t('hqInventory.suggestions.note', { days: res.data.velocityDays, target: res.data.targetCoverDays })}</p>
      {done ? <Notice kind="success" testId="suggestion-done">{done}</Notice> : null}
      <table className="table table-compact" data-testid="suggestion-table">
        <thead>
          <tr>
            <th>{t('hqInventory.cols.product')}</th>
            <th>{t('hqInventory.transfers.from')}</th>
            <th>{t('hqInventory.transfers.to')}</th>
            <th className="num">{t('hqInventory.transfers.qty')}</th>
            <th className="num">{t('hqInventory.suggestions.coverTo')}</th>
            <th className="num">{t('hqInventory.suggestions.coverFrom')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {res.data.suggestions.length === 0 ? <tr><td colSpan={7} className="empty">{t('hqInventory.suggestions.empty')}</td></tr> : null}
          {res.data.suggestions.map((s) => (
            <tr key={`${s.productId}|${s.fromStoreId}|${s.toStoreId}`} data-testid="suggestion-row">
              <td className="strong">{s.name}</td>
              <td className="nowrap">{s.fromStoreName}</td>
              <td className="nowrap">{s.toStoreName}</td>
              <td className="num">{s.quantity} {s.unit}</td>
              <td className="num"><span className="inv-chip inv-chip-low">{cover(s.toCoverDays)}</span> → {cover(s.toCoverAfterDays)}</td>
              <td className="num">{cover(s.fromCoverDays)}</td>
              <td>
                {viewer.isHq || viewer.storeId === s.fromStoreId || viewer.storeId === s.toStoreId ? (
                  <Button variant="secondary" className="btn-sm" onClick={() => (setDone(null), setDraft({ fromStoreId: s.fromStoreId, toStoreId: s.toStoreId, lines: [{ productId: s.productId, quantity: s.quantity }] }))} data-testid="suggestion-use">{t('hqInventory.suggestions.use')}</Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft ? <TransferDialog viewer={viewer} stores={stores} draft={draft} onClose={() => setDraft(null)} onDone={(text) => (setDraft(null), setDone(text))} /> : null}
    </section>
  );
}
