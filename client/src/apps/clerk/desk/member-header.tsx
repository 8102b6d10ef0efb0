import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { Member } from '../../../../../shared/schemas/member';
import { formatCount, groupCardNo, maskPhone, toLang } from '../../../lib/format';
import { tierClass } from '../../../lib/tier';
import { Button } from '../../../lib/ui/button';
import { useOnline } from '../../../lib/use-online';
import { initials } from './photo';
import { useMemberPhoto, usePhotoState } from './photo-api';

const PHOTO_CODES = ['FORBIDDEN', 'VALIDATION_FAILED', 'MEMBER_NOT_FOUND'] as const;

/** The photo (or initials) and where an upload taken on this tablet stands. */
function MemberPhoto({ member }: { member: Member }) {
  const { t } = useTranslation();
  const online = useOnline();
  const url = useMemberPhoto(member.id);
  const state = usePhotoState(member.id);
  const code = state.kind === 'failed' ? ((PHOTO_CODES as readonly string[]).includes(state.code) ? (state.code as (typeof PHOTO_CODES)[number]) : 'other') : null;
  return (
    <div className="desk-photo-wrap">
      {url ? (
        <img className="desk-photo" src={url} alt={member.name} data-testid="desk-photo" />
      ) : (
        <span className={`desk-photo desk-initials ${tierClass(member.tierCode)}`} aria-hidden="true" data-testid="desk-initials">
          {initials(member.name)}
        </span>
      )}
      {state.kind === 'pending' ? <span className="desk-photo-state" data-testid="photo-state">{online ? t('desk.photo.uploading') : t('desk.photo.waitingOnline')}</span> : null}
      {code ? <span className="desk-photo-state is-failed" role="alert" data-testid="photo-state">{t(`desk.photo.failed.${code}`)}</span> : null}
    </div>
  );
}

/** Who this is and what they hold, at a glance: the numbers a clerk reads back to the customer. */
export function MemberHeader({ member, onClose, onCheckout }: { member: Member; onClose(): void; onCheckout?: (memberId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  return (
    <header className={`desk-head card${member.status !== 'active' ? ' is-frozen' : ''}`} data-testid="desk-head">
      <MemberPhoto member={member} />
      <div className="desk-who">
        <h2 className="desk-name" data-testid="desk-name">
          {member.name}
          <span className={`tier-badge ${tierClass(member.tierCode)}`}>{t(`tiers.${member.tierCode}`)}</span>
          {member.status !== 'active' ? <span className="badge badge-danger desk-status" data-testid="desk-status">{t(`clerk.${member.status}`)}</span> : null}
        </h2>
        <p className="desk-ids">
          <span className="num">{maskPhone(member.phone)}</span>
          <span>
            <span className="label">{t('desk.cardNo')}</span> <span className="num" data-testid="desk-card-no">{member.cardNo ? groupCardNo(member.cardNo) : t('desk.cardNoPending')}</span>
          </span>
        </p>
      </div>
      <dl className="desk-balances">
        <div className="is-total"><dt>{t('desk.balances.total')}</dt><dd className="money" data-testid="desk-balance">{formatFen(member.principalFen + member.bonusFen)}</dd></div>
        <div><dt>{t('desk.balances.principal')}</dt><dd className="money" data-testid="desk-principal">{formatFen(member.principalFen)}</dd></div>
        <div><dt>{t('desk.balances.bonus')}</dt><dd className="money" data-testid="desk-bonus">{formatFen(member.bonusFen)}</dd></div>
        <div><dt>{t('desk.balances.points')}</dt><dd data-testid="desk-points">{formatCount(member.points, lang)}</dd></div>
      </dl>
      <div className="desk-head-actions">
        {onCheckout ? <Button size="lg" onClick={() => onCheckout(member.id)} data-testid="desk-checkout">{t('desk.checkout')}</Button> : null}
        <Button size="lg" variant="secondary" onClick={onClose} data-testid="desk-close">{t('desk.close')}</Button>
      </div>
    </header>
  );
}
