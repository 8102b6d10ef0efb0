import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { TenderKind } from '../../../../../shared/schemas/order';
import { formatCount, toLang } from '../../../lib/format';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption, pieOption } from './chart-options';
import { drillOf } from './drill-filter';
import type { ReportColumn } from './report-columns';
import { shareBp } from './report-format';
import type { ReportTabProps } from './report-tabs';
import { ReportTable } from './report-table';
import { SALES_DIMS, salesRows, type SalesDim, type SalesRow } from './sales-rows';
import { StatCard } from './stat-card';
import { useSales } from './use-reports';

type TenderRow = { tender: string; label: string; payments: number; amountFen: number; shareBp: number | null };

/** 营业: headline figures with their comparison, then one breakdown at a time as a chart and its table. */
export function SalesTab({ params, drill }: ReportTabProps) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const q = useSales(params);
  const [dim, setDim] = useState<SalesDim>('store');
  const r = q.data;
  const rows = useMemo(() => (r && dim !== 'tender' ? salesRows(r, dim, t) : []), [r, dim, t]);
  const tenders = useMemo<TenderRow[]>(() => {
    const total = r?.byTender.reduce((s, x) => s + x.amountFen, 0) ?? 0;
    return (r?.byTender ?? []).map((x) => ({ ...x, label: t(`hqReports.tender.${x.tender as TenderKind}`, { defaultValue: x.tender }), shareBp: shareBp(x.amountFen, total) }));
  }, [r, t]);
  if (q.error && !r) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!r) return <Loading />;
  const tot = r.totals;
  const n = (v: number) => formatCount(v, lang);
  const dimName = t(`hqReports.dims.${dim}`);
  const net = r.totals.netFen.value;
  const cols: ReportColumn<SalesRow>[] = [
    { id: 'label', header: dimName, value: (x) => x.label, kind: 'text' },
    { id: 'orders', header: dim === 'product' || dim === 'category' ? t('hqReports.sales.lines') : t('hqReports.sales.orders'), value: (x) => x.orders, kind: 'count' },
    ...(dim === 'product' || dim === 'category' ? [{ id: 'qty', header: t('hqReports.sales.quantity'), value: (x: SalesRow) => x.quantity, kind: 'count' as const }] : []),
    { id: 'gross', header: t('hqReports.sales.gross'), value: (x) => x.grossFen, kind: 'fen' },
    { id: 'discount', header: t('hqReports.sales.discount'), value: (x) => x.discountFen, kind: 'fen' },
    { id: 'refund', header: t('hqReports.sales.refund'), value: (x) => x.refundFen, kind: 'fen' },
    { id: 'net', header: t('hqReports.sales.net'), value: (x) => x.netFen, kind: 'fen' },
    { id: 'share', header: t('hqReports.sales.share'), value: (x) => shareBp(x.netFen, net), kind: 'bp' },
  ];
  const tenderCols: ReportColumn<TenderRow>[] = [
    { id: 'label', header: t('hqReports.dims.tender'), value: (x) => x.label, kind: 'text' },
    { id: 'payments', header: t('hqReports.sales.payments'), value: (x) => x.payments, kind: 'count' },
    { id: 'amount', header: t('hqReports.sales.amount'), value: (x) => x.amountFen, kind: 'fen' },
    { id: 'share', header: t('hqReports.sales.share'), value: (x) => x.shareBp, kind: 'bp' },
  ];
  const drillRow = (x: SalesRow) => x.drill && drill(drillOf(params, t('hqReports.sales.drillTitle', { what: x.label }), x.drill));
  const drillTender = (x: TenderRow) => drill(drillOf(params, t('hqReports.sales.drillTitle', { what: x.label }), { tender: x.tender as TenderKind }));
  const chartRows = dim === 'product' ? rows.slice(0, 20) : rows;

  return (
    <>
      <div className="stat-grid report-stats" data-testid="sales-totals">
        <StatCard accent label={t('hqReports.sales.net')} value={formatFen(tot.netFen.value)} cmp={tot.netFen} show={formatFen} note={t('hqReports.sales.netNote')} testId="sales-net" />
        <StatCard label={t('hqReports.sales.orders')} value={n(tot.orders.value)} cmp={tot.orders} show={n} testId="sales-orders" onClick={() => drill(drillOf(params, t('hqReports.sales.orders')))} />
        <StatCard label={t('hqReports.sales.avgTicket')} value={formatFen(tot.avgTicketFen.value)} cmp={tot.avgTicketFen} show={formatFen} />
        <StatCard label={t('hqReports.sales.discount')} value={formatFen(tot.discountFen.value)} cmp={tot.discountFen} show={formatFen} />
        <StatCard label={t('hqReports.sales.refund')} value={formatFen(tot.refundFen.value)} note={t('hqReports.sales.refundCount', { count: tot.refunds.value })} />
      </div>
      {r.comparedWith ? <p className="muted report-compared">{t('hqReports.period.comparedWith', r.comparedWith)}</p> : null}
      <div className="report-dims no-print" role="group" aria-label={t('hqReports.by')}>
        {SALES_DIMS.map((d) => (
          <button key={d} type="button" className={`report-preset${dim === d ? ' is-active' : ''}`} aria-pressed={dim === d} onClick={() => setDim(d)} data-testid={`sales-dim-${d}`}>{t(`hqReports.dims.${d}`)}</button>
        ))}
      </div>
      <section className="card report-chart-card">
        <h2 className="section-title">{dim === 'tender' ? t('hqReports.sales.tenderChartTitle') : t('hqReports.sales.chartTitle', { dim: lang === 'en' ? dimName.toLowerCase() : dimName })}</h2>
        {dim === 'tender' || dim === 'member' ? (
          <Chart testId="sales-chart" option={pieOption(dim === 'tender' ? tenders.map((x) => ({ name: x.label, fen: x.amountFen })) : rows.map((x) => ({ name: x.label, fen: x.netFen })))}
            onPick={(i) => (dim === 'tender' ? tenders[i] && drillTender(tenders[i]) : rows[i] && drillRow(rows[i]))} />
        ) : (
          <Chart testId="sales-chart" height={dim === 'product' ? 420 : 280}
            option={barOption(chartRows.map((x) => x.label), [{ name: t('hqReports.sales.net'), values: chartRows.map((x) => x.netFen), unit: 'fen' }], { horizontal: dim === 'product' || dim === 'category', line: dim === 'day' })}
            onPick={(i) => chartRows[i] && drillRow(chartRows[i])} />
        )}
      </section>
      {dim === 'tender' ? (
        <>
          <ReportTable title={t('hqReports.dims.tender')} columns={tenderCols} rows={tenders} file="sales-tender" period={params} rowKey={(x) => x.tender} onDrill={drillTender} testId="sales-table" />
          <p className="muted report-note">{t('hqReports.sales.tenderNote')}</p>
        </>
      ) : (
        <ReportTable title={dimName} columns={cols} rows={rows} file={`sales-${dim}`} period={params} rowKey={(x) => x.key} onDrill={dim === 'weekday' ? undefined : drillRow} testId="sales-table" />
      )}
    </>
  );
}
