import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { CampaignDialog } from './campaign-dialog';
import { CampaignParticipationDialog } from './campaign-participation';
import { campaignTerms, campaignWhen } from './campaign-text';
import { useStoreList } from './rules-queries';

/** 营销活动 (HQ): every campaign, who it reaches, and create / edit / end / participation. */
export function CampaignsScreen({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const list = useQuery({ queryKey: ['campaigns'], queryFn: async () => (await api.get<{ campaigns: Campaign[] }>('/api/promotions/campaigns')).campaigns });
  const stores = new Map((useStoreList().data ?? []).map((s) => [s.id, s.name]));
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [viewing, setViewing] = useState<Campaign | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const end = useMutation({
    // Ending: off now if it has not started yet (endsAt must follow startsAt), else it ends this minute.
    mutationFn: (c: Campaign) => api.put<Campaign>(`/api/promotions/campaigns/${encodeURIComponent(c.id)}`, Date.now() <= c.startsAt ? { ...c, active: false } : { ...c, endsAt: Date.now() }),
    onSuccess: (c) => (setSaved(t('hqCampaigns.ended', { name: c.name })), void qc.invalidateQueries({ queryKey: ['campaigns'] })),
  });
  const now = Date.now();
  // A manager's store list holds only their own store: the others are counted, not named.
  const storeList = (ids: string[]) => {
    const known = ids.flatMap((id) => (stores.has(id) ? [stores.get(id)!] : []));
    const others = ids.length - known.length;
    return [...known, ...(others ? [t('hqCampaigns.moreStores', { count: others })] : [])].join('、');
  };
  const status = (c: Campaign) => (!c.active ? 'off' : now >= c.endsAt ? 'ended' : now < c.startsAt ? 'scheduled' : 'running');

  return (
    <>
      <div className="page-head promo-head">
        <div>
          <h1 className="page-title" data-testid="campaigns-heading">{t('hqCampaigns.heading')}</h1>
          <p className="muted">{t('hqCampaigns.subtitle')}</p>
        </div>
        {canEdit ? <Button onClick={() => (setSaved(null), setEditing('new'))} data-testid="campaign-new">{t('hqCampaigns.new')}</Button> : null}
      </div>
      {saved ? <Notice kind="success" testId="campaign-saved">{saved}</Notice> : null}
      {end.error ? <Notice kind="error">{errorText(end.error)}</Notice> : null}
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      <section className="card table-card">
        <table className="table" data-testid="campaign-table">
          <thead>
            <tr><th>{t('hqCampaigns.cols.name')}</th><th>{t('hqCampaigns.cols.terms')}</th><th>{t('hqCampaigns.cols.stores')}</th><th>{t('hqCampaigns.cols.when')}</th><th>{t('hqCampaigns.cols.status')}</th><th /></tr>
          </thead>
          <tbody>
            {list.data?.length === 0 ? <tr><td colSpan={6} className="empty">{t('hqCampaigns.none')}</td></tr> : null}
            {(list.data ?? []).map((c) => (
              <tr key={c.id} data-testid="campaign-row">
                <td className="strong">{c.name}</td>
                <td>{campaignTerms(c, lang, t)}</td>
                <td className="wrap">{c.storeIds ? storeList(c.storeIds) : t('hqCampaigns.allStores')}</td>
                <td className="wrap">{campaignWhen(c, lang, t)}</td>
                <td><span className={`status status-${status(c) === 'running' ? 'open' : 'closed'}`}>{t(`hqCampaigns.status.${status(c)}`)}</span></td>
                <td><div className="promo-actions">
                  {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => setViewing(c)} data-testid="campaign-participation">{t('hqCampaigns.participation')}</Button> : null}
                  {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => (setSaved(null), setEditing(c))} data-testid="campaign-edit">{t('hqCampaigns.edit')}</Button> : null}
                  {canEdit && status(c) !== 'ended' && status(c) !== 'off' ? <Button variant="secondary" className="btn-sm" loading={end.isPending && end.variables?.id === c.id} onClick={() => end.mutate(c)} data-testid="campaign-end">{t('hqCampaigns.end')}</Button> : null}
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <CampaignDialog campaign={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          onSaved={(c) => (setEditing(null), setSaved(t('hqCampaigns.saved', { name: c.name })), void qc.invalidateQueries({ queryKey: ['campaigns'] }))} />
      ) : null}
      {viewing ? <CampaignParticipationDialog campaign={viewing} onClose={() => setViewing(null)} /> : null}
    </>
  );
}
