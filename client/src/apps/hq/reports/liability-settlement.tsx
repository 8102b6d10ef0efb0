import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiabilityReport } from '../../../../../shared/schemas/report-liability';
import { TableNote } from './member-table-note';
import type { ReportColumn } from './report-columns';
import { ReportTable } from './report-table';

type Pair = LiabilityReport['settlement'][number];
type Cross = LiabilityReport['crossStore'][number];

/** 跨店结算: stored value of one store's cards spent at another — who owes whom, netted per pair; and the gross figures. */
export function LiabilitySettlement({ report, name, period }: { report: LiabilityReport; name: (id: string) => string; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const pairs = useMemo((): ReportColumn<Pair>[] => [
    { id: 'from', header: t('hqReportsMembers.liab.col.owes'), value: (p) => name(p.from), kind: 'text' },
    { id: 'to', header: t('hqReportsMembers.liab.col.owed'), value: (p) => name(p.to), kind: 'text' },
    { id: 'amount', header: t('hqReportsMembers.liab.col.amount'), value: (p) => p.amountFen, kind: 'fen' },
  ], [t, name]); // eslint-disable-line react-hooks/exhaustive-deps
  const gross = useMemo((): ReportColumn<Cross>[] => [
    { id: 'card', header: t('hqReportsMembers.liab.col.cardOf'), value: (c) => name(c.homeStoreId), kind: 'text' },
    { id: 'at', header: t('hqReportsMembers.liab.col.spentAt'), value: (c) => name(c.storeId), kind: 'text' },
    { id: 'amount', header: t('hqReportsMembers.liab.col.amount'), value: (c) => c.spentFen, kind: 'fen' },
  ], [t, name]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="rep-m-two">
      <ReportTable title={t('hqReportsMembers.liab.settlement')} columns={pairs} rows={report.settlement} file="settlement" period={period} rowKey={(p) => `${p.from}|${p.to}`} testId="rl-settlement"
        footer={<TableNote>{t('hqReportsMembers.liab.settlementNote')}</TableNote>} />
      <ReportTable title={t('hqReportsMembers.liab.crossGross')} columns={gross} rows={report.crossStore} file="cross-store-stored-value" period={period} rowKey={(c) => `${c.homeStoreId}|${c.storeId}`} testId="rl-cross" />
    </div>
  );
}
