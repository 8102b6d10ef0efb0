import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuan, yuanToFen } from '../../../../shared/domain/catalog-csv';
import { formatFen } from '../../../../shared/domain/money';
import type { Product, ProductStores, StoreProduct, StoreProductInput } from '../../../../shared/schemas/catalog';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';

/** Each store's price (empty: 跟随总部价) and whether it sells the product; HQ sees every store, a manager theirs. */
export function ProductPricesPanel({ product, onClose }: { product: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const key = ['catalog', 'product-stores', product.id];
  const stores = useQuery({ queryKey: key, queryFn: () => api.get<ProductStores>(`/api/catalog/products/${encodeURIComponent(product.id)}/stores`) });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog ref={ref} className="hq-dialog catalog-dialog-wide" aria-labelledby="prices-title" data-testid="prices-panel" onCancel={(e) => (e.preventDefault(), onClose())}>
      <div className="form">
        <h2 id="prices-title" className="section-title">{t('hqCatalog.prices.title', { name: product.name })}</h2>
        <p className="muted">{t('hqCatalog.prices.hint', { price: formatFen(product.listPriceFen) })}</p>
        {stores.isPending ? <Loading /> : null}
        {stores.isError ? <LoadError error={stores.error} onRetry={() => void stores.refetch()} /> : null}
        {stores.data ? (
          <table className="table">
            <thead><tr><th>{t('hqCatalog.prices.store')}</th><th>{t('hqCatalog.prices.price')}</th><th>{t('hqCatalog.prices.available')}</th><th /></tr></thead>
            <tbody>{stores.data.stores.map((s) => <StoreRow key={s.storeId} productId={product.id} listPriceFen={product.listPriceFen} row={s} queryKey={key} />)}</tbody>
          </table>
        ) : null}
        <div className="dialog-foot"><Button variant="secondary" onClick={onClose} data-testid="prices-close">{t('hqCatalog.prices.close')}</Button></div>
      </div>
    </dialog>
  );
}

function StoreRow({ productId, listPriceFen, row, queryKey }: { productId: string; listPriceFen: number; row: StoreProduct; queryKey: string[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [price, setPrice] = useState(row.priceFen === null ? '' : fenToYuan(row.priceFen));
  const [available, setAvailable] = useState(row.available);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const save = useMutation({
    mutationFn: (body: StoreProductInput) => api.put<StoreProduct>(`/api/catalog/products/${encodeURIComponent(productId)}/stores/${encodeURIComponent(row.storeId)}`, body),
    onSuccess: (s) => (setPrice(s.priceFen === null ? '' : fenToYuan(s.priceFen)), setMsg({ kind: 'success', text: t('hqCatalog.prices.saved') }), void qc.invalidateQueries({ queryKey })),
    onError: (e) => setMsg({ kind: 'error', text: errorText(e) }),
  });
  function submit(clear = false) {
    const fen = clear || price.trim() === '' ? null : yuanToFen(price.trim());
    if (typeof fen === 'string') return setMsg({ kind: 'error', text: t('hqCatalog.prices.bad') });
    setMsg(null);
    if (clear) setPrice('');
    save.mutate({ priceFen: fen, available });
  }
  return (
    <tr data-testid={`prices-row-${row.storeId}`}>
      <td className="strong">{row.storeName}</td>
      <td>
        <input className="field-input catalog-price-input" value={price} inputMode="decimal" placeholder={`${t('hqCatalog.prices.follow')} ${formatFen(listPriceFen)}`}
          aria-label={`${row.storeName} ${t('hqCatalog.prices.price')}`} onChange={(e) => setPrice(e.target.value)} data-testid="store-price" />
        {msg ? <div className={msg.kind === 'error' ? 'field-error' : 'muted'} role={msg.kind === 'error' ? 'alert' : 'status'}>{msg.text}</div> : null}
      </td>
      <td>
        <label className="checkbox"><input type="checkbox" checked={available} onChange={(e) => setAvailable(e.target.checked)} data-testid="store-available" /> {t('hqCatalog.prices.available')}</label>
      </td>
      <td className="nowrap">
        <Button variant="ghost" className="btn-sm" disabled={save.isPending || (price === '' && row.priceFen === null)} onClick={() => submit(true)} data-testid="store-follow">{t('hqCatalog.prices.follow')}</Button>
        <Button className="btn-sm" loading={save.isPending} onClick={() => submit()} data-testid="store-save">{t('hqCatalog.prices.save')}</Button>
      </td>
    </tr>
  );
}
