import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { CommissionPlan, CommissionRow } from '../../../../../shared/schemas/commission';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { LoadError } from '../../../lib/ui/states';
import { useStoreList } from '../rules-queries';
import { CommissionPlanDialog } from './commission-plan-dialog';
import type { ReportColumn } from './report-columns';
import type { ReportParams } from './report-tabs';
import { ReportTable } from './report-table';
import { useCommission, usePlans } from './use-reports';

/** 提成: each clerk's commission for the period (its CSV is the payroll sheet), and HQ's plans with their editor. */
export function CommissionPanel({ params, isHq }: { params: ReportParams; isHq: boolean }) {
  const { t, i18n } = useTranslation();
  const q = useCommission(params);
  const plans = usePlans(isHq);
  const stores = new Map((useStoreList().data ?? []).map((s) => [s.id, s.name]));
  const [editing, setEditing] = useState<CommissionPlan | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const kind = (k: string) => t(`hqReports.commission.kinds.${k as 'per_recharge'}`, { defaultValue: k });
  const cols: ReportColumn<CommissionRow>[] = [
    { id: 'staff', header: t('hqReports.staff.staff'), value: (x) => x.staffName, kind: 'text' },
    { id: 'staffId', header: 'ID', value: (x) => x.staffId, kind: 'text' },
    { id: 'store', header: t('hqReports.staff.store'), value: (x) => x.storeName, kind: 'text' },
    { id: 'sales', header: t('hqReports.staff.sales'), value: (x) => x.salesFen, kind: 'fen' },
    { id: 'cards', header: t('hqReports.staff.cardsOpened'), value: (x) => x.cardsOpened, kind: 'count' },
    { id: 'recharges', header: t('hqReports.staff.recharges'), value: (x) => x.recharges, kind: 'count' },
    { id: 'punch', header: t('hqReports.staff.punchCards'), value: (x) => x.punchCards, kind: 'count' },
    { id: 'parts', header: t('hqReports.commission.parts'), value: (x) => x.parts.filter((p) => p.fen !== 0).map((p) => `${kind(p.kind)} ${formatFen(p.fen)}`).join(i18n.resolvedLanguage === 'en' ? '; ' : '；') || '—', kind: 'text' },
    { id: 'commission', header: t('hqReports.commission.amount'), value: (x) => x.commissionFen, kind: 'fen' },
  ];
  return (
    <>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {saved ? <Notice kind="success" testId="plan-saved">{t('hqReports.commission.form.saved', { name: saved })}</Notice> : null}
      {q.data ? (
        <ReportTable title={t('hqReports.commission.title')} columns={cols} rows={q.data.rows} file="payroll-commission" period={params} rowKey={(x) => `${x.storeId}|${x.staffId}`} testId="commission-table" />
      ) : null}
      <p className="muted report-note">{t('hqReports.commission.note')}</p>
      {isHq ? (
        <section className="card report-plans no-print" data-testid="commission-plans">
          <div className="report-table-head">
            <h2 className="section-title">{t('hqReports.commission.plans')}</h2>
            <Button className="btn-sm" onClick={() => (setSaved(null), setEditing('new'))} data-testid="plan-new">{t('hqReports.commission.newPlan')}</Button>
          </div>
          {plans.data?.length === 0 ? <p className="muted">{t('hqReports.commission.noPlans')}</p> : null}
          <ul className="report-plan-list">
            {(plans.data ?? []).map((p) => (
              <li key={p.id} data-testid="plan-row">
                <span className="strong">{p.name}</span>
                <span className={`status status-${p.active ? 'open' : 'closed'}`}>{p.active ? t('hqReports.commission.active') : t('hqReports.commission.inactive')}</span>
                <span className="muted">{p.storeIds.length ? p.storeIds.map((s) => stores.get(s) ?? s).join('、') : t('hqReports.commission.allStores')}</span>
                <span className="muted">{p.rules.map((r) => kind(r.kind)).join(' · ')}</span>
                <Button variant="secondary" className="btn-sm" onClick={() => (setSaved(null), setEditing(p))} data-testid="plan-edit">{t('hqReports.commission.edit')}</Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editing ? <CommissionPlanDialog plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(p) => (setEditing(null), setSaved(p.name))} /> : null}
    </>
  );
}
