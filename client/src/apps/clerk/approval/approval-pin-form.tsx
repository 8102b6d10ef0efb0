import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useApi } from '../../../lib/app-context';
import { useOnline } from '../../../lib/use-online';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { pinFormError, type PinFormError } from './pin-form';
import './approval.css';

/**
 * A manager (or HQ) sets the PIN they approve with at the counter, confirmed with their sign-in
 * password. The store's tablets get the new verifier with their next pull.
 */
export function ApprovalPinForm() {
  const { t } = useTranslation();
  const api = useApi();
  const online = useOnline();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<PinFormError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 6);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const bad = pinFormError(password, pin, again);
    setInvalid(bad);
    setFailure(null);
    setDone(false);
    if (bad) return;
    setBusy(true);
    try {
      await api.put('/api/me/pin', { password, pin });
      setDone(true);
      setPassword('');
      setPin('');
      setAgain('');
    } catch (err) {
      const a = err instanceof ApiError ? err : null;
      setFailure(
        a?.code === 'NETWORK' ? t('approval.setPin.offline')
          : a?.status === 429 ? t('approval.setPin.throttled', { seconds: a.retryAfter ?? 60 })
          : a?.status === 403 || a?.status === 401 ? t('approval.setPin.wrongPassword')
          : t('approval.setPin.failed', { message: a?.message ?? String(err) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card approval-pin-page" data-testid="approval-pin-page">
      <h1 className="section-title">{t('approval.setPin.title')}</h1>
      <p className="muted">{t('approval.setPin.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <TextField label={t('approval.setPin.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={invalid === 'password' ? t('approval.setPin.needPassword') : undefined} data-testid="pin-password" />
        <TextField label={t('approval.setPin.pin')} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pin} onChange={(e) => setPin(digits(e.target.value))} error={invalid === 'pin' ? t('approval.sixDigits') : undefined} data-testid="pin-new" />
        <TextField label={t('approval.setPin.again')} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={again} onChange={(e) => setAgain(digits(e.target.value))} error={invalid === 'mismatch' ? t('approval.setPin.mismatch') : invalid === 'weak' ? t('approval.setPin.weak') : undefined} data-testid="pin-again" />
        {failure ? <Notice kind="error" testId="pin-error">{failure}</Notice> : null}
        {done ? <Notice kind="success" testId="pin-done">{t('approval.setPin.done')}</Notice> : null}
        {!online ? <Notice>{t('approval.setPin.offline')}</Notice> : null}
        <Button type="submit" size="lg" loading={busy} disabled={!online} data-testid="pin-save">{t('approval.setPin.save')}</Button>
      </form>
    </section>
  );
}
