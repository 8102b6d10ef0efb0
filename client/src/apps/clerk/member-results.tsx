import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Member } from '../../../../shared/schemas/member';
import { formatCount, groupCardNo, maskPhone, toLang } from '../../lib/format';
import { tierClass } from '../../lib/tier';

/** Search results: one row per member, the numbers a clerk reads out at a glance. */
export function MemberResults({ members }: { members: Member[] }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  if (members.length === 0) return <p className="empty" data-testid="member-results-empty">{t('clerk.lookup.none')}</p>;
  return (
    <div className="results">
      <p className="results-count">{t('clerk.lookup.found', { count: members.length })}</p>
      <ul className="member-list" data-testid="member-results">
        {members.map((m) => (
          <li key={m.id} className="member-row" data-testid="member-row">
            <div className="member-who">
              <span className={`avatar avatar-lg ${tierClass(m.tierCode)}`} aria-hidden="true">
                {m.name.slice(0, 1)}
              </span>
              <span>
                <span className="member-name">
                  {m.name}
                  {m.status !== 'active' ? <span className="badge badge-danger">{t(`clerk.${m.status}`)}</span> : null}
                </span>
                <span className="member-phone" aria-label={t('clerk.columns.phone')}>
                  {maskPhone(m.phone)}
                </span>
              </span>
            </div>
            <div className="member-meta">
              <span className={`tier-badge ${tierClass(m.tierCode)}`}>{t(`tiers.${m.tierCode}`)}</span>
              <span className="member-card-no">
                <span className="label">{t('clerk.columns.cardNo')}</span> {groupCardNo(m.cardNo)}
              </span>
            </div>
            <div className="member-figures">
              <span className="figure">
                <span className="label">{t('clerk.columns.balance')}</span>
                <span className="value money" data-testid="member-row-balance">{formatFen(m.principalFen + m.bonusFen)}</span>
              </span>
              <span className="figure">
                <span className="label">{t('clerk.columns.points')}</span>
                <span className="value">{formatCount(m.points, lang)}</span>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
