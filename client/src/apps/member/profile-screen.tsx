import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTED_INTERESTS } from '../../../../shared/domain/interests';
import type { MemberProfileView } from '../../../../shared/schemas/member-profile';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { ScreenHeader } from './member-ui';

/** 个人资料: name, birthday (set once: it brings a birthday gift), interests. */
export function ProfileScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const profile = useResource(() => api.get<MemberProfileView>('/api/me/profile'), [api]);
  const [name, setName] = useState('');
  const [birthday, setBirthday] = useState('');
  const [interests, setInterests] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  // The saved profile as the server answered it (birthday locked from then on), over the first load.
  const [saved, setSaved] = useState<MemberProfileView | null>(null);
  const p = saved ?? profile.data;
  useEffect(() => {
    if (!p) return;
    setName(p.name);
    setBirthday(p.birthday ?? '');
    setInterests(p.interests);
  }, [p]);
  if (!p) return profile.status === 'error' ? <LoadError error={profile.error} onRetry={profile.reload} /> : <Loading />;
  const label = (tag: string) => t(`memberApp.profile.interestNames.${tag}`, { defaultValue: tag });
  const toggle = (tag: string) => setInterests((xs) => (xs.includes(tag) ? xs.filter((x) => x !== tag) : xs.length >= 10 ? xs : [...xs, tag]));
  const choices = [...new Set([...SUGGESTED_INTERESTS, ...interests])];

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      setSaved(await api.put<MemberProfileView>('/api/me/profile', { name, birthday: birthday || null, interests }));
      setMessage({ kind: 'success', text: t('memberApp.profile.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.profile.title')} onBack={() => navigate('me')} testId="profile-heading" />
      <main className="member-main">
        <section className="card profile-form" data-testid="profile-form">
          <label className="field">
            <span className="field-label">{t('memberApp.profile.name')}</span>
            <span className="field-control"><input className="field-input" value={name} maxLength={20} onChange={(e) => setName(e.target.value)} data-testid="profile-name" /></span>
          </label>
          <label className="field">
            <span className="field-label">{t('memberApp.profile.birthday')}</span>
            <span className="field-control"><input className="field-input" type="date" value={birthday} disabled={p.birthdayLocked} max={new Date().toISOString().slice(0, 10)} onChange={(e) => setBirthday(e.target.value)} data-testid="profile-birthday" /></span>
            <span className="muted">{p.birthdayLocked ? t('memberApp.profile.birthdayLocked') : t('memberApp.profile.birthdayOnce')}</span>
          </label>
          <fieldset className="field">
            <legend className="field-label">{t('memberApp.profile.interests')}</legend>
            <div className="chips" data-testid="profile-interests">
              {choices.map((tag) => (
                <button key={tag} type="button" className={`chip${interests.includes(tag) ? ' chip-on' : ''}`} aria-pressed={interests.includes(tag)} onClick={() => toggle(tag)} data-testid="interest-chip" data-tag={tag}>
                  {label(tag)}
                </button>
              ))}
            </div>
            <span className="muted">{t('memberApp.profile.interestsHint')}</span>
          </fieldset>
          {p.staffTags.length > 0 ? <p className="muted">{t('memberApp.profile.staffTags')}: {p.staffTags.join('、')}</p> : null}
          {message ? <Notice kind={message.kind} testId="profile-message">{message.text}</Notice> : null}
          <Button block size="lg" loading={busy} onClick={() => void save()} data-testid="profile-save">{t('memberApp.profile.save')}</Button>
        </section>
      </main>
    </div>
  );
}
