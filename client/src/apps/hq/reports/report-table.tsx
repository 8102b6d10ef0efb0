import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures, useTable, type RowData } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, toLang } from '../../../lib/format';
import { saveCsv } from '../../../lib/files';
import { Button } from '../../../lib/ui/button';
import { cellText, toCsv, type ReportColumn } from './report-columns';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric } });

type Props<T extends RowData> = {
  title: string;
  columns: readonly ReportColumn<T>[];
  rows: readonly T[];
  /** The CSV's file name without extension (the period is appended). */
  file: string;
  period: { from: string; to: string };
  rowKey: (r: T) => string;
  /** Opens the orders behind a row (the drill-down drawer). */
  onDrill?: (r: T) => void;
  /** Buttons beside 导出 CSV. */
  actions?: ReactNode;
  testId: string;
  footer?: ReactNode;
};

/** A report's table: sortable by any column (click its header), exported as shown, printable. */
export function ReportTable<T extends RowData>({ title, columns, rows, file, period, rowKey, onDrill, actions, testId, footer }: Props<T>) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const count = (n: number) => formatCount(n, lang);
  const col = createColumnHelper<typeof features, T>();
  const defs = useMemo(
    () => col.columns(columns.map((c) => col.accessor((r: T) => c.value(r) ?? -Infinity, {
      id: c.id, header: c.header, sortFn: c.kind === 'text' ? 'alphanumeric' : 'basic', sortDescFirst: c.kind !== 'text',
      cell: (x) => cellText(c, x.row.original, count),
    }))),
    // `count` and `col` are remade each render but depend only on the language.
    [columns, lang],
  );
  const table = useTable({ features, columns: defs, data: rows as T[], getRowId: rowKey });
  const sorted = table.getRowModel().rows.map((r) => r.original);
  const num = (id: string) => (columns.find((c) => c.id === id)?.kind ?? 'count') !== 'text';
  const exportCsv = () => saveCsv(`${file}-${period.from}_${period.to}.csv`, toCsv(columns, sorted));

  return (
    <section className="card table-card report-table" data-testid={testId}>
      <div className="report-table-head">
        <h2 className="section-title">{title}</h2>
        <div className="report-table-actions no-print">
          {actions}
          <Button variant="secondary" className="btn-sm" onClick={exportCsv} disabled={rows.length === 0} data-testid={`${testId}-csv`}>{t('hqReports.exportCsv')}</Button>
          <Button variant="secondary" className="btn-sm" onClick={() => window.print()} data-testid={`${testId}-print`}>{t('hqReports.print')}</Button>
        </div>
      </div>
      <div className="report-scroll">
        <table className="table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} className={num(h.column.id) ? 'num' : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="sort-head" onClick={h.column.getToggleSortingHandler()}>
                        <table.FlexRender header={h} />
                        <span className="sort-mark" aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
                {onDrill ? <th className="no-print" /> : null}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? <tr><td colSpan={columns.length + (onDrill ? 1 : 0)} className="empty">{t('hqReports.empty')}</td></tr> : null}
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid={`${testId}-row`}>
                {row.getAllCells().map((cell) => <td key={cell.id} className={num(cell.column.id) ? 'num' : undefined}><table.FlexRender cell={cell} /></td>)}
                {onDrill ? <td className="no-print num"><button type="button" className="link-button" onClick={() => onDrill(row.original)} data-testid={`${testId}-drill`}>{t('hqReports.drill')}</button></td> : null}
              </tr>
            ))}
          </tbody>
          {footer}
        </table>
      </div>
    </section>
  );
}
