import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '../../../../shared/schemas/auth';
import { ApiError } from '../../lib/api';
import { useApp } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { isMobile, maskPhone } from '../../lib/format';
import { useCountdown } from '../../lib/use-countdown';
import { Button } from '../../lib/ui/button';
import { LoginLayout } from '../../lib/ui/login-layout';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

type Message = { kind: 'error' | 'success'; text: string } | null;

/** Phone + one-time SMS code. "获取验证码" counts down for the API's resendAfter. */
export function MemberLogin() {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const errorText = useErrorText();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  // The resend wait belongs to the phone it was sent to: another number may ask at once.
  const [resend, setResend] = useState<{ phone: string; until: number } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [fieldError, setFieldError] = useState<{ phone?: string; code?: string }>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const countdown = useCountdown(resend?.until ?? null);
  const wait = resend?.phone === phone.trim() ? countdown : 0;

  async function sendCode() {
    const p = phone.trim();
    setMessage(null);
    if (!isMobile(p)) {
      setFieldError({ phone: t('member.login.badPhone') });
      return;
    }
    setFieldError({});
    setSending(true);
    try {
      const res = await api.post<{ sent: true; resendAfter: number }>('/api/auth/member/otp', { phone: p });
      setResend({ phone: p, until: Date.now() + res.resendAfter * 1000 });
      setMessage({ kind: 'success', text: t('member.login.sent', { phone: maskPhone(p) }) });
      codeRef.current?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.retryAfter) setResend({ phone: p, until: Date.now() + err.retryAfter * 1000 });
      setMessage({ kind: 'error', text: errorText(err, 'otp') });
    } finally {
      setSending(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = phone.trim();
    const c = code.trim();
    const errors = { phone: isMobile(p) ? undefined : t('member.login.badPhone'), code: /^\d{6}$/.test(c) ? undefined : t('member.login.badCode') };
    setFieldError(errors);
    setMessage(null);
    if (errors.phone || errors.code) return;
    setBusy(true);
    try {
      const res = await api.post<LoginResponse>('/api/auth/member/login', { phone: p, code: c });
      session.set({ token: res.token, expiresAt: res.expiresAt, user: res.user });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  const codeButton = (
    <button type="button" className="link-button" onClick={() => void sendCode()} disabled={sending || wait > 0} data-testid="login-get-code">
      {sending ? t('member.login.sending') : wait > 0 ? t('member.login.resendIn', { seconds: wait }) : t('member.login.getCode')}
    </button>
  );

  return (
    <LoginLayout
      product={t('member.appName')}
      title={t('member.login.title')}
      subtitle={t('member.login.subtitle')}
      features={[t('member.login.f1'), t('member.login.f2'), t('member.login.f3')]}
    >
      <form className="form" onSubmit={submit} noValidate>
        {message ? (
          <Notice kind={message.kind} testId={message.kind === 'error' ? 'login-error' : 'login-info'}>
            {message.text}
          </Notice>
        ) : null}
        <TextField
          label={t('member.login.phone')}
          placeholder={t('member.login.phonePlaceholder')}
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          error={fieldError.phone}
          data-testid="login-phone"
          autoFocus
        />
        <TextField
          ref={codeRef}
          label={t('member.login.code')}
          placeholder={t('member.login.codePlaceholder')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          error={fieldError.code}
          trailing={codeButton}
          data-testid="login-code"
        />
        <Button type="submit" size="lg" block loading={busy} data-testid="login-submit">
          {busy ? t('member.login.submitting') : t('member.login.submit')}
        </Button>
        <p className="form-foot">{t('member.login.terms')}</p>
      </form>
    </LoginLayout>
  );
}
