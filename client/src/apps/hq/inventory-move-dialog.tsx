import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { StockLevel, StockMovement } from '../../../../shared/schemas/inventory';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

export type MoveKind = 'receive' | 'adjust' | 'threshold';
type AdjustKind = 'count' | 'damage' | 'other';

/** 进货 (quantity, unit cost in yuan, supplier), 调整 (盘点 / 报损 / 其他) or the low-stock threshold of one row. */
export function InventoryMoveDialog({ kind, level, onClose, onDone }: { kind: MoveKind; level: StockLevel; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  // One id per dialog: a double click or a retry after a lost answer records the movement once.
  const [id] = useState(() => ulid());
  const [f, setF] = useState({ adjust: 'count' as AdjustKind, quantity: '', cost: (level.costPriceFen / 100).toFixed(2), supplier: '', note: '', threshold: String(level.lowStockThreshold) });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const base = { id, storeId: level.storeId, productId: level.productId, note: f.note };
  const save = useMutation({
    mutationFn: async () => {
      if (kind === 'threshold') return api.put(`/api/inventory/${encodeURIComponent(level.storeId)}/${encodeURIComponent(level.productId)}/threshold`, { lowStockThreshold: Number(f.threshold) });
      const n = Number(f.quantity);
      const body: StockMovement = kind === 'receive'
        ? { ...base, kind: 'receive', quantity: n, unitCostFen: Math.round(Number(f.cost) * 100), supplier: f.supplier }
        : f.adjust === 'count' ? { ...base, kind: 'count', countedQuantity: n } : f.adjust === 'damage' ? { ...base, kind: 'damage', quantity: n } : { ...base, kind: 'other', delta: n };
      return api.post('/api/inventory/movements', body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inventory'] });
      onDone(t(`hqInventory.saved.${kind}`, { name: level.name, store: level.storeName }));
    },
  });
  const submit = (e: FormEvent) => (e.preventDefault(), save.mutate());
  const qtyLabel = kind === 'receive' ? t('hqInventory.move.quantity') : f.adjust === 'count' ? t('hqInventory.move.counted') : f.adjust === 'damage' ? t('hqInventory.move.damaged') : t('hqInventory.move.delta');

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="inv-move-title" data-testid="inventory-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="inv-move-title" className="section-title">{t(`hqInventory.move.title.${kind}`)}</h2>
        <p className="muted">{level.storeName} · {level.name} · {t('hqInventory.move.current', { quantity: level.quantity, unit: level.unit })}</p>
        {kind === 'threshold' ? (
          <TextField label={t('hqInventory.move.threshold')} hint={t('hqInventory.move.thresholdHint')} inputMode="numeric" value={f.threshold} onChange={set('threshold')} data-testid="inventory-threshold-input" autoFocus />
        ) : (
          <>
            {kind === 'adjust' ? (
              <label className="field">
                <span className="field-label">{t('hqInventory.move.reason')}</span>
                <select className="select" value={f.adjust} onChange={set('adjust')} data-testid="inventory-adjust-kind">
                  {(['count', 'damage', 'other'] as const).map((k) => <option key={k} value={k}>{t(`hqInventory.reason.${k}`)}</option>)}
                </select>
              </label>
            ) : null}
            <TextField label={qtyLabel} inputMode="numeric" value={f.quantity} onChange={set('quantity')} data-testid="inventory-quantity" autoFocus />
            {kind === 'receive' ? (
              <>
                <TextField label={t('hqInventory.move.unitCost')} inputMode="decimal" leading="¥" value={f.cost} onChange={set('cost')} data-testid="inventory-cost" />
                <TextField label={t('hqInventory.move.supplier')} value={f.supplier} maxLength={100} onChange={set('supplier')} data-testid="inventory-supplier" />
              </>
            ) : null}
            <TextField label={t('hqInventory.move.note')} value={f.note} maxLength={200} onChange={set('note')} data-testid="inventory-note" />
          </>
        )}
        {save.isError ? <Notice kind="error" testId="inventory-error">{errorText(save.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqInventory.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="inventory-save">{t('hqInventory.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
