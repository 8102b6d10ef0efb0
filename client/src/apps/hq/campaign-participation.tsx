import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignParticipation } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { money } from './rules-units';

/** 活动参与: per store, the sales that carried the campaign's discount. */
export function CampaignParticipationDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const q = useQuery({ queryKey: ['campaign-participation', campaign.id], queryFn: () => api.get<CampaignParticipation>(`/api/promotions/campaigns/${encodeURIComponent(campaign.id)}/participation`) });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const p = q.data;
  return (
    <dialog ref={ref} className="hq-dialog hq-dialog-wide" aria-labelledby="part-title" data-testid="participation-dialog" onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id="part-title" className="section-title">{t('hqCampaigns.part.title', { name: campaign.name })}</h2>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? <Loading /> : null}
      {p && !p.measurable ? <Notice kind="info">{t('hqCampaigns.part.notMeasurable')}</Notice> : null}
      {p ? (
        <table className="table" data-testid="participation-table">
          <thead><tr><th>{t('hqCampaigns.part.store')}</th><th className="num">{t('hqCampaigns.part.orders')}</th><th className="num">{t('hqCampaigns.part.discount')}</th><th className="num">{t('hqCampaigns.part.revenue')}</th><th className="num">{t('hqCampaigns.part.members')}</th></tr></thead>
          <tbody>
            {p.stores.map((s) => (
              <tr key={s.storeId} data-testid="participation-row"><td>{s.storeName}</td><td className="num">{s.orders}</td><td className="num">{money(s.discountFen)}</td><td className="num">{money(s.revenueFen)}</td><td className="num">{s.members}</td></tr>
            ))}
            <tr className="total-row"><td>{t('hqCampaigns.part.total')}</td><td className="num">{p.totals.orders}</td><td className="num">{money(p.totals.discountFen)}</td><td className="num">{money(p.totals.revenueFen)}</td><td /></tr>
          </tbody>
        </table>
      ) : null}
      <p className="muted">{t('hqCampaigns.part.note')}</p>
      <div className="dialog-foot"><Button variant="secondary" onClick={onClose} data-testid="participation-close">{t('hqCampaigns.close')}</Button></div>
    </dialog>
  );
}
