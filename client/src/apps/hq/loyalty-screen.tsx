import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRating } from '../../../../shared/schemas/member-profile';
import type { RewardOffer } from '../../../../shared/schemas/rewards';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { QrCodeSvg } from '../../lib/ui/qr-code-svg';
import { Loading, LoadError } from '../../lib/ui/states';
import { RewardDialog } from './reward-dialog';

type Ratings = { ratings: VisitRating[]; averageScore: number | null; count: number };

/** 积分兑换与评价: the rewards catalogue (HQ edits it), members' visit ratings, and the member app's entry link. */
export function LoyaltyScreen({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const rewards = useResource(() => api.get<{ rewards: RewardOffer[] }>('/api/rewards'), []);
  const stores = useResource(() => api.get<{ stores: StoreSummary[] }>('/api/stores'), []);
  const [storeId, setStoreId] = useState('');
  const ratings = useResource(() => api.get<Ratings>('/api/ratings', { limit: 100, storeId: storeId || undefined }), [storeId]);
  const [editing, setEditing] = useState<RewardOffer | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const storeName = new Map((stores.data?.stores ?? []).map((s) => [s.id, s.name]));
  const n = (v: number) => formatCount(v, lang);
  const link = `${location.origin}/member/`;

  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="loyalty-heading">{t('hq.loyalty.heading')}</h1>
        <p className="muted">{t('hq.loyalty.subtitle')}</p>
      </div>
      {saved ? <Notice kind="success" testId="reward-saved">{t('hq.loyalty.form.saved', { name: saved })}</Notice> : null}

      <section className="card table-card" aria-labelledby="rewards-title">
        <div className="table-head">
          <h2 id="rewards-title" className="table-card-title">{t('hq.loyalty.rewards')}</h2>
          {canEdit ? <Button onClick={() => (setSaved(null), setEditing('new'))} data-testid="reward-new">{t('hq.loyalty.new')}</Button> : null}
        </div>
        {rewards.status === 'error' && !rewards.data ? <LoadError error={rewards.error} onRetry={rewards.reload} /> : null}
        {rewards.status === 'loading' && !rewards.data ? <Loading /> : null}
        <table className="table" data-testid="reward-table">
          <thead>
            <tr>
              <th>{t('hq.loyalty.cols.name')}</th><th>{t('hq.loyalty.cols.kind')}</th><th className="num">{t('hq.loyalty.cols.cost')}</th>
              <th className="num">{t('hq.loyalty.cols.stock')}</th><th className="num">{t('hq.loyalty.cols.redeemed')}</th><th className="num">{t('hq.loyalty.cols.limit')}</th>
              <th>{t('hq.loyalty.cols.status')}</th>{canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {rewards.data?.rewards.length === 0 ? <tr><td colSpan={8} className="empty">{t('hq.loyalty.none')}</td></tr> : null}
            {(rewards.data?.rewards ?? []).map((o) => (
              <tr key={o.reward.id} data-testid="reward-row">
                <td className="strong">{o.reward.name}{o.reward.description ? <div className="muted">{o.reward.description}</div> : null}</td>
                <td>{t(`hq.loyalty.kind.${o.reward.kind}`)}</td>
                <td className="num">{n(o.reward.pointsCost)}</td>
                <td className="num">{o.reward.stock === null ? t('hq.loyalty.unlimited') : n(o.reward.stock)}</td>
                <td className="num">{n(o.redeemed)}</td>
                <td className="num">{o.reward.perMemberLimit ?? t('hq.loyalty.unlimited')}</td>
                <td><span className={`status status-${o.reward.active ? 'open' : 'closed'}`}>{t(o.reward.active ? 'hq.loyalty.on' : 'hq.loyalty.off')}</span></td>
                {canEdit ? <td><Button variant="secondary" className="btn-sm" onClick={() => (setSaved(null), setEditing(o))} data-testid="reward-edit">{t('hq.loyalty.edit')}</Button></td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card table-card" aria-labelledby="ratings-title" data-testid="ratings">
        <div className="table-head">
          <h2 id="ratings-title" className="table-card-title">{t('hq.loyalty.ratings')}</h2>
          <span className="muted" data-testid="ratings-average">
            {ratings.data?.averageScore != null ? t('hq.loyalty.avg', { score: ratings.data.averageScore.toFixed(2), count: ratings.data.count }) : t('hq.loyalty.noRatings')}
          </span>
          {canEdit ? (
            <select className="select" value={storeId} onChange={(e) => setStoreId(e.target.value)} aria-label={t('hq.loyalty.rcols.store')} data-testid="ratings-store">
              <option value="">{t('hq.loyalty.allStores')}</option>
              {(stores.data?.stores ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          ) : null}
        </div>
        <table className="table">
          <thead>
            <tr><th>{t('hq.loyalty.rcols.at')}</th><th>{t('hq.loyalty.rcols.store')}</th><th>{t('hq.loyalty.rcols.member')}</th><th>{t('hq.loyalty.rcols.score')}</th><th>{t('hq.loyalty.rcols.comment')}</th></tr>
          </thead>
          <tbody>
            {(ratings.data?.ratings ?? []).map((r) => (
              <tr key={r.orderId} data-testid="rating-row">
                <td className="nowrap">{new Date(r.createdAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</td>
                <td>{storeName.get(r.storeId) ?? r.storeId}</td>
                <td>{r.memberName ?? ''}</td>
                <td className="stars-cell" aria-label={String(r.score)}>{'★'.repeat(r.score)}<span className="muted">{'★'.repeat(5 - r.score)}</span></td>
                <td className="wrap">{r.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card entry-card" aria-labelledby="entry-title" data-testid="member-entry">
        <QrCodeSvg text={link} label={t('hq.loyalty.entry')} testId="member-entry-qr" />
        <div>
          <h2 id="entry-title" className="section-title">{t('hq.loyalty.entry')}</h2>
          <p className="muted">{t('hq.loyalty.entryHint')}</p>
          <p className="mono" data-testid="member-entry-link">{link}</p>
        </div>
      </section>

      {editing ? (
        <RewardDialog offer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(name) => (setEditing(null), setSaved(name), rewards.reload())} />
      ) : null}
    </>
  );
}
