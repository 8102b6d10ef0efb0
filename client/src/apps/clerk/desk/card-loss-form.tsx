import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Member } from '../../../../../shared/schemas/member';
import { groupCardNo } from '../../../lib/format';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { NotReady, useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';
import { ReplaceCard } from './replace-card';

/**
 * Lost card: reporting it freezes the card at once and offline too (mutate.reportCardLoss; the
 * staff of a store that serves the member, or HQ — docs/decisions/002). The replacement card is online only.
 */
export function CardLossForm({ member, onDone, onCancel }: { member: Member; onDone: DeskDone; onCancel(): void }) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const deskError = useDeskError();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  async function report(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const opId = ulid();
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.reportCardLoss({ opId, memberId: member.id, reason: reason.trim() });
      onDone(t('desk.loss.done', { cardNo: member.cardNo ? groupCardNo(member.cardNo) : '' }), opId);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <div className="desk-form" data-testid="card-loss">
      <section className="desk-subsection">
        <h3 className="desk-subtitle">{t('desk.loss.reportTitle')}</h3>
        {member.status === 'active' ? (
          <form className="desk-form" onSubmit={report} noValidate>
            <p className="muted">{t('desk.loss.explain')}</p>
            <TextField label={t('desk.loss.reason')} hint={t('desk.fields.optional')} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="loss-reason" />
            {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
            <div className="desk-form-foot">
              <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
              <Button type="submit" size="lg" className="btn-danger" data-testid="loss-submit">{t('desk.loss.submit')}</Button>
            </div>
          </form>
        ) : (
          <Notice kind={member.status === 'frozen' ? 'info' : 'error'}>{t(`desk.loss.already.${member.status}`)}</Notice>
        )}
      </section>
      <ReplaceCard member={member} onDone={onDone} />
    </div>
  );
}
