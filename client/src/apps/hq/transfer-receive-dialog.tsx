import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { StockTransfer } from '../../../../shared/schemas/stock-transfer';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';

/** 收货: what arrived of each line (all that is in transit by default); `close` writes off the rest. */
export function TransferReceiveDialog({ transfer, onClose, onDone }: { transfer: StockTransfer; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  // One receipt id per dialog: a retried click is the same receipt, recorded once.
  const [receiptId] = useState(() => ulid());
  const [qty, setQty] = useState<Record<string, string>>(() => Object.fromEntries(transfer.lines.map((l) => [l.productId, String(l.inTransitQty)])));
  const [close, setClose] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const save = useMutation({
    mutationFn: () => api.post<StockTransfer>(`/api/inventory/transfers/${encodeURIComponent(transfer.id)}/receive`, {
      receiptId, close, lines: transfer.lines.filter((l) => l.inTransitQty > 0).map((l) => ({ productId: l.productId, quantity: Number(qty[l.productId] || 0) })),
    }),
    onSuccess: (tr) => (void qc.invalidateQueries({ queryKey: ['inventory'] }), onDone(t(tr.status === 'received' ? 'hqInventory.transfers.done.received' : 'hqInventory.transfers.done.partial', { id: tr.id.slice(-6) }))),
  });
  const submit = (e: FormEvent) => (e.preventDefault(), save.mutate());
  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="receive-title" data-testid="receive-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="receive-title" className="section-title">{t('hqInventory.transfers.receiveTitle', { from: transfer.fromStoreName, to: transfer.toStoreName })}</h2>
        <table className="table table-compact">
          <thead><tr><th>{t('hqInventory.cols.product')}</th><th className="num">{t('hqInventory.transfers.inTransitCol')}</th><th className="num">{t('hqInventory.transfers.arrived')}</th></tr></thead>
          <tbody>
            {transfer.lines.filter((l) => l.inTransitQty > 0).map((l) => (
              <tr key={l.productId} data-testid="receive-line">
                <td>{l.name}</td>
                <td className="num">{l.inTransitQty} {l.unit}</td>
                <td className="num"><input className="field-input inv-qty" inputMode="numeric" value={qty[l.productId] ?? ''} onChange={(e) => setQty((x) => ({ ...x, [l.productId]: e.target.value }))} aria-label={l.name} data-testid="receive-qty" /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox">
          <input type="checkbox" checked={close} onChange={(e) => setClose(e.target.checked)} data-testid="receive-close" /> {t('hqInventory.transfers.close')}
        </label>
        <p className="muted">{t('hqInventory.transfers.closeHint')}</p>
        {save.isError ? <Notice kind="error" testId="receive-error">{errorText(save.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqInventory.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="receive-save">{t('hqInventory.transfers.receive')}</Button>
        </div>
      </form>
    </dialog>
  );
}
