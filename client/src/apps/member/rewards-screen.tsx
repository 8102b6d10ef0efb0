import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Member } from '../../../../shared/schemas/member';
import type { Redemption, RewardOffer } from '../../../../shared/schemas/rewards';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { formatCount, toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useOnline } from '../../lib/use-online';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { CouponIcon } from '../../lib/ui/icons';
import { Notice } from '../../lib/ui/notice';
import { Loading } from '../../lib/ui/states';
import { useAccount } from './member-data';
import { formatDate } from './member-format';
import { Empty, ScreenHeader } from './member-ui';

// One id per confirmation: a retry of the same tap (a lost answer) redeems once.
type Pending = { offer: RewardOffer; id: string };

/** 积分兑换: what HQ offers for points, redeemed once per tap; my redemptions with their pickup codes. */
export function RewardsScreen({ member }: { member: Member }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const online = useOnline();
  const errorText = useErrorText();
  const account = useAccount(member.id);
  const offers = useResource(() => api.get<{ rewards: RewardOffer[] }>('/api/rewards'), [api]);
  const mine = useResource(() => api.get<{ redemptions: Redemption[] }>('/api/redemptions', { limit: '20' }), [api]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const spendable = (account?.balances.points ?? member.points) - (account?.balances.lockedPoints ?? 0);
  const name = (o: RewardOffer) => (lang === 'en' && o.reward.nameEn ? o.reward.nameEn : o.reward.name);

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<Redemption>('/api/redemptions', { redemptionId: pending.id, rewardId: pending.offer.reward.id });
      setDone(r);
      setPending(null);
      offers.reload();
      mine.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.rewards.title')} onBack={() => navigate('wallet')} testId="rewards-heading" />
      <main className="member-main">
        <p className="rewards-points" data-testid="rewards-points">{t('memberApp.rewards.myPoints', { points: formatCount(Math.max(0, spendable), lang) })}</p>
        {done ? (
          <Notice kind="success" testId="redeem-done">
            {done.kind === 'coupon' ? t('memberApp.rewards.doneCoupon') : t('memberApp.rewards.doneGoods', { code: done.pickupCode })}
          </Notice>
        ) : null}
        {!online ? <Notice kind="info">{t('memberApp.rewards.offline')}</Notice> : null}
        {offers.status === 'loading' && !offers.data ? <Loading /> : null}
        {offers.status === 'error' && !offers.data ? <Notice kind="error">{errorText(offers.error)}</Notice> : null}
        {offers.data && offers.data.rewards.length === 0 ? <Empty icon={<CouponIcon size={28} />} text={t('memberApp.rewards.empty')} /> : null}
        <ul className="reward-list">
          {(offers.data?.rewards ?? []).map((o) => {
            const short = o.available && spendable < o.reward.pointsCost;
            return (
              <li key={o.reward.id} className="card reward-item" data-testid="reward-item" data-reward={o.reward.id}>
                <span className="row-icon row-icon-brand"><CouponIcon size={20} /></span>
                <span className="row-main">
                  <span className="row-title">{name(o)} <span className="pill">{t(`memberApp.rewards.kind.${o.reward.kind}`)}</span></span>
                  {o.reward.description ? <span className="muted">{o.reward.description}</span> : null}
                  <span className="reward-cost">{t('memberApp.rewards.cost', { points: formatCount(o.reward.pointsCost, lang) })}</span>
                  <span className="muted">{o.left === null ? t('memberApp.rewards.unlimited') : t('memberApp.rewards.left', { count: o.left })}</span>
                </span>
                <Button variant={o.available && !short ? 'primary' : 'secondary'} disabled={!o.available || short || !online} onClick={() => (setError(null), setDone(null), setPending({ offer: o, id: ulid() }))} data-testid="reward-redeem">
                  {o.reason ? t(`memberApp.rewards.reason.${o.reason}`) : short ? t('memberApp.rewards.notEnough') : t('memberApp.rewards.redeem')}
                </Button>
              </li>
            );
          })}
        </ul>

        {(mine.data?.redemptions ?? []).length > 0 ? (
          <section aria-labelledby="mine-title" data-testid="my-redemptions">
            <h2 id="mine-title" className="section-title">{t('memberApp.rewards.mine')}</h2>
            <ul className="card list-card">
              {mine.data!.redemptions.map((r) => (
                <li key={r.id} className="list-row static" data-testid="redemption-item">
                  <span className="row-main">
                    <span className="row-title">{r.rewardName}</span>
                    <span className="muted">{formatDate(r.createdAt, lang)} · −{formatCount(r.points, lang)}</span>
                    {r.pickupCode && r.status === 'issued' ? <span className="mono reward-code">{t('memberApp.rewards.pickup', { code: r.pickupCode })}</span> : null}
                  </span>
                  <span className={`pill${r.status === 'refused' ? ' pill-danger' : ''}`}>{t(`memberApp.rewards.status.${r.status}`)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>

      {pending ? (
        <div className="sheet-backdrop" role="presentation" onClick={() => !busy && setPending(null)}>
          <div className="sheet" role="alertdialog" aria-modal="true" aria-labelledby="redeem-title" onClick={(e) => e.stopPropagation()} data-testid="redeem-confirm">
            <h2 id="redeem-title" className="sheet-title">{t('memberApp.rewards.confirmTitle', { name: name(pending.offer) })}</h2>
            <p>{t('memberApp.rewards.confirmBody', { points: formatCount(pending.offer.reward.pointsCost, lang) })}</p>
            {error ? <Notice kind="error" testId="redeem-error">{error}</Notice> : null}
            <Button size="lg" block loading={busy} onClick={() => void confirm()} data-testid="redeem-yes">{t('memberApp.rewards.confirmYes')}</Button>
            <Button variant="secondary" size="lg" block disabled={busy} onClick={() => setPending(null)}>{t('memberApp.rewards.cancel')}</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
