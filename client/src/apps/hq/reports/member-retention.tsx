import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../../../../../shared/schemas/report-members';
import { Loading, LoadError } from '../../../lib/ui/states';
import { useRetention } from './member-queries';
import type { ReportColumn } from './report-columns';
import { shareBp } from './report-format';
import { ReportTable } from './report-table';
import { TableNote } from './member-table-note';

type Row = RetentionReport['cohorts'][number] & { by: Map<number, number>; last: number };
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** 留存: per month of joining, the share of those members who bought in month +0, +1, … (nightly, last 12 months). */
export function MemberRetention({ storeId, period }: { storeId?: string; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const r = useRetention(storeId);
  const cohorts = r.data?.cohorts;
  const { rows, width } = useMemo(() => {
    const cs = cohorts ?? [];
    // The latest month any cohort has figures for: every cohort runs up to it (0 % where none bought).
    const latest = Math.max(0, ...cs.flatMap((c) => [monthIndex(c.cohort), ...c.months.map((m) => monthIndex(m.month))]));
    const out: Row[] = cs.map((c) => ({ ...c, last: latest - monthIndex(c.cohort), by: new Map(c.months.map((m) => [monthIndex(m.month) - monthIndex(c.cohort), m.active])) }));
    return { rows: out, width: Math.max(1, ...out.map((x) => x.last + 1)) };
  }, [cohorts]);
  const columns = useMemo((): ReportColumn<Row>[] => [
    { id: 'cohort', header: t('hqReportsMembers.retention.cohort'), value: (c) => c.cohort, kind: 'text' },
    { id: 'joined', header: t('hqReportsMembers.retention.joined'), value: (c) => c.joined },
    ...Array.from({ length: width }, (_, i): ReportColumn<Row> => ({ id: `m${i}`, header: t('hqReportsMembers.retention.month', { n: i }), value: (c) => (i > c.last ? null : shareBp(c.by.get(i) ?? 0, c.joined)), kind: 'bp' })),
  ], [t, width]);
  if (r.isPending) return <Loading />;
  if (r.isError) return <LoadError error={r.error} onRetry={() => void r.refetch()} />;
  return (
    <ReportTable title={t('hqReportsMembers.retention.title')} columns={columns} rows={rows} file="retention" period={period} rowKey={(c) => c.cohort} testId="rm-retention"
      footer={<TableNote>{t(rows.length ? 'hqReportsMembers.retention.note' : 'hqReportsMembers.notComputed')}</TableNote>} />
  );
}
