import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse, StaffUser } from '../../../../shared/schemas/auth';
import { useApp } from '../app-context';
import { toApiError } from '../api';
import { useErrorText } from '../errors';
import { Button } from './button';
import { LoginLayout } from './login-layout';
import { Notice } from './notice';
import { TextField } from './text-field';

type Props = {
  product: string;
  title: string;
  subtitle?: string;
  features?: readonly string[];
  /** Refuse accounts this app is not for: return an error message, or null to let them in. */
  refuse?: (user: StaffUser) => string | null;
};

/** Username + password sign-in, shared by the clerk counter and the HQ dashboard. */
export function StaffLogin({ product, title, subtitle, features, refuse }: Props) {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // A login whose password was reset: the token may only set a new password (decision 023).
  const [pending, setPending] = useState<{ res: LoginResponse; current: string } | null>(null);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');

  async function choose(e: FormEvent) {
    e.preventDefault();
    if (!pending) return;
    if (next.length < 10) return setError(t('hqStaff.account.tooShort'));
    if (next !== again) return setError(t('hqStaff.account.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const r = await fetch('/api/me/password', {
        method: 'PUT',
        headers: { authorization: `Bearer ${pending.res.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ currentPassword: pending.current, newPassword: next }),
      });
      if (!r.ok) throw await toApiError(r);
      session.set({ token: pending.res.token, expiresAt: pending.res.expiresAt, user: pending.res.user });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/api/auth/login', { username: username.trim(), password });
      const refused = res.user.kind === 'staff' ? (refuse?.(res.user) ?? null) : t('errors.FORBIDDEN');
      if (refused) {
        // Do not leave a live token behind for an account this app will not use.
        await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${res.token}` } }).catch(() => undefined);
        setError(refused);
        return;
      }
      if (res.mustChangePassword) {
        setPending({ res, current: password });
        setPassword('');
        return;
      }
      session.set({ token: res.token, expiresAt: res.expiresAt, user: res.user });
    } catch (err) {
      setError(errorText(err));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (pending) {
    return (
      <LoginLayout product={product} title={t('hqStaff.login.mustChangeTitle')} subtitle={t('hqStaff.login.mustChangeExplain')} features={features}>
        <form className="form" onSubmit={choose} noValidate data-testid="login-change">
          {error ? <Notice kind="error" testId="login-error">{error}</Notice> : null}
          <TextField label={t('hqStaff.account.new')} hint={t('hqStaff.account.newHint')} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} data-testid="login-new-password" autoFocus />
          <TextField label={t('hqStaff.account.confirm')} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} data-testid="login-new-password-again" />
          <Button type="submit" size="lg" block loading={busy} data-testid="login-change-submit">
            {busy ? t('hqStaff.login.saving') : t('hqStaff.login.continue')}
          </Button>
          <Button variant="ghost" block disabled={busy} onClick={() => (setPending(null), setError(null), setNext(''), setAgain(''))}>
            {t('hqStaff.login.back')}
          </Button>
        </form>
      </LoginLayout>
    );
  }

  return (
    <LoginLayout product={product} title={title} subtitle={subtitle} features={features}>
      <form className="form" onSubmit={submit} noValidate>
        {error ? (
          <Notice kind="error" testId="login-error">
            {error}
          </Notice>
        ) : null}
        <TextField
          label={t('login.username')}
          placeholder={t('login.usernamePlaceholder')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          data-testid="login-username"
          autoFocus
        />
        <TextField
          ref={passwordRef}
          label={t('login.password')}
          placeholder={t('login.passwordPlaceholder')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
        />
        <Button type="submit" size="lg" block loading={busy} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
    </LoginLayout>
  );
}
