import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { StockLevelList } from '../../../../shared/schemas/inventory';
import type { CreateTransfer, StockTransfer } from '../../../../shared/schemas/stock-transfer';
import type { Store } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import type { Viewer } from './inventory-screen';

export type TransferDraft = { fromStoreId: string; toStoreId: string; lines: { productId: string; quantity: number }[] };

/** 新建调拨: from, to, and a quantity per product (the source's stock shown beside each). */
export function TransferDialog({ viewer, stores, draft, onClose, onDone }: { viewer: Viewer; stores: Store[]; draft?: TransferDraft; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [id] = useState(() => ulid());
  const open = stores.filter((s) => s.status === 'open');
  const [from, setFrom] = useState(draft?.fromStoreId ?? (viewer.isHq ? (open[0]?.id ?? '') : (viewer.storeId ?? '')));
  const [to, setTo] = useState(draft?.toStoreId ?? (open.find((s) => s.id !== from)?.id ?? ''));
  const [qty, setQty] = useState<Record<string, string>>(() => Object.fromEntries((draft?.lines ?? []).map((l) => [l.productId, String(l.quantity)])));
  const [q, setQ] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const levels = useQuery({ queryKey: ['inventory', 'levels', from, '', false], queryFn: () => api.get<StockLevelList>('/api/inventory', { storeId: from }), enabled: !!from });
  const rows = (levels.data?.levels ?? []).filter((l) => !q || l.name.includes(q) || l.sku.toLowerCase().includes(q.toLowerCase()) || qty[l.productId]);
  const save = useMutation({
    mutationFn: () => {
      const lines = Object.entries(qty).filter(([, v]) => v.trim() !== '').map(([productId, v]) => ({ productId, quantity: Number(v) }));
      return api.post<StockTransfer>('/api/inventory/transfers', { id, fromStoreId: from, toStoreId: to, lines, note: '' } satisfies Omit<CreateTransfer, 'note'> & { note: string });
    },
    onSuccess: (tr) => (void qc.invalidateQueries({ queryKey: ['inventory'] }), onDone(t('hqInventory.transfers.done.create', { id: tr.id.slice(-6) }))),
  });
  const submit = (e: FormEvent) => (e.preventDefault(), save.mutate());
  return (
    <dialog ref={ref} className="hq-dialog hq-dialog-wide" aria-labelledby="transfer-title" data-testid="transfer-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="transfer-title" className="section-title">{t('hqInventory.transfers.new')}</h2>
        <div className="form-row inv-route">
          <label className="field">
            <span className="field-label">{t('hqInventory.transfers.from')}</span>
            <select className="select" value={from} onChange={(e) => { const v = e.target.value; setFrom(v); setQty({}); if (to === v) setTo(open.find((s) => s.id !== v)?.id ?? ''); }} data-testid="transfer-from">
              {open.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('hqInventory.transfers.to')}</span>
            <select className="select" value={to} onChange={(e) => setTo(e.target.value)} data-testid="transfer-to">
              {open.filter((s) => s.id !== from).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('hqInventory.levels.search')}</span>
            <input className="field-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="transfer-search" />
          </label>
        </div>
        <div className="inv-pick">
          <table className="table table-compact">
            <thead><tr><th>{t('hqInventory.cols.product')}</th><th className="num">{t('hqInventory.transfers.sourceStock')}</th><th className="num">{t('hqInventory.transfers.qty')}</th></tr></thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.productId} data-testid="transfer-line">
                  <td>{l.name} <span className="cell-sub mono">{l.sku}</span></td>
                  <td className="num">{l.quantity} {l.unit}</td>
                  <td className="num"><input className="field-input inv-qty" inputMode="numeric" value={qty[l.productId] ?? ''} onChange={(e) => setQty((x) => ({ ...x, [l.productId]: e.target.value }))} aria-label={l.name} data-testid="transfer-qty" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {save.isError ? <Notice kind="error" testId="transfer-error">{errorText(save.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqInventory.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="transfer-save">{t('hqInventory.transfers.create')}</Button>
        </div>
      </form>
    </dialog>
  );
}
