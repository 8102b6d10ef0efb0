import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Member, Tier } from '../../../../shared/schemas/member';
import { DEFAULT_CHAIN_RULES } from '../../../../shared/domain/default-rules';
import type { ChainRules } from '../../../../shared/schemas/rules';
import { keys } from '../../../../shared/sync/keys';
import { useSubscribe } from '../../lib/sync/sync-context';
import { useSignOut } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { Button } from '../../lib/ui/button';
import { Brand } from '../../lib/ui/brand-mark';
import { CouponIcon, LockIcon, LogOutIcon, QrIcon, ReceiptIcon, TicketIcon } from '../../lib/ui/icons';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { MemberCard } from './member-card';
import { TierProgressCard } from './tier-progress-card';
import './member-code.css';

/** "My card": the card, stored value (paid-in and bonus apart), points, tier progress, services. */
export function HomeScreen({ member, tier, nextTier }: { member: Member; tier: Tier | null; nextTier: Tier | null }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const signOut = useSignOut();
  const rules = useSubscribe(async (tx) => ((await tx.get(keys.rules())) as ChainRules | undefined) ?? DEFAULT_CHAIN_RULES, DEFAULT_CHAIN_RULES, []);
  const services = [
    { key: 'punchCards', icon: <TicketIcon />, to: 'wallet' },
    { key: 'coupons', icon: <CouponIcon />, to: 'wallet' },
    { key: 'history', icon: <ReceiptIcon />, to: 'history' },
    { key: 'memberCode', icon: <QrIcon />, to: 'code' },
  ] as const;

  return (
    <div className="member-shell with-tabs">
      <header className="member-header">
        <Brand size={28} />
        <div className="member-header-actions">
          <LanguageSwitch />
          <button type="button" className="icon-button" onClick={() => void signOut()} aria-label={t('common.signOut')} title={t('common.signOut')} data-testid="sign-out">
            <LogOutIcon size={20} />
          </button>
        </div>
      </header>

      <main className="member-main">
        <div className="member-hello">
          <h1 className="page-title" data-testid="home-heading">
            {t('member.home.greeting', { name: member.name })}
          </h1>
          <p className="muted">{t('member.home.heading')}</p>
        </div>

        {member.status !== 'active' ? (
          <div className="frozen-banner" role="status" data-testid="home-frozen">
            <LockIcon size={20} />
            <span>{t(member.status === 'frozen' ? 'memberApp.me.frozenBanner' : 'memberApp.me.closedBanner')}</span>
          </div>
        ) : null}
        <MemberCard member={member} tier={tier} />
        <Button size="lg" block className="member-code-open" onClick={() => navigate('code')} data-testid="show-member-code">
          <QrIcon size={20} />
          {t('memberCode.open')}
        </Button>

        <section className="card balance-card" aria-labelledby="balance-title">
          <div className="balance-main">
            <h2 id="balance-title" className="label">
              {t('member.home.balance')}
            </h2>
            <p className="balance-total money" data-testid="member-balance">
              {formatFen(member.principalFen + member.bonusFen)}
            </p>
          </div>
          <dl className="balance-split">
            <div>
              <dt>{t('member.home.principal')}</dt>
              <dd className="money" data-testid="member-principal">{formatFen(member.principalFen)}</dd>
            </div>
            <div>
              <dt>{t('member.home.bonus')}</dt>
              <dd className="money" data-testid="member-bonus">{formatFen(member.bonusFen)}</dd>
            </div>
            <div>
              <dt>{t('member.home.points')}</dt>
              <dd data-testid="member-points">{formatCount(member.points, lang)}</dd>
            </div>
          </dl>
          {(member.reservedFen ?? 0) > 0 ? (
            <p className="muted balance-reserved" data-testid="member-reserved">{t('allowance.memberReserved', { amount: formatFen(member.reservedFen) })}</p>
          ) : null}
        </section>

        <TierProgressCard member={member} tier={tier} nextTier={nextTier} keepMonths={rules.tierReview.active ? rules.tierReview.windowMonths : null} />

        <section className="card services" aria-labelledby="services-title">
          <h2 id="services-title" className="section-title">
            {t('member.home.services')}
          </h2>
          <ul className="service-grid">
            {services.map((s) => (
              <li key={s.key} className="service service-live" data-testid={`service-${s.key}`}>
                <button type="button" className="service-button" onClick={() => navigate(s.to)}>
                  <span className="service-icon">{s.icon}</span>
                  <span className="service-name">{t(`member.home.${s.key}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
