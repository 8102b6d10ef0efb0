import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Category, Product } from '../../../../shared/schemas/catalog';
import { Button } from '../../lib/ui/button';

const features = tableFeatures({});
const col = createColumnHelper<typeof features, Product>();

/** Margin on the list price, one decimal, from integers (no float drift on ¥0.29). */
export function marginPct(p: Pick<Product, 'costPriceFen' | 'listPriceFen'>): string {
  if (p.listPriceFen === 0) return '—';
  const tenths = Math.round(((p.listPriceFen - p.costPriceFen) * 1000) / p.listPriceFen);
  return `${(tenths / 10).toFixed(1)}%`;
}

type Props = { products: Product[]; categories: Category[]; canEdit: boolean; onEdit: (p: Product) => void; onPrices: (p: Product) => void };

/** The page of products (the server filters and pages; the table lays them out). */
export function ProductTable({ products, categories, canEdit, onEdit, onPrices }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  const columns = useMemo(() => {
    const cat = new Map(categories.map((c) => [c.id, en && c.nameEn ? c.nameEn : c.name]));
    const yn = (b: boolean) => (b ? t('hqCatalog.yes') : t('hqCatalog.no'));
    return col.columns([
      col.accessor('sku', { header: t('hqCatalog.cols.sku'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('name', { header: t('hqCatalog.cols.name'), cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor('kind', { header: t('hqCatalog.cols.kind'), cell: (c) => t(`hqCatalog.kind.${c.getValue()}`) }),
      col.accessor('categoryId', { header: t('hqCatalog.cols.category'), cell: (c) => cat.get(c.getValue()) ?? c.getValue() }),
      col.accessor('unit', { header: t('hqCatalog.cols.unit') }),
      col.accessor('costPriceFen', { header: t('hqCatalog.cols.cost'), cell: (c) => formatFen(c.getValue()), meta: { num: true } }),
      col.accessor('listPriceFen', { header: t('hqCatalog.cols.price'), cell: (c) => formatFen(c.getValue()), meta: { num: true } }),
      col.display({ id: 'margin', header: t('hqCatalog.cols.margin'), cell: (c) => marginPct(c.row.original), meta: { num: true } }),
      col.accessor('pointsEligible', { header: t('hqCatalog.cols.points'), cell: (c) => yn(c.getValue()) }),
      col.accessor('punchEligible', { header: t('hqCatalog.cols.punch'), cell: (c) => yn(c.getValue()) }),
      col.accessor('status', { header: t('hqCatalog.cols.status'), cell: (c) => <span className={`status status-${c.getValue() === 'active' ? 'open' : 'closed'}`}>{t(`hqCatalog.status.${c.getValue()}`)}</span> }),
      col.display({
        id: 'actions', header: '',
        cell: (c) => (
          <span className="catalog-row-actions">
            {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => onEdit(c.row.original)} data-testid="product-edit">{t('hqCatalog.actions.edit')}</Button> : null}
            <Button variant="secondary" className="btn-sm" onClick={() => onPrices(c.row.original)} data-testid="product-prices">{t('hqCatalog.actions.prices')}</Button>
          </span>
        ),
      }),
    ]);
  }, [categories, canEdit, en, t, onEdit, onPrices]);
  const table = useTable({ features, columns, data: products, getRowId: (p) => p.id });
  const num = (m: unknown) => ((m as { num?: boolean } | undefined)?.num ? 'num' : undefined);

  return (
    <div className="catalog-scroll">
    <table className="table catalog-table" data-testid="product-table">
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>{g.headers.map((h) => <th key={h.id} className={num(h.column.columnDef.meta)}><table.FlexRender header={h} /></th>)}</tr>
        ))}
      </thead>
      <tbody>
        {products.length === 0 ? <tr><td colSpan={columns.length} className="empty">{t('hqCatalog.empty')}</td></tr> : null}
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-testid="product-row" className={row.original.status === 'archived' ? 'row-retired' : undefined}>
            {row.getAllCells().map((cell) => <td key={cell.id} className={num(cell.column.columnDef.meta)}><table.FlexRender cell={cell} /></td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
