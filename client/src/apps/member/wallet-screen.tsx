import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Member } from '../../../../shared/schemas/member';
import { useApi } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { ChevronRightIcon, CouponIcon, TicketIcon } from '../../lib/ui/icons';
import { navigate } from '../../lib/router';
import { useAccount, useStores } from './member-data';
import { formatDate } from './member-format';
import { Empty, ScreenHeader } from './member-ui';
import { daysUntil, groupCoupons, pointsSchedule, splitPunchCards } from './wallet';

type CouponTab = 'usable' | 'used' | 'expired';

/** 卡券: points and when they lapse, punch cards (visits left, expiry, where), coupons by state. */
export function WalletScreen({ member }: { member: Member }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const account = useAccount(member.id);
  const { byId } = useStores(useApi());
  const [couponTab, setCouponTab] = useState<CouponTab>('usable');
  const now = Date.now();
  const points = pointsSchedule(account?.lots ?? [], now);
  const cards = splitPunchCards(account?.punchCards ?? [], now);
  const coupons = groupCoupons(account?.coupons ?? [], now);
  const shown = coupons[couponTab];
  const soon = (at: number) => {
    const d = daysUntil(at, now);
    return d <= 30 ? <span className="pill pill-warning">{d <= 0 ? t('memberApp.wallet.today') : t('memberApp.wallet.inDays', { count: d })}</span> : null;
  };
  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.wallet.title')} testId="wallet-heading" />
      <main className="member-main">
        <section className="card points-card" data-testid="wallet-points">
          <div className="points-head">
            <h2 className="label">{t('member.home.points')}</h2>
            <p className="points-total">{formatCount(account?.balances.points ?? member.points, lang)}</p>
            {points.pending > 0 ? <p className="muted points-pending">{t('memberApp.wallet.pending', { points: formatCount(points.pending, lang) })}</p> : null}
          </div>
          {points.expiring.length > 0 ? (
            <ul className="points-expiry" data-testid="points-expiry">
              {points.expiring.slice(0, 4).map((e) => (
                <li key={e.day}>
                  <span>{t('memberApp.wallet.expiresOn', { date: formatDate(e.expiresAt, lang) })}</span>
                  <span className="points-expiry-n">
                    {formatCount(e.points, lang)} {soon(e.expiresAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('memberApp.wallet.noExpiry')}</p>
          )}
          <button type="button" className="list-row rewards-link" onClick={() => navigate('wallet/rewards')} data-testid="open-rewards">
            <span className="row-icon row-icon-brand"><CouponIcon size={20} /></span>
            <span className="row-main"><span className="row-title">{t('memberApp.rewards.open')}</span><span className="muted">{t('memberApp.rewards.hint')}</span></span>
            <ChevronRightIcon size={18} />
          </button>
        </section>

        <section className="wallet-section" aria-labelledby="punch-title">
          <h2 id="punch-title" className="section-title">{t('member.home.punchCards')}</h2>
          {cards.active.length + cards.finished.length === 0 ? (
            <Empty icon={<TicketIcon size={28} />} text={t('memberApp.wallet.noPunch')} testId="punch-empty" />
          ) : (
            <ul className="punch-list" data-testid="punch-list">
              {[...cards.active, ...cards.finished].map((c) => {
                const live = cards.active.includes(c);
                return (
                  <li key={c.id} className={`punch-card${live ? '' : ' punch-card-done'}`} data-testid="punch-card">
                    <div className="punch-top">
                      <span className="punch-name">{c.name}</span>
                      <span className="punch-left" data-testid="punch-left">{t('memberApp.wallet.usesLeft', { left: c.usesLeft, total: c.usesTotal })}</span>
                    </div>
                    <div className="punch-dots" aria-hidden="true">
                      {Array.from({ length: Math.min(c.usesTotal, 20) }, (_, i) => (
                        <span key={i} className={i < c.usesTotal - c.usesLeft ? 'used' : ''} />
                      ))}
                    </div>
                    <div className="punch-foot">
                      <span>{c.expiresAt ? t('memberApp.wallet.validUntil', { date: formatDate(c.expiresAt, lang) }) : t('memberApp.wallet.noEnd')} {c.expiresAt && live ? soon(c.expiresAt) : null}</span>
                      <span>{c.storeIds ? c.storeIds.map((s) => byId.get(s)?.name ?? s).join('、') : t('memberApp.wallet.allStores')}</span>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="wallet-section" aria-labelledby="coupon-title">
          <h2 id="coupon-title" className="section-title">{t('member.home.coupons')}</h2>
          <div className="segmented" role="tablist" data-testid="coupon-tabs">
            {(['usable', 'used', 'expired'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={couponTab === k} className={couponTab === k ? 'active' : ''} onClick={() => setCouponTab(k)} data-testid={`coupon-tab-${k}`}>
                {t(`memberApp.wallet.${k}`)} <span className="segmented-n">{coupons[k].length}</span>
              </button>
            ))}
          </div>
          {shown.length === 0 ? (
            <Empty icon={<CouponIcon size={28} />} text={t(`memberApp.wallet.none_${couponTab}`)} testId="coupon-empty" />
          ) : (
            <ul className="coupon-list" data-testid="coupon-list">
              {shown.map((c) => (
                <li key={c.id} className={`coupon coupon-${couponTab}`} data-testid="coupon">
                  <span className="coupon-stub"><CouponIcon size={22} /></span>
                  <span className="coupon-main">
                    <span className="coupon-name">{c.name}</span>
                    <span className="coupon-sub">
                      {couponTab === 'used' ? t('memberApp.wallet.usedCoupon') : t(couponTab === 'expired' ? 'memberApp.wallet.expiredOn' : 'memberApp.wallet.validUntil', { date: formatDate(c.expiresAt, lang) })}
                      {couponTab === 'usable' ? <> {soon(c.expiresAt)}</> : null}
                    </span>
                    {couponTab === 'usable' ? <span className="coupon-where">{t('memberApp.wallet.couponWhere')}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="muted wallet-foot">{t('memberApp.wallet.balanceNote', { amount: formatFen(member.principalFen + member.bonusFen) })}</p>
      </main>
    </div>
  );
}
