import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../../../../../shared/schemas/reports-staff';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { CommissionPanel } from './commission-panel';
import { drillOf } from './drill-filter';
import type { ReportColumn } from './report-columns';
import { ratingAvg } from './report-format';
import type { ReportTabProps } from './report-tabs';
import { ReportTable } from './report-table';
import { useStaffReport } from './use-reports';

/** 员工业绩与提成: per clerk and store, then the period's commission and HQ's plans. */
export function StaffTab({ params, isHq, drill }: ReportTabProps) {
  const { t } = useTranslation();
  const q = useStaffReport(params);
  if (q.error && !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const rows = q.data.rows;
  const cols: ReportColumn<StaffRow>[] = [
    { id: 'staff', header: t('hqReports.staff.staff'), value: (x) => x.staffName, kind: 'text' },
    { id: 'store', header: t('hqReports.staff.store'), value: (x) => x.storeName, kind: 'text' },
    { id: 'sales', header: t('hqReports.staff.sales'), value: (x) => x.salesFen, kind: 'fen' },
    { id: 'orders', header: t('hqReports.staff.orders'), value: (x) => x.orders, kind: 'count' },
    { id: 'avg', header: t('hqReports.staff.avgTicket'), value: (x) => x.avgTicketFen, kind: 'fen' },
    { id: 'cards', header: t('hqReports.staff.cardsOpened'), value: (x) => x.cardsOpened, kind: 'count' },
    { id: 'recharges', header: t('hqReports.staff.recharges'), value: (x) => x.recharges, kind: 'count' },
    { id: 'rechargeFen', header: t('hqReports.staff.rechargeFen'), value: (x) => x.rechargeFen, kind: 'fen' },
    { id: 'punch', header: t('hqReports.staff.punchCards'), value: (x) => x.punchCards, kind: 'count' },
    { id: 'refunds', header: t('hqReports.staff.refunds'), value: (x) => x.refunds, kind: 'count' },
    { id: 'refundFen', header: t('hqReports.staff.refundFen'), value: (x) => x.refundFen, kind: 'fen' },
    { id: 'satisfaction', header: t('hqReports.staff.satisfaction'), value: (x) => (x.ratings ? ratingAvg(x.ratingSum, x.ratings) : null), kind: 'text' },
    { id: 'ratings', header: t('hqReports.staff.ratings'), value: (x) => x.ratings, kind: 'count' },
  ];
  const top = rows.slice(0, 15);
  const open = (x: StaffRow) => drill(drillOf(params, t('hqReports.sales.drillTitle', { what: x.staffName }), { staffId: x.staffId, storeId: x.storeId }));
  return (
    <>
      <section className="card report-chart-card">
        <h2 className="section-title">{t('hqReports.staff.chartTitle')}</h2>
        <Chart testId="staff-chart" height={Math.max(200, top.length * 32)} option={barOption(top.map((x) => `${x.staffName}（${x.storeName}）`), [{ name: t('hqReports.staff.sales'), values: top.map((x) => x.salesFen), unit: 'fen' }], { horizontal: true })}
          onPick={(i) => top[i] && open(top[i])} />
      </section>
      <ReportTable title={t('hqReports.staff.title')} columns={cols} rows={rows} file="staff" period={params} rowKey={(x) => `${x.storeId}|${x.staffId}`} onDrill={open} testId="staff-table" />
      <CommissionPanel params={params} isHq={isHq} />
    </>
  );
}
