import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Member } from '../../../../../shared/schemas/member';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { NotReady, useDeskError } from './desk-errors';
import { toUpdate, withoutFixed, type FieldErrors, type MemberDraft } from './member-fields';
import { MemberFields } from './member-fields-view';
import type { DeskDone } from './desk-types';

/** Name, birthday, gender: only what changed goes out, as one updateMember with its own opId (a replay changes nothing). */
export function EditMemberForm({ member, onDone, onCancel }: { member: Member; onDone: DeskDone; onCancel(): void }) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const deskError = useDeskError();
  const [draft, setDraft] = useState<MemberDraft>({ phone: member.phone, name: member.name, birthday: member.birthday ?? '', gender: member.gender, cardNo: member.cardNo });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [unchanged, setUnchanged] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const opId = ulid();
    const r = toUpdate(member, draft, { opId, now: Date.now() });
    setErrors(r.ok ? {} : r.errors);
    setUnchanged(r.ok && r.value === null);
    if (!r.ok || !r.value) return;
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.updateMember(r.value);
      onDone(t('desk.edit.done'), opId);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <form className="desk-form" onSubmit={submit} noValidate data-testid="edit-form">
      <div className="desk-fields desk-fields-narrow">
        <MemberFields draft={draft} errors={errors} onChange={(d) => (setDraft((x) => ({ ...x, ...d })), setErrors((e) => withoutFixed(e, d)), setUnchanged(false))} />
      </div>
      <p className="muted">{t('desk.edit.phoneHint')}</p>
      {unchanged ? <Notice kind="info">{t('desk.edit.unchanged')}</Notice> : null}
      {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
      <div className="desk-form-foot">
        <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
        <Button type="submit" size="lg" data-testid="edit-submit">{t('desk.edit.submit')}</Button>
      </div>
    </form>
  );
}
