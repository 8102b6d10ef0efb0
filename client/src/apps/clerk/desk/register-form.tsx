import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Member } from '../../../../../shared/schemas/member';
import { prefixes } from '../../../../../shared/sync/keys';
import { useApi } from '../../../lib/app-context';
import { isMobile, maskPhone } from '../../../lib/format';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { useOnline } from '../../../lib/use-online';
import { NotReady, useDeskError } from './desk-errors';
import { MemberFields } from './member-fields-view';
import { emptyDraft, samePhone, toRegistration, withoutFixed, type FieldErrors, type MemberDraft } from './member-fields';
import { PhotoCapture } from './photo-capture';
import { usePhotoSync } from './photo-api';
import { photoQueue } from './photo-queue';
import './desk.css';

type Props = { storeId: string; onRegistered(memberId: string): void; onCancel(): void; onOpenMember?(memberId: string): void };
type Dup = { id: string; name: string; phone: string };

/** A member already holding this phone: on the tablet first, else (online) anywhere in the chain by exact phone. */
function useDuplicate(phone: string): Dup | null {
  const rep = useCloudSync()?.rep ?? null;
  const api = useApi();
  const online = useOnline();
  const [found, setFound] = useState<{ phone: string; dup: Dup | null } | null>(null);
  useEffect(() => {
    if (!isMobile(phone) || !rep) return;
    let live = true;
    void (async () => {
      const members = (await rep.query((tx) => tx.scan({ prefix: prefixes.member }).values().toArray())) as Member[];
      const id = samePhone(members, phone);
      let dup: Dup | null = id ? (members.find((m) => m.id === id) ?? null) : null;
      if (!dup && online) dup = (await api.get<{ members: Member[] }>('/api/members', { q: phone, limit: 1 }).catch(() => ({ members: [] }))).members.find((m) => m.phone === phone) ?? null;
      if (live) setFound({ phone, dup });
    })();
    return () => {
      live = false;
    };
  }, [rep, api, phone, online]);
  return found?.phone === phone ? found.dup : null;
}

/** Registering a member at the counter: the registration goes through Replicache (works offline); the photo follows. */
export function RegisterForm({ storeId, onRegistered, onCancel, onOpenMember }: Props) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const online = useOnline();
  const deskError = useDeskError();
  usePhotoSync();
  const [draft, setDraft] = useState<MemberDraft>(emptyDraft);
  const [photo, setPhoto] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const phone = draft.phone.replace(/[\s-]/g, '');
  const dup = useDuplicate(phone);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const r = toRegistration(draft, { id: ulid(), storeId, now: Date.now() });
    setErrors(r.ok ? {} : r.errors);
    if (!r.ok || dup) return;
    setBusy(true);
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.registerMember(r.value);
    } catch (err) {
      setBusy(false);
      return setFailure(err);
    }
    if (photo) photoQueue.enqueue(r.value.id, photo);
    onRegistered(r.value.id);
  }

  return (
    <form className="desk-form card" onSubmit={submit} noValidate data-testid="register-form">
      <h2 className="section-title">{t('desk.register.title')}</h2>
      {!online ? <Notice kind="info" testId="register-offline">{t('desk.register.offline')}</Notice> : null}
      <div className="desk-register-grid">
        <div className="desk-fields">
          <MemberFields draft={draft} errors={errors} onChange={(d) => (setDraft((x) => ({ ...x, ...d })), setErrors((e) => withoutFixed(e, d)))} withPhone withCardNo />
          {dup ? (
            <div className="desk-dup" role="alert" data-testid="register-duplicate">
              <span>{t('desk.register.duplicate', { name: dup.name, phone: maskPhone(dup.phone) })}</span>
              <Button variant="secondary" onClick={() => (onOpenMember ?? onRegistered)(dup.id)} data-testid="register-open-existing">
                {t('desk.register.openExisting')}
              </Button>
            </div>
          ) : null}
        </div>
        <PhotoCapture value={photo} onChange={setPhoto} />
      </div>
      {Object.keys(errors).length > 0 ? <Notice kind="error">{t('desk.register.fixFields')}</Notice> : null}
      {failure ? <Notice kind="error" testId="register-error">{deskError(failure)}</Notice> : null}
      <div className="desk-form-foot">
        <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
        <Button type="submit" size="lg" loading={busy} disabled={!!dup} data-testid="register-submit">{t('desk.register.submit')}</Button>
      </div>
    </form>
  );
}
