import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Me } from '../../../../shared/schemas/me';
import type { Member } from '../../../../shared/schemas/member';
import { useSignOut } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { Button } from '../../lib/ui/button';
import { Brand } from '../../lib/ui/brand-mark';
import { CouponIcon, LogOutIcon, QrIcon, ReceiptIcon, TicketIcon } from '../../lib/ui/icons';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { MemberCard } from './member-card';
import { TierProgressCard } from './tier-progress-card';
import './member-code.css';

/** "My card": the card, stored value (paid-in and bonus apart), points, tier progress, services. */
export function HomeScreen({ me, member }: { me: Me; member: Member }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const signOut = useSignOut();
  const services = [
    { key: 'punchCards', icon: <TicketIcon /> },
    { key: 'coupons', icon: <CouponIcon /> },
    { key: 'history', icon: <ReceiptIcon /> },
    { key: 'memberCode', icon: <QrIcon /> },
  ] as const;

  return (
    <div className="member-shell">
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

        <MemberCard member={member} tier={me.tier} />
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

        <TierProgressCard member={member} tier={me.tier} nextTier={me.nextTier} />

        <section className="card services" aria-labelledby="services-title">
          <h2 id="services-title" className="section-title">
            {t('member.home.services')}
          </h2>
          <ul className="service-grid">
            {services.map((s) => s.key === 'memberCode' ? (
              <li key={s.key} className="service service-live" data-testid={`service-${s.key}`}>
                <button type="button" className="service-button" onClick={() => navigate('code')}>
                  <span className="service-icon">{s.icon}</span>
                  <span className="service-name">{t(`member.home.${s.key}`)}</span>
                </button>
              </li>
            ) : (
              <li key={s.key} className="service" aria-disabled="true" data-testid={`service-${s.key}`}>
                <span className="service-icon">{s.icon}</span>
                <span className="service-name">{t(`member.home.${s.key}`)}</span>
                <span className="service-soon">{t('member.home.soon')}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
