import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Product, ProductList } from '../../../../shared/schemas/catalog';
import { useApi, useApp } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { TextField } from '../../lib/ui/text-field';
import { downloadExport, downloadTemplate } from './catalog-files';
import { CatalogImportDialog } from './catalog-import-dialog';
import { CategoryDialog } from './category-dialog';
import { ProductDialog } from './product-dialog';
import { ProductPricesPanel } from './product-prices-panel';
import { ProductTable } from './product-table';

const LIMIT = 50;
type Open = { kind: 'edit'; product: Product | null } | { kind: 'prices'; product: Product } | { kind: 'categories' } | { kind: 'import' } | null;

/** 商品与价格: HQ edits the catalog; a store manager sees it and sets their own store's prices. */
export function ProductsScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useApp();
  const errorText = useErrorText();
  const [f, setF] = useState({ q: '', categoryId: '', status: 'all' as 'all' | 'active' | 'archived', page: 1 });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const categories = useQuery({ queryKey: ['catalog', 'categories'], queryFn: () => api.get<{ categories: Category[] }>('/api/catalog/categories') });
  const list = useQuery({
    queryKey: ['catalog', 'products', f],
    queryFn: () => api.get<ProductList>('/api/catalog/products', { q: f.q || undefined, categoryId: f.categoryId || undefined, status: f.status, page: f.page, limit: LIMIT }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, page: 1, ...patch }));
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / LIMIT));
  const exportCsv = () => downloadExport(session).catch((e: unknown) => setNotice({ kind: 'error', text: errorText(e) }));

  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="products-heading">{t('hqCatalog.heading')}</h1>
        <p className="muted">{canEdit ? t('hqCatalog.subtitle') : t('hqCatalog.readOnly')}</p>
      </div>
      {notice ? <Notice kind={notice.kind} testId="products-notice">{notice.text}</Notice> : null}
      <section className="card table-card" aria-label={t('hqCatalog.heading')}>
        <div className="catalog-toolbar">
          <TextField label={t('hqCatalog.filters.search')} placeholder={t('hqCatalog.filters.searchPlaceholder')} value={f.q} onChange={(e) => set({ q: e.target.value })} data-testid="products-search" type="search" />
          <label className="field">
            <span className="field-label">{t('hqCatalog.filters.category')}</span>
            <select className="select" value={f.categoryId} onChange={(e) => set({ categoryId: e.target.value })} data-testid="products-category">
              <option value="">{t('hqCatalog.filters.allCategories')}</option>
              {(categories.data?.categories ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('hqCatalog.filters.status')}</span>
            <select className="select" value={f.status} onChange={(e) => set({ status: e.target.value as typeof f.status })} data-testid="products-status">
              <option value="all">{t('hqCatalog.filters.allStatus')}</option>
              <option value="active">{t('hqCatalog.status.active')}</option>
              <option value="archived">{t('hqCatalog.status.archived')}</option>
            </select>
          </label>
          <div className="catalog-actions">
            {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => setOpen({ kind: 'categories' })} data-testid="categories-open">{t('hqCatalog.actions.categories')}</Button> : null}
            {canEdit ? <Button variant="secondary" className="btn-sm" onClick={downloadTemplate} data-testid="csv-template">{t('hqCatalog.actions.template')}</Button> : null}
            {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => setOpen({ kind: 'import' })} data-testid="import-open">{t('hqCatalog.actions.import')}</Button> : null}
            <Button variant="secondary" className="btn-sm" onClick={exportCsv} data-testid="export-csv">{t('hqCatalog.actions.export')}</Button>
            {canEdit ? <Button className="btn-sm" onClick={() => (setNotice(null), setOpen({ kind: 'edit', product: null }))} data-testid="product-new">{t('hqCatalog.actions.new')}</Button> : null}
          </div>
        </div>
        {list.isError && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? <Loading /> : null}
        {list.data ? (
          <ProductTable products={list.data.products} categories={categories.data?.categories ?? []} canEdit={canEdit}
            onEdit={(product) => (setNotice(null), setOpen({ kind: 'edit', product }))} onPrices={(product) => setOpen({ kind: 'prices', product })} />
        ) : null}
        <div className="catalog-pager">
          <span className="muted" data-testid="products-summary">{t('hqCatalog.pager.summary', { total: list.data?.total ?? 0, page: f.page, pages })}</span>
          <Button variant="secondary" className="btn-sm" disabled={f.page <= 1} onClick={() => setF((x) => ({ ...x, page: x.page - 1 }))}>{t('hqCatalog.pager.prev')}</Button>
          <Button variant="secondary" className="btn-sm" disabled={f.page >= pages} onClick={() => setF((x) => ({ ...x, page: x.page + 1 }))} data-testid="products-next">{t('hqCatalog.pager.next')}</Button>
        </div>
      </section>

      {open?.kind === 'edit' ? (
        <ProductDialog product={open.product} categories={categories.data?.categories ?? []} onClose={() => setOpen(null)}
          onSaved={(p) => (setOpen(null), setNotice({ kind: 'success', text: t('hqCatalog.form.saved', { name: p.name }) }))} />
      ) : null}
      {open?.kind === 'prices' ? <ProductPricesPanel product={open.product} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'categories' ? <CategoryDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'import' ? <CatalogImportDialog onClose={() => setOpen(null)} /> : null}
    </>
  );
}
