import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossStoreReport } from '../../../../../shared/schemas/report-members';
import { Loading, LoadError } from '../../../lib/ui/states';
import { namesOf, useCrossStore, type ReportParams } from './member-queries';
import type { ReportColumn } from './report-columns';
import { ReportTable } from './report-table';
import { TableNote } from './member-table-note';

type Cell = CrossStoreReport['cells'][number];
type Row = { homeStoreId: string; cells: Map<string, Cell> };

/** 跨店消费 as a matrix: a row per home store, a column per store that served its members (spend; visit days in the list below). */
export function MemberCrossStore({ params }: { params: ReportParams }) {
  const r = useCrossStore(params);
  if (r.isPending) return <Loading />;
  if (r.isError) return <LoadError error={r.error} onRetry={() => void r.refetch()} />;
  const names = namesOf(r.data.stores);
  return <CrossStoreTables cells={r.data.cells} name={(id) => names.get(id) ?? id} period={params} />;
}

function CrossStoreTables({ cells, name, period }: { cells: Cell[]; name: (id: string) => string; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const ats = useMemo(() => [...new Set(cells.map((c) => c.storeId))].sort(), [cells]);
  const rows = useMemo((): Row[] => [...new Set(cells.map((c) => c.homeStoreId))].sort().map((h) => ({ homeStoreId: h, cells: new Map(cells.filter((c) => c.homeStoreId === h).map((c) => [c.storeId, c])) })), [cells]);
  const matrix = useMemo((): ReportColumn<Row>[] => [
    { id: 'home', header: t('hqReportsMembers.crossCorner'), value: (r) => name(r.homeStoreId), kind: 'text' },
    ...ats.map((s): ReportColumn<Row> => ({ id: `at-${s}`, header: name(s), value: (r) => r.cells.get(s)?.spendFen ?? null, kind: 'fen' })),
    { id: 'total', header: t('hqReportsMembers.crossTotal'), value: (r) => [...r.cells.values()].reduce((a, c) => a + c.spendFen, 0), kind: 'fen' },
  ], [t, name, ats]);
  const list = useMemo((): ReportColumn<Cell>[] => [
    { id: 'home', header: t('hqReportsMembers.col.homeStore'), value: (c) => name(c.homeStoreId), kind: 'text' },
    { id: 'at', header: t('hqReportsMembers.col.servedAt'), value: (c) => name(c.storeId), kind: 'text' },
    { id: 'visits', header: t('hqReportsMembers.col.visits'), value: (c) => c.visits },
    { id: 'orders', header: t('hqReportsMembers.col.orders'), value: (c) => c.orders },
    { id: 'spend', header: t('hqReportsMembers.col.spend'), value: (c) => c.spendFen, kind: 'fen' },
  ], [t, name]);
  return (
    <div className="rep-m-stack">
      <ReportTable title={t('hqReportsMembers.cross')} columns={matrix} rows={rows} file="cross-store-matrix" period={period} rowKey={(r) => r.homeStoreId} testId="rm-cross"
        footer={<TableNote>{t('hqReportsMembers.crossNote')}</TableNote>} />
      <ReportTable title={t('hqReportsMembers.crossList')} columns={list} rows={cells} file="cross-store-visits" period={period} rowKey={(c) => `${c.homeStoreId}|${c.storeId}`} testId="rm-cross-list" />
    </div>
  );
}
