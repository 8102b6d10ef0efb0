import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembersReport, TopMember } from '../../../../../shared/schemas/report-members';
import { formatCount, toLang } from '../../../lib/format';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { drillOf } from './drill-filter';
import { MemberCrossStore } from './member-cross-store';
import { namesOf, useMembersReport } from './member-queries';
import { MemberRetention } from './member-retention';
import { MemberRfm } from './member-rfm';
import { MemberTags } from './member-tags';
import type { ReportColumn } from './report-columns';
import { formatChange } from './report-format';
import { ReportTable } from './report-table';
import { TableNote } from './member-table-note';
import type { ReportTabProps } from './report-tabs';

type StoreRow = MembersReport['byStore'][number];

/** 会员分析: the period's members, top spenders (drill-down to their orders), interests, cross-store visits, then RFM and retention (nightly). */
export function MemberAnalysisTab({ params, isHq, drill }: ReportTabProps) {
  const { t } = useTranslation();
  const r = useMembersReport(params);
  if (r.isPending) return <Loading />;
  if (r.isError) return <LoadError error={r.error} onRetry={() => void r.refetch()} />;
  const names = namesOf(r.data.stores);
  const name = (id: string) => names.get(id) ?? id;
  return (
    <div className="rep-m" data-testid="report-members">
      <MemberSummary report={r.data} />
      <MemberStores report={r.data} name={name} period={params} />
      <TopMembers rows={r.data.top.members} name={name} period={params} onDrill={(m) => drill(drillOf(params, t('hqReportsMembers.drillTitle', { name: m.name }), { memberId: m.memberId }))} />
      <div className="rep-m-two">
        <MemberTags tags={r.data.tags} period={params} />
        <MemberCrossStore params={params} />
      </div>
      <MemberRfm storeId={params.storeId} isHq={isHq} period={params} />
      <MemberRetention storeId={params.storeId} period={params} />
      <p className="muted rep-m-note">{t('hqReportsMembers.note', { asOf: r.data.asOf })}</p>
    </div>
  );
}

function MemberSummary({ report }: { report: MembersReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, toLang(i18n.resolvedLanguage) ?? 'zh-CN');
  const s = report.summary;
  const vs = (c: { base: number | null; changeBp: number | null }) => (c.base === null ? undefined : t('hqReportsMembers.vs', { base: n(c.base), change: formatChange(c.changeBp) }));
  const stat = (label: string, value: number, note: string | undefined, testId: string, accent = false) => (
    <div key={testId} className={`stat${accent ? ' stat-accent' : ''}`} data-testid={testId}>
      <span className="stat-label">{label}</span><span className="stat-value">{n(value)}</span>{note ? <span className="stat-note">{note}</span> : null}
    </div>
  );
  return (
    <div className="stat-grid rep-m-stats">
      {stat(t('hqReportsMembers.total'), s.totalMembers, undefined, 'rm-total')}
      {stat(t('hqReportsMembers.new'), s.newMembers.value, vs(s.newMembers), 'rm-new', true)}
      {stat(t('hqReportsMembers.active'), s.activeMembers.value, vs(s.activeMembers), 'rm-active')}
      {s.dormant.map((d) => stat(t('hqReportsMembers.dormant', { days: d.days }), d.members, t('hqReportsMembers.dormantNote', { days: d.days }), `rm-dormant-${d.days}`))}
      {stat(t('hqReportsMembers.never'), s.neverVisited, undefined, 'rm-never')}
    </div>
  );
}

function MemberStores({ report, name, period }: { report: MembersReport; name: (id: string) => string; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const rows = report.byStore;
  const columns = useMemo((): ReportColumn<StoreRow>[] => [
    { id: 'store', header: t('hqReportsMembers.col.homeStore'), value: (r) => name(r.storeId), kind: 'text' },
    { id: 'total', header: t('hqReportsMembers.total'), value: (r) => r.total },
    { id: 'new', header: t('hqReportsMembers.new'), value: (r) => r.newMembers },
    { id: 'active', header: t('hqReportsMembers.active'), value: (r) => r.activeMembers },
    ...report.dormantDays.map((d, i): ReportColumn<StoreRow> => ({ id: `dormant${d}`, header: t('hqReportsMembers.dormant', { days: d }), value: (r) => r.dormant[i] ?? 0 })),
    { id: 'never', header: t('hqReportsMembers.never'), value: (r) => r.neverVisited },
  ], [t, name, report.dormantDays]);
  const option = useMemo(() => barOption(rows.map((r) => name(r.storeId)), [
    { name: t('hqReportsMembers.new'), values: rows.map((r) => r.newMembers), unit: 'count' },
    { name: t('hqReportsMembers.active'), values: rows.map((r) => r.activeMembers), unit: 'count' },
    { name: t('hqReportsMembers.dormant', { days: report.dormantDays[0] }), values: rows.map((r) => r.dormant[0] ?? 0), unit: 'count' },
  ]), [rows, name, t, report.dormantDays]);
  return (
    <>
      {rows.length > 0 ? <div className="card rep-m-chart"><Chart option={option} height={240} testId="rm-chart-stores" /></div> : null}
      <ReportTable title={t('hqReportsMembers.byStore')} columns={columns} rows={rows} file="members-by-store" period={period} rowKey={(r) => r.storeId} testId="rm-by-store" />
    </>
  );
}

function TopMembers({ rows, name, period, onDrill }: { rows: TopMember[]; name: (id: string) => string; period: { from: string; to: string }; onDrill: (m: TopMember) => void }) {
  const { t } = useTranslation();
  const columns = useMemo((): ReportColumn<TopMember>[] => [
    { id: 'rank', header: '#', value: (r) => rows.indexOf(r) + 1 },
    { id: 'name', header: t('hqReportsMembers.col.name'), value: (r) => r.name, kind: 'text' },
    { id: 'phone', header: t('hqReportsMembers.col.phone'), value: (r) => r.phone, kind: 'text' },
    { id: 'home', header: t('hqReportsMembers.col.homeStore'), value: (r) => name(r.homeStoreId), kind: 'text' },
    { id: 'orders', header: t('hqReportsMembers.col.orders'), value: (r) => r.orders },
    { id: 'net', header: t('hqReportsMembers.col.net'), value: (r) => r.netFen, kind: 'fen' },
    { id: 'refund', header: t('hqReportsMembers.col.refund'), value: (r) => r.refundFen, kind: 'fen' },
    { id: 'spend', header: t('hqReportsMembers.col.spend'), value: (r) => r.spendFen, kind: 'fen' },
  ], [t, name, rows]);
  return (
    <ReportTable title={t('hqReportsMembers.top')} columns={columns} rows={rows} file="top-members" period={period} rowKey={(r) => r.memberId} onDrill={onDrill} testId="rm-top"
      footer={<TableNote>{t('hqReportsMembers.topNote')}</TableNote>} />
  );
}
