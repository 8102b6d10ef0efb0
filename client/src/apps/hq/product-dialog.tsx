import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fenToYuan, yuanToFen } from '../../../../shared/domain/catalog-csv';
import { barcodeSchema, priceFenSchema, productInputSchema, type Category, type Product, type ProductInput } from '../../../../shared/schemas/catalog';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { fieldsOf } from './form-errors';

/** Yuan as typed → fen, exactly (digits, not floats): "12.3" is 1230, "12.345" is refused. */
export const yuanInput = z.string().transform((s, ctx) => {
  const fen = yuanToFen(s.trim());
  if (typeof fen === 'number') return fen;
  ctx.addIssue({ code: 'custom', message: fen });
  return z.NEVER;
}).pipe(priceFenSchema);
/** The shared product schema, with the two prices typed in yuan and an empty barcode as none. */
const formSchema = productInputSchema.extend({
  costPriceFen: yuanInput,
  listPriceFen: yuanInput,
  barcode: z.string().trim().transform((s) => s || null).pipe(barcodeSchema.nullable()),
});
type FormIn = z.input<typeof formSchema>;
const FIELDS = ['sku', 'name', 'kind', 'categoryId', 'unit', 'barcode', 'costPriceFen', 'listPriceFen', 'status'] as const;
type Field = (typeof FIELDS)[number];

/** 新建商品 / 编辑 (HQ). The server checks again, and names the field it refuses (a taken SKU or barcode). */
export function ProductDialog({ product, categories, onClose, onSaved }: { product: Product | null; categories: Category[]; onClose: () => void; onSaved: (p: Product) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const p = product;
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<FormIn, unknown, ProductInput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      sku: p?.sku ?? '', name: p?.name ?? '', kind: p?.kind ?? 'goods', categoryId: p?.categoryId ?? '', unit: p?.unit ?? '件', barcode: p?.barcode ?? '',
      costPriceFen: p ? fenToYuan(p.costPriceFen) : '', listPriceFen: p ? fenToYuan(p.listPriceFen) : '', pointsEligible: p?.pointsEligible ?? true,
      punchEligible: p?.punchEligible ?? false, status: p?.status ?? 'active',
    },
  });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const save = useMutation({
    mutationFn: (v: ProductInput) => (p ? api.put<Product>(`/api/catalog/products/${encodeURIComponent(p.id)}`, v) : api.post<Product>('/api/catalog/products', v)),
    onSuccess: (saved) => (void qc.invalidateQueries({ queryKey: ['catalog'] }), onSaved(saved)),
    onError: (err) => {
      for (const f of fieldsOf(err, FIELDS)) setFieldError(f as Field, { type: 'server', message: err instanceof ApiError && err.code === 'CONFLICT' ? t('hqCatalog.form.taken') : t(`hqCatalog.form.hint.${f as Field}`) });
      setError(errorText(err));
    },
  });
  const mark = (f: Field) => (formState.errors[f] ? (formState.errors[f]?.type === 'server' ? formState.errors[f]?.message : t(`hqCatalog.form.hint.${f}`)) : undefined);

  return (
    <dialog ref={ref} className="hq-dialog catalog-dialog" aria-labelledby="product-title" data-testid="product-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={handleSubmit((v) => (setError(null), save.mutate(v)), () => setError(null))} noValidate>
        <h2 id="product-title" className="section-title">{p ? t('hqCatalog.form.titleEdit', { name: p.name }) : t('hqCatalog.form.titleNew')}</h2>
        <div className="form-row">
          <TextField label={t('hqCatalog.form.sku')} {...register('sku')} error={mark('sku')} maxLength={32} data-testid="product-sku" autoFocus />
          <TextField label={t('hqCatalog.form.name')} {...register('name')} error={mark('name')} maxLength={60} data-testid="product-name" />
        </div>
        <div className="form-row">
          <label className="field">
            <span className="field-label">{t('hqCatalog.form.kind')}</span>
            <select className="select" {...register('kind')} data-testid="product-kind">
              <option value="goods">{t('hqCatalog.kind.goods')}</option>
              <option value="service">{t('hqCatalog.kind.service')}</option>
            </select>
          </label>
          <label className={`field${mark('categoryId') ? ' field-invalid' : ''}`}>
            <span className="field-label">{t('hqCatalog.form.category')}</span>
            <select className="select" {...register('categoryId')} data-testid="product-category">
              <option value="">{t('hqCatalog.form.pickCategory')}</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            {mark('categoryId') ? <p className="field-error">{mark('categoryId')}</p> : null}
          </label>
        </div>
        <div className="form-row">
          <TextField label={t('hqCatalog.form.unit')} {...register('unit')} error={mark('unit')} maxLength={8} data-testid="product-unit" />
          <TextField label={t('hqCatalog.form.barcode')} {...register('barcode')} error={mark('barcode')} inputMode="numeric" data-testid="product-barcode" />
        </div>
        <div className="form-row">
          <TextField label={t('hqCatalog.form.cost')} {...register('costPriceFen')} error={mark('costPriceFen')} inputMode="decimal" data-testid="product-cost" />
          <TextField label={t('hqCatalog.form.price')} {...register('listPriceFen')} error={mark('listPriceFen')} inputMode="decimal" data-testid="product-price" />
        </div>
        <div className="form-row">
          <label className="checkbox"><input type="checkbox" {...register('pointsEligible')} data-testid="product-points" /> {t('hqCatalog.form.points')}</label>
          <label className="checkbox"><input type="checkbox" {...register('punchEligible')} data-testid="product-punch" /> {t('hqCatalog.form.punch')}</label>
        </div>
        <label className="field">
          <span className="field-label">{t('hqCatalog.form.status')}</span>
          <select className="select" {...register('status')} data-testid="product-status">
            <option value="active">{t('hqCatalog.status.active')}</option>
            <option value="archived">{t('hqCatalog.status.archived')}</option>
          </select>
        </label>
        {error ? <Notice kind="error" testId="product-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqCatalog.form.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="product-save">{t('hqCatalog.form.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
