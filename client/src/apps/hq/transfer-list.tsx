import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockTransfer } from '../../../../shared/schemas/stock-transfer';
import type { Store } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import type { Viewer } from './inventory-screen';
import { TransferDialog } from './transfer-dialog';
import { TransferReceiveDialog } from './transfer-receive-dialog';

/** 调拨: every transfer of the store (or chain) with its state, and the step the viewer may take next. */
export function TransferList({ storeId, viewer, stores }: { storeId: string; viewer: Viewer; stores: Store[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState<{ kind: 'new' } | { kind: 'receive'; transfer: StockTransfer } | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const res = useQuery({ queryKey: ['inventory', 'transfers', storeId], queryFn: () => api.get<{ transfers: StockTransfer[] }>('/api/inventory/transfers', { storeId: storeId || undefined }) });
  const act = useMutation({
    mutationFn: ({ id, step }: { id: string; step: 'ship' | 'cancel' }) => api.post<StockTransfer>(`/api/inventory/transfers/${encodeURIComponent(id)}/${step}`, {}),
    onSuccess: (tr, v) => (setNotice({ kind: 'success', text: t(`hqInventory.transfers.done.${v.step}`, { id: tr.id.slice(-6) }) }), void qc.invalidateQueries({ queryKey: ['inventory'] })),
    onError: (e) => setNotice({ kind: 'error', text: errorText(e) }),
  });
  const manages = (s: string) => viewer.isHq || (viewer.isManager && viewer.storeId === s);
  return (
    <section className="card table-card">
      <div className="table-head">
        <h2 className="table-card-title">{t('hqInventory.transfers.title')}</h2>
        {viewer.isManager ? <Button className="btn-sm" onClick={() => (setNotice(null), setOpen({ kind: 'new' }))} data-testid="transfer-new">{t('hqInventory.transfers.new')}</Button> : null}
      </div>
      {notice ? <Notice kind={notice.kind} testId="transfer-notice">{notice.text}</Notice> : null}
      {res.isError && !res.data ? <LoadError error={res.error} onRetry={() => void res.refetch()} /> : null}
      {res.isPending ? <Loading /> : null}
      {res.data ? (
        <table className="table table-compact" data-testid="transfer-table">
          <thead>
            <tr>
              <th>{t('hqInventory.transfers.cols.no')}</th>
              <th>{t('hqInventory.transfers.cols.route')}</th>
              <th>{t('hqInventory.transfers.cols.lines')}</th>
              <th>{t('hqInventory.transfers.cols.status')}</th>
              <th>{t('hqInventory.cols.time')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {res.data.transfers.length === 0 ? <tr><td colSpan={6} className="empty">{t('hqInventory.transfers.empty')}</td></tr> : null}
            {res.data.transfers.map((tr) => (
              <tr key={tr.id} data-testid="transfer-row" data-status={tr.status}>
                <td className="mono">{tr.id.slice(-6)}</td>
                <td className="nowrap">{tr.fromStoreName} → {tr.toStoreName}</td>
                <td className="wrap">
                  {tr.lines.map((l) => (
                    <span key={l.productId} className="cell-sub">
                      {l.name} × {l.requestedQty}
                      {tr.status !== 'requested' ? ` · ${t('hqInventory.transfers.received', { n: l.receivedQty })}` : ''}
                      {l.inTransitQty ? ` · ${t('hqInventory.transfers.inTransit', { n: l.inTransitQty })}` : ''}
                      {l.writtenOffQty ? ` · ${t('hqInventory.transfers.writtenOff', { n: l.writtenOffQty })}` : ''}
                    </span>
                  ))}
                </td>
                <td><span className={`inv-chip inv-status-${tr.status}`} data-testid="transfer-status">{t(`hqInventory.transfers.status.${tr.status}`)}</span></td>
                <td className="nowrap muted">{new Date(tr.createdAt).toLocaleString(i18n.language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</td>
                <td className="inv-actions">
                  {tr.status === 'requested' && manages(tr.fromStoreId) ? <Button className="btn-sm" loading={act.isPending} onClick={() => act.mutate({ id: tr.id, step: 'ship' })} data-testid="transfer-ship">{t('hqInventory.transfers.ship')}</Button> : null}
                  {tr.status === 'shipped' && manages(tr.toStoreId) ? <Button className="btn-sm" onClick={() => (setNotice(null), setOpen({ kind: 'receive', transfer: tr }))} data-testid="transfer-receive">{t('hqInventory.transfers.receive')}</Button> : null}
                  {(tr.status === 'requested' && (manages(tr.fromStoreId) || manages(tr.toStoreId))) || (tr.status === 'shipped' && manages(tr.fromStoreId)) ? (
                    <Button variant="secondary" className="btn-sm" disabled={act.isPending} onClick={() => window.confirm(t('hqInventory.transfers.confirmCancel')) && act.mutate({ id: tr.id, step: 'cancel' })} data-testid="transfer-cancel">{t('hqInventory.transfers.cancel')}</Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open?.kind === 'new' ? <TransferDialog viewer={viewer} stores={stores} onClose={() => setOpen(null)} onDone={(text) => (setOpen(null), setNotice({ kind: 'success', text }))} /> : null}
      {open?.kind === 'receive' ? <TransferReceiveDialog transfer={open.transfer} onClose={() => setOpen(null)} onDone={(text) => (setOpen(null), setNotice({ kind: 'success', text }))} /> : null}
    </section>
  );
}
