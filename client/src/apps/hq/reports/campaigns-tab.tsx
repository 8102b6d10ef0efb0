import { useTranslation } from 'react-i18next';
import type { CampaignReport } from '../../../../../shared/schemas/reports-sales';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import type { ReportColumn } from './report-columns';
import type { ReportTabProps } from './report-tabs';
import { ReportTable } from './report-table';
import { useCampaignReport } from './use-reports';

type Row = CampaignReport['rows'][number];

/** 活动效果: per campaign and store, the sales it applied to, the discount it gave and the members it reached. */
export function CampaignsTab({ params }: ReportTabProps) {
  const { t } = useTranslation();
  const q = useCampaignReport(params);
  if (q.error && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const rows = q.data.rows;
  // The chart sums each campaign over its stores; the table keeps them apart.
  const byCampaign = [...rows.reduce((m, r) => {
    const x = m.get(r.campaignId) ?? { name: r.name, netFen: 0, discountFen: 0 };
    return m.set(r.campaignId, { ...x, netFen: x.netFen + r.netFen, discountFen: x.discountFen + r.discountFen });
  }, new Map<string, { name: string; netFen: number; discountFen: number }>()).values()];
  const cols: ReportColumn<Row>[] = [
    { id: 'campaign', header: t('hqReports.campaigns.campaign'), value: (x) => x.name, kind: 'text' },
    { id: 'store', header: t('hqReports.campaigns.store'), value: (x) => x.storeName, kind: 'text' },
    { id: 'orders', header: t('hqReports.campaigns.orders'), value: (x) => x.orders, kind: 'count' },
    { id: 'discount', header: t('hqReports.campaigns.discount'), value: (x) => x.discountFen, kind: 'fen' },
    { id: 'revenue', header: t('hqReports.campaigns.revenue'), value: (x) => x.netFen, kind: 'fen' },
    { id: 'members', header: t('hqReports.campaigns.members'), value: (x) => x.members, kind: 'count' },
  ];
  return (
    <>
      {byCampaign.length ? <section className="card report-chart-card">
        <h2 className="section-title">{t('hqReports.campaigns.chartTitle')}</h2>
        <Chart testId="campaigns-chart" option={barOption(byCampaign.map((x) => x.name), [
          { name: t('hqReports.campaigns.revenue'), values: byCampaign.map((x) => x.netFen), unit: 'fen' },
          { name: t('hqReports.campaigns.discount'), values: byCampaign.map((x) => x.discountFen), unit: 'fen' },
        ])} />
      </section> : null}
      <ReportTable title={t('hqReports.campaigns.title')} columns={cols} rows={rows} file="campaigns" period={params} rowKey={(x) => `${x.campaignId}|${x.storeId}`} testId="campaigns-table" />
      <p className="muted report-note">{t('hqReports.campaigns.note')}</p>
    </>
  );
}
