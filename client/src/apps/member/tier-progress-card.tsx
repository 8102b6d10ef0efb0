import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Member, Tier } from '../../../../shared/schemas/member';
import { tierClass, tierName, tierProgress } from '../../lib/tier';

/** How far the member is from the next tier; at the top tier, a thank-you instead. */
export function TierProgressCard({ member, tier, nextTier, keepMonths = null }: { member: Member; tier: Tier | null; nextTier: Tier | null; keepMonths?: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const progress = tierProgress(member.lifetimeSpendFen, tier, nextTier);
  return (
    <section className="card tier-progress" aria-labelledby="tier-progress-title" data-testid="tier-progress">
      <div className="tier-progress-head">
        <h2 id="tier-progress-title" className="section-title">
          {t('member.home.progressTitle')}
        </h2>
        <span className="muted">{t('member.home.spent', { amount: formatFen(member.lifetimeSpendFen) })}</span>
      </div>
      {progress ? (
        <>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
            <span className={`progress-bar ${tierClass(progress.next.code)}`} style={{ width: `${Math.max(progress.percent, 2)}%` }} />
          </div>
          <div className="tier-progress-scale">
            <span>{tier ? tierName(tier, lang) : ''}</span>
            <span>{tierName(progress.next, lang)}</span>
          </div>
          <p className="tier-progress-text">
            {progress.remainingFen > 0
              ? t('member.home.toNext', { amount: formatFen(progress.remainingFen), tier: tierName(progress.next, lang) })
              : t('member.home.reached', { tier: tierName(progress.next, lang) })}
          </p>
        </>
      ) : (
        <p className="tier-progress-text">{t('member.home.topTier')}</p>
      )}
      {tier && keepMonths && tier.keepSpendFen > 0 ? (
        <p className="tier-progress-keep muted" data-testid="tier-keep">
          {t('memberApp.home.keep', { months: keepMonths, amount: formatFen(tier.keepSpendFen), tier: tierName(tier, lang) })}
        </p>
      ) : null}
    </section>
  );
}
