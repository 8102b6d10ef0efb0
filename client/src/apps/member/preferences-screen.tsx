import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUED_KINDS, type QueuedKind } from '../../../../shared/domain/notification-kinds';
import type { NotificationPreferences } from '../../../../shared/schemas/notifications';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { LoadError, Loading } from '../../lib/ui/states';
import { ScreenHeader } from './member-ui';

/** Notification settings: inbox / SMS per kind, quiet hours, the language messages are written in. */
export function PreferencesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const loaded = useResource(() => api.get<NotificationPreferences>('/api/me/notification-preferences'), []);
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (loaded.data) setPrefs(loaded.data);
  }, [loaded.data]);
  const back = () => navigate('messages');
  const set = (kind: QueuedKind, channel: 'inbox' | 'sms', on: boolean) =>
    setPrefs((p) => (p ? { ...p, channels: { ...p.channels, [kind]: { ...p.channels[kind], [channel]: on } } } : p));
  const save = async () => {
    if (!prefs) return;
    setSaving(true);
    setMessage(null);
    try {
      setPrefs(await api.put<NotificationPreferences>('/api/me/notification-preferences', prefs));
      setMessage({ kind: 'success', text: t('memberApp.prefs.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.prefs.title')} onBack={back} testId="prefs-heading" />
      <main className="member-main">
        {!prefs ? (
          loaded.status === 'error' ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : <Loading />
        ) : (
          <>
            <section className="card prefs-card" data-testid="prefs-channels">
              <div className="prefs-grid prefs-grid-head">
                <span>{t('memberApp.prefs.kind')}</span>
                <span>{t('memberApp.prefs.inbox')}</span>
                <span>{t('memberApp.prefs.sms')}</span>
              </div>
              {QUEUED_KINDS.map((k) => (
                <div key={k} className="prefs-grid">
                  <span>{t(`memberApp.prefs.kinds.${k}`)}</span>
                  <Switch on={prefs.channels[k].inbox} label={`${t(`memberApp.prefs.kinds.${k}`)} · ${t('memberApp.prefs.inbox')}`} onChange={(v) => set(k, 'inbox', v)} testId={`pref-${k}-inbox`} />
                  <Switch on={prefs.channels[k].sms} label={`${t(`memberApp.prefs.kinds.${k}`)} · ${t('memberApp.prefs.sms')}`} onChange={(v) => set(k, 'sms', v)} testId={`pref-${k}-sms`} />
                </div>
              ))}
            </section>
            <section className="card prefs-card">
              <div className="prefs-line">
                <span>
                  <span className="prefs-label">{t('memberApp.prefs.quiet')}</span>
                  <span className="muted prefs-hint">{t('memberApp.prefs.quietHint')}</span>
                </span>
                <Switch on={prefs.quietHours !== null} label={t('memberApp.prefs.quiet')} onChange={(v) => setPrefs({ ...prefs, quietHours: v ? { start: '22:00', end: '08:00' } : null })} testId="pref-quiet" />
              </div>
              {prefs.quietHours ? (
                <div className="prefs-times">
                  <label>
                    {t('memberApp.prefs.from')}
                    <input type="time" className="field-input" value={prefs.quietHours.start} onChange={(e) => setPrefs({ ...prefs, quietHours: { ...prefs.quietHours!, start: e.target.value } })} data-testid="pref-quiet-start" />
                  </label>
                  <label>
                    {t('memberApp.prefs.to')}
                    <input type="time" className="field-input" value={prefs.quietHours.end} onChange={(e) => setPrefs({ ...prefs, quietHours: { ...prefs.quietHours!, end: e.target.value } })} data-testid="pref-quiet-end" />
                  </label>
                </div>
              ) : null}
              <div className="prefs-line">
                <span className="prefs-label">{t('memberApp.prefs.locale')}</span>
                <div className="segmented segmented-sm" role="group">
                  {(['zh-CN', 'en'] as const).map((l) => (
                    <button key={l} type="button" className={prefs.locale === l ? 'active' : ''} aria-pressed={prefs.locale === l} onClick={() => setPrefs({ ...prefs, locale: l })} data-testid={`pref-locale-${l}`}>
                      {l === 'en' ? 'English' : '简体中文'}
                    </button>
                  ))}
                </div>
              </div>
            </section>
            {message ? <Notice kind={message.kind} testId="prefs-message">{message.text}</Notice> : null}
            <Button size="lg" block loading={saving} onClick={() => void save()} data-testid="prefs-save">
              {t('memberApp.prefs.save')}
            </Button>
          </>
        )}
      </main>
    </div>
  );
}

function Switch({ on, onChange, label, testId }: { on: boolean; onChange: (on: boolean) => void; label: string; testId?: string }) {
  return (
    <button type="button" role="switch" aria-checked={on} aria-label={label} className={`switch${on ? ' on' : ''}`} onClick={() => onChange(!on)} data-testid={testId}>
      <span className="switch-knob" />
    </button>
  );
}
