import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { MarginFigures } from '../../../../../shared/schemas/reports-sales';
import { changeBp } from '../../../../../shared/domain/report-period';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Notice } from '../../../lib/ui/notice';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { drillOf, type DrillFilter } from './drill-filter';
import type { ReportColumn } from './report-columns';
import { formatBp } from './report-format';
import type { ReportTabProps } from './report-tabs';
import { ReportTable } from './report-table';
import { StatCard } from './stat-card';
import { useMargin } from './use-reports';

const DIMS = ['store', 'category', 'product'] as const;
type Row = MarginFigures & { key: string; label: string; drill: Partial<DrillFilter> };

/** 毛利: revenue, cost at sale, margin and margin rate per store, category or product. */
export function MarginTab({ params, drill }: ReportTabProps) {
  const { t, i18n } = useTranslation();
  const q = useMargin(params);
  const [dim, setDim] = useState<(typeof DIMS)[number]>('store');
  const r = q.data;
  const rows = useMemo<Row[]>(() => {
    if (!r) return [];
    if (dim === 'store') return r.byStore.map((x) => ({ ...x, key: x.storeId, label: x.storeName, drill: { storeId: x.storeId } }));
    if (dim === 'category') return r.byCategory.map((x) => ({ ...x, key: x.categoryId, label: x.name, drill: { categoryId: x.categoryId } }));
    return r.byProduct.map((x) => ({ ...x, key: x.productId, label: x.name, drill: { productId: x.productId } }));
  }, [r, dim]);
  if (q.error && !r) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!r) return <Loading />;
  const dimName = t(`hqReports.dims.${dim}`);
  const cmp = (k: 'revenueFen' | 'costFen' | 'marginFen') => ({ value: r.totals[k], base: r.base ? r.base[k] : null, changeBp: changeBp(r.totals[k], r.base ? r.base[k] : null) });
  const cols: ReportColumn<Row>[] = [
    { id: 'label', header: dimName, value: (x) => x.label, kind: 'text' },
    { id: 'revenue', header: t('hqReports.margin.revenue'), value: (x) => x.revenueFen, kind: 'fen' },
    { id: 'cost', header: t('hqReports.margin.cost'), value: (x) => x.costFen, kind: 'fen' },
    { id: 'margin', header: t('hqReports.margin.margin'), value: (x) => x.marginFen, kind: 'fen' },
    { id: 'rate', header: t('hqReports.margin.rate'), value: (x) => x.rateBp, kind: 'bp' },
  ];
  const chartRows = rows.slice(0, 20);
  const open = (x: Row) => drill(drillOf(params, t('hqReports.sales.drillTitle', { what: x.label }), x.drill));
  return (
    <>
      <div className="stat-grid report-stats" data-testid="margin-totals">
        <StatCard label={t('hqReports.margin.revenue')} value={formatFen(r.totals.revenueFen)} cmp={cmp('revenueFen')} show={formatFen} />
        <StatCard label={t('hqReports.margin.cost')} value={formatFen(r.totals.costFen)} cmp={cmp('costFen')} show={formatFen} />
        <StatCard accent label={t('hqReports.margin.margin')} value={formatFen(r.totals.marginFen)} cmp={cmp('marginFen')} show={formatFen} testId="margin-total" />
        <StatCard label={t('hqReports.margin.rate')} value={formatBp(r.totals.rateBp)} note={r.base ? t('hqReports.margin.rateBase', { base: formatBp(r.base.rateBp) }) : undefined} testId="margin-rate" />
      </div>
      <Notice kind="info" testId="margin-stored-value">{t('hqReports.margin.storedValueNote')} {t('hqReports.margin.costNote')}</Notice>
      <div className="report-dims no-print" role="group" aria-label={t('hqReports.by')}>
        {DIMS.map((d) => <button key={d} type="button" className={`report-preset${dim === d ? ' is-active' : ''}`} aria-pressed={dim === d} onClick={() => setDim(d)} data-testid={`margin-dim-${d}`}>{t(`hqReports.dims.${d}`)}</button>)}
      </div>
      <section className="card report-chart-card">
        <h2 className="section-title">{t('hqReports.margin.chartTitle', { dim: i18n.resolvedLanguage === 'en' ? dimName.toLowerCase() : dimName })}</h2>
        <Chart testId="margin-chart" option={barOption(chartRows.map((x) => x.label), [
          { name: t('hqReports.margin.margin'), values: chartRows.map((x) => x.marginFen), unit: 'fen' },
          { name: t('hqReports.margin.rate'), values: chartRows.map((x) => x.rateBp ?? 0), unit: 'bp', type: 'line' },
        ])} onPick={(i) => chartRows[i] && open(chartRows[i])} />
      </section>
      <ReportTable title={dimName} columns={cols} rows={rows} file={`margin-${dim}`} period={params} rowKey={(x) => x.key} onDrill={open} testId="margin-table" />
    </>
  );
}
