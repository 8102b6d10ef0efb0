import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponBatch, CouponTemplate } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { CouponBatchDialog } from './coupon-batch-dialog';
import { couponTerms, targetText } from './coupon-text';
import { CouponTemplateDialog } from './coupon-template-dialog';
import { useStoreList, useTiers } from './rules-queries';

/** 优惠券 (HQ): the templates, and batches issued to many members with their counts. */
export function CouponsScreen({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: ['coupon-templates'], queryFn: async () => (await api.get<{ couponTemplates: CouponTemplate[] }>('/api/promotions/coupon-templates')).couponTemplates });
  const batches = useQuery({ queryKey: ['coupon-batches'], enabled: canEdit, queryFn: async () => (await api.get<{ batches: CouponBatch[] }>('/api/promotions/coupon-batches')).batches });
  const tiers = useTiers().data ?? [], stores = useStoreList().data ?? [];
  const names = new Map<string, string>([...tiers.map((x) => [x.code, lang === 'en' ? x.nameEn : x.name] as const), ...stores.map((s) => [s.id, s.name] as const)]);
  const [editing, setEditing] = useState<CouponTemplate | 'new' | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const at = (ms: number) => new Date(ms).toLocaleString(lang, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  return (
    <>
      <div className="page-head promo-head">
        <div>
          <h1 className="page-title" data-testid="coupons-heading">{t('hqCampaigns.coupons.heading')}</h1>
          <p className="muted">{t('hqCampaigns.coupons.subtitle')}</p>
        </div>
        {canEdit ? (
          <div className="actions">
            <Button variant="secondary" onClick={() => (setSaved(null), setEditing('new'))} data-testid="template-new">{t('hqCampaigns.coupons.newTemplate')}</Button>
            <Button onClick={() => (setSaved(null), setIssuing(true))} data-testid="batch-new">{t('hqCampaigns.coupons.issue')}</Button>
          </div>
        ) : null}
      </div>
      {saved ? <Notice kind="success" testId="coupon-saved">{saved}</Notice> : null}
      <section className="card table-card">
        <div className="table-head"><h2 className="table-card-title">{t('hqCampaigns.coupons.templates')}</h2></div>
        {templates.error ? <LoadError error={templates.error} onRetry={() => void templates.refetch()} /> : null}
        {templates.isPending ? <Loading /> : null}
        <table className="table" data-testid="template-table">
          <thead><tr><th>{t('hqCampaigns.cols.name')}</th><th>{t('hqCampaigns.cols.terms')}</th><th>{t('hqCampaigns.coupons.validity')}</th><th>{t('hqCampaigns.cols.status')}</th>{canEdit ? <th /> : null}</tr></thead>
          <tbody>
            {(templates.data ?? []).map((x) => (
              <tr key={x.id} data-testid="template-row">
                <td className="strong">{x.name}</td>
                <td>{couponTerms(x, lang, t)}</td>
                <td>{x.validity.kind === 'days_after_issue' ? t('hqCampaigns.coupons.daysAfter', { days: x.validity.days }) : `${at(x.validity.startsAt)} – ${at(x.validity.endsAt)}`}</td>
                <td><span className={`status status-${x.active ? 'open' : 'closed'}`}>{t(x.active ? 'hqCampaigns.status.on' : 'hqCampaigns.status.off')}</span></td>
                {canEdit ? <td><Button variant="secondary" className="btn-sm" onClick={() => (setSaved(null), setEditing(x))} data-testid="template-edit">{t('hqCampaigns.edit')}</Button></td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canEdit ? (
        <section className="card table-card">
          <div className="table-head"><h2 className="table-card-title">{t('hqCampaigns.coupons.batches')}</h2></div>
          <table className="table" data-testid="batch-table">
            <thead><tr><th>{t('hqCampaigns.coupons.at')}</th><th>{t('hqCampaigns.coupons.template')}</th><th>{t('hqCampaigns.coupons.target')}</th><th className="num">{t('hqCampaigns.coupons.total')}</th><th className="num">{t('hqCampaigns.coupons.issued')}</th><th className="num">{t('hqCampaigns.coupons.skipped')}</th><th className="num">{t('hqCampaigns.coupons.failed')}</th><th>{t('hqCampaigns.cols.status')}</th></tr></thead>
            <tbody>
              {batches.data?.length === 0 ? <tr><td colSpan={8} className="empty">{t('hqCampaigns.coupons.noBatches')}</td></tr> : null}
              {(batches.data ?? []).map((b) => (
                <tr key={b.id} data-testid="batch-row">
                  <td className="nowrap">{at(b.createdAt)}</td><td>{b.templateName ?? b.templateId}</td><td className="wrap">{targetText(b.target, t, names)}</td>
                  <td className="num">{b.total}</td><td className="num">{b.issued}</td><td className="num">{b.skipped}</td>
                  <td className="num" title={b.lastError ?? undefined}>{b.failed}</td><td>{t(`hqCampaigns.coupons.status.${b.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {editing ? (
        <CouponTemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          onSaved={(x) => (setEditing(null), setSaved(t('hqCampaigns.saved', { name: x.name })), void qc.invalidateQueries({ queryKey: ['coupon-templates'] }))} />
      ) : null}
      {issuing ? (
        <CouponBatchDialog templates={(templates.data ?? []).filter((x) => x.active)} onClose={() => setIssuing(false)}
          onDone={(b) => (setIssuing(false), setSaved(t('hqCampaigns.coupons.done', { issued: b.issued, skipped: b.skipped, failed: b.failed })), void qc.invalidateQueries({ queryKey: ['coupon-batches'] }))} />
      ) : null}
    </>
  );
}
