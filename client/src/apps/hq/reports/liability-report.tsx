import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { LiabilityReport } from '../../../../../shared/schemas/report-liability';
import { formatCount, toLang } from '../../../lib/format';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { LiabilityCheckPanel } from './liability-check';
import { LiabilitySettlement } from './liability-settlement';
import { namesOf, useLiability } from './member-queries';
import { TableNote } from './member-table-note';
import type { ReportColumn } from './report-columns';
import { ReportTable } from './report-table';
import type { ReportTabProps } from './report-tabs';

type Owed = LiabilityReport['outstanding']['byHomeStore'][number] & { heldFen: number | null };
type Flow = LiabilityReport['flows']['byStore'][number];
type Period = { from: string; to: string };

/** 储值与积分: what the chain owes its members now, what moved in the period, tablets' reserves, settlement and (HQ) the check. */
export function LiabilityTab({ params, isHq }: ReportTabProps) {
  const { t } = useTranslation();
  const r = useLiability(params);
  if (r.isPending) return <Loading />;
  if (r.isError) return <LoadError error={r.error} onRetry={() => void r.refetch()} />;
  const names = namesOf(r.data.stores);
  // Entries made by no store (HQ's adjustments, the opening-balance import) have store ''.
  const name = (id: string) => (id === '' ? t('hqReportsMembers.liab.noStore') : (names.get(id) ?? id));
  return (
    <div className="rep-m" data-testid="report-liability">
      <LiabilitySummary report={r.data} />
      <Outstanding report={r.data} name={name} period={params} />
      <Flows report={r.data} name={name} period={params} />
      <LiabilitySettlement report={r.data} name={name} period={params} />
      {isHq ? <LiabilityCheckPanel /> : null}
      <p className="muted rep-m-note">{t('hqReportsMembers.liab.note')}</p>
    </div>
  );
}

function LiabilitySummary({ report }: { report: LiabilityReport }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, toLang(i18n.resolvedLanguage) ?? 'zh-CN');
  const o = report.outstanding.total, f = report.flows.total;
  const stat = (label: string, value: string, note: string | undefined, testId: string, accent = false) => (
    <div key={testId} className={`stat${accent ? ' stat-accent' : ''}`} data-testid={testId}><span className="stat-label">{label}</span><span className="stat-value money">{value}</span>{note ? <span className="stat-note">{note}</span> : null}</div>
  );
  return (
    <>
      <div className="stat-grid rep-m-stats rep-m-stats-money">
        {stat(t('hqReportsMembers.liab.owed'), formatFen(o.principalFen + o.bonusFen), t('hqReportsMembers.liab.owedNote', { principal: formatFen(o.principalFen), bonus: formatFen(o.bonusFen) }), 'rl-owed', true)}
        {stat(t('hqReportsMembers.liab.reserved'), formatFen(o.reservedFen), t('hqReportsMembers.liab.reservedNote'), 'rl-reserved')}
        {stat(t('hqReportsMembers.liab.points'), n(o.points), undefined, 'rl-points')}
        {stat(t('hqReportsMembers.liab.recharged'), formatFen(f.rechargedFen), undefined, 'rl-recharged')}
        {stat(t('hqReportsMembers.liab.spent'), formatFen(f.spentFen), undefined, 'rl-spent')}
        {stat(t('hqReportsMembers.liab.refunded'), formatFen(f.refundedFen), t('hqReportsMembers.liab.refundedNote'), 'rl-refunded')}
        {f.openingFen || f.pointsOpening ? stat(t('hqReportsMembers.liab.opening'), formatFen(f.openingFen), t('hqReportsMembers.liab.openingNote', { points: n(f.pointsOpening) }), 'rl-opening') : null}
      </div>
      <div className="stat-grid rep-m-stats">
        {stat(t('hqReportsMembers.liab.pointsEarned'), n(f.pointsEarned), undefined, 'rl-earned')}
        {stat(t('hqReportsMembers.liab.pointsRedeemed'), n(f.pointsRedeemed), undefined, 'rl-redeemed')}
        {stat(t('hqReportsMembers.liab.pointsExpired'), n(f.pointsExpired), undefined, 'rl-expired')}
        {stat(t('hqReportsMembers.liab.pointsAdjusted'), n(f.pointsAdjusted + f.pointsRefunded), t('hqReportsMembers.liab.pointsAdjustedNote'), 'rl-adjusted')}
      </div>
    </>
  );
}

function Outstanding({ report, name, period }: { report: LiabilityReport; name: (id: string) => string; period: Period }) {
  const { t } = useTranslation();
  const held = new Map(report.reservedByDeviceStore.map((d) => [d.storeId ?? '', d.heldFen]));
  const rows: Owed[] = report.outstanding.byHomeStore.map((s) => ({ ...s, heldFen: held.get(s.storeId) ?? null }));
  const columns = useMemo((): ReportColumn<Owed>[] => [
    { id: 'store', header: t('hqReportsMembers.liab.col.homeStore'), value: (r) => name(r.storeId), kind: 'text' },
    { id: 'members', header: t('hqReportsMembers.liab.col.members'), value: (r) => r.members },
    { id: 'principal', header: t('hqReportsMembers.liab.col.principal'), value: (r) => r.principalFen, kind: 'fen' },
    { id: 'bonus', header: t('hqReportsMembers.liab.col.bonus'), value: (r) => r.bonusFen, kind: 'fen' },
    { id: 'total', header: t('hqReportsMembers.liab.col.total'), value: (r) => r.principalFen + r.bonusFen, kind: 'fen' },
    { id: 'reserved', header: t('hqReportsMembers.liab.col.reserved'), value: (r) => r.reservedFen, kind: 'fen' },
    { id: 'held', header: t('hqReportsMembers.liab.col.deviceHeld'), value: (r) => r.heldFen, kind: 'fen' },
    { id: 'points', header: t('hqReportsMembers.liab.col.points'), value: (r) => r.points },
  ], [t, name]); // eslint-disable-line react-hooks/exhaustive-deps
  const tot = report.outstanding.total;
  const footer = rows.length > 1 ? (
    <tfoot><tr className="rep-m-total"><th>{t('hqReportsMembers.liab.col.all')}</th><td className="num">{tot.members}</td><td className="num">{formatFen(tot.principalFen)}</td><td className="num">{formatFen(tot.bonusFen)}</td><td className="num">{formatFen(tot.principalFen + tot.bonusFen)}</td>
      <td className="num">{formatFen(tot.reservedFen)}</td><td className="num">{formatFen(report.reservedByDeviceStore.reduce((a, d) => a + d.heldFen, 0))}</td><td className="num">{tot.points}</td></tr>
      <tr><td colSpan={99} className="muted rep-m-foot">{t('hqReportsMembers.liab.byHomeNote')}</td></tr></tfoot>
  ) : <TableNote>{t('hqReportsMembers.liab.byHomeNote')}</TableNote>;
  return <ReportTable title={t('hqReportsMembers.liab.byHome')} columns={columns} rows={rows} file="liability-by-store" period={period} rowKey={(r) => r.storeId} testId="rl-outstanding" footer={footer} />;
}

function Flows({ report, name, period }: { report: LiabilityReport; name: (id: string) => string; period: Period }) {
  const { t } = useTranslation();
  const rows = report.flows.byStore;
  const columns = useMemo((): ReportColumn<Flow>[] => [
    { id: 'store', header: t('hqReportsMembers.liab.col.store'), value: (r) => name(r.storeId), kind: 'text' },
    { id: 'recharged', header: t('hqReportsMembers.liab.recharged'), value: (r) => r.rechargedFen, kind: 'fen' },
    { id: 'opening', header: t('hqReportsMembers.liab.opening'), value: (r) => r.openingFen, kind: 'fen' },
    { id: 'spent', header: t('hqReportsMembers.liab.spent'), value: (r) => r.spentFen, kind: 'fen' },
    { id: 'refunded', header: t('hqReportsMembers.liab.refunded'), value: (r) => r.refundedFen, kind: 'fen' },
    { id: 'earned', header: t('hqReportsMembers.liab.pointsEarned'), value: (r) => r.pointsEarned },
    { id: 'redeemed', header: t('hqReportsMembers.liab.pointsRedeemed'), value: (r) => r.pointsRedeemed },
    { id: 'expired', header: t('hqReportsMembers.liab.pointsExpired'), value: (r) => r.pointsExpired },
  ], [t, name]); // eslint-disable-line react-hooks/exhaustive-deps
  const option = useMemo(() => barOption(rows.map((r) => name(r.storeId)), [
    { name: t('hqReportsMembers.liab.recharged'), values: rows.map((r) => r.rechargedFen), unit: 'fen' },
    { name: t('hqReportsMembers.liab.spent'), values: rows.map((r) => r.spentFen), unit: 'fen' },
    { name: t('hqReportsMembers.liab.refunded'), values: rows.map((r) => r.refundedFen), unit: 'fen' },
  ]), [rows, name, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      {rows.some((r) => r.rechargedFen || r.spentFen || r.refundedFen) ? <div className="card rep-m-chart"><h2 className="section-title">{t('hqReportsMembers.liab.flows', { from: report.from, to: report.to })}</h2><Chart option={option} height={260} testId="rl-chart-flows" /></div> : null}
      <ReportTable title={t('hqReportsMembers.liab.flows', { from: report.from, to: report.to })} columns={columns} rows={rows} file="liability-flows" period={period} rowKey={(r) => r.storeId} testId="rl-flows" />
    </>
  );
}
