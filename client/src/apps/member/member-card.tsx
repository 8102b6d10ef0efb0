import { useTranslation } from 'react-i18next';
import type { Member, Tier } from '../../../../shared/schemas/member';
import { groupCardNo } from '../../lib/format';
import { tierClass, tierName } from '../../lib/tier';
import { BrandMark } from '../../lib/ui/brand-mark';

/** The membership card itself, coloured by tier (normal / silver / gold / diamond). */
export function MemberCard({ member, tier }: { member: Member; tier: Tier | null }) {
  const { t, i18n } = useTranslation();
  const name = tier ? tierName(tier, i18n.resolvedLanguage ?? 'zh-CN') : t(`tiers.${member.tierCode}`);
  return (
    <section className={`member-card ${tierClass(member.tierCode)}`} data-testid="member-card" aria-label={name}>
      <div className="member-card-top">
        <span className="member-card-brand">
          <BrandMark size={26} />
          {t('brand.name')}
        </span>
        <span className="member-card-tier" data-testid="member-tier">
          {name}
        </span>
      </div>
      <p className="member-card-name">{member.name}</p>
      <div className="member-card-bottom">
        <span className="member-card-label">{t('member.home.cardNo')}</span>
        <span className="member-card-no" data-testid="member-card-no">
          {groupCardNo(member.cardNo)}
        </span>
      </div>
    </section>
  );
}
