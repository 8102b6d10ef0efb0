import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount, StaffResetResult } from '../../../../shared/schemas/staff';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

/** 重置密码: the admin's or a generated temporary password, shown once; the person is signed out everywhere. */
export function ResetPasswordDialog({ account, onClose }: { account: StaffAccount; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<'generate' | 'choose'>('generate');
  const [password, setPassword] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const reset = useMutation({
    mutationFn: () => api.post<StaffResetResult>(`/api/staff/${encodeURIComponent(account.id)}/reset-password`, mode === 'choose' ? { password } : {}),
  });
  const done = reset.data;

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="reset-title" data-testid="reset-dialog" onCancel={(e) => (e.preventDefault(), !reset.isPending && onClose(!!done))}>
      {done ? (
        <div className="form">
          <h2 id="reset-title" className="section-title">{t('hqStaff.reset.doneTitle')}</h2>
          <p>{t('hqStaff.reset.once')}</p>
          <p className="temp-password mono" data-testid="reset-temp-password">{done.temporaryPassword}</p>
          <p className="muted">{t('hqStaff.reset.signedOut', { count: done.revokedSessions })}</p>
          <div className="dialog-foot">
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(done.temporaryPassword).then(() => setCopied(true))}>{copied ? t('hqStaff.reset.copied') : t('hqStaff.reset.copy')}</Button>
            <Button onClick={() => onClose(true)} data-testid="reset-close">{t('hqStaff.reset.close')}</Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={(e) => (e.preventDefault(), reset.mutate())} noValidate>
          <h2 id="reset-title" className="section-title">{t('hqStaff.reset.title', { name: account.name })}</h2>
          <p className="muted">{t('hqStaff.reset.explain')}</p>
          <label className="checkbox"><input type="radio" checked={mode === 'generate'} onChange={() => setMode('generate')} data-testid="reset-generate" /> {t('hqStaff.reset.generate')}</label>
          <label className="checkbox"><input type="radio" checked={mode === 'choose'} onChange={() => setMode('choose')} data-testid="reset-choose" /> {t('hqStaff.reset.choose')}</label>
          {mode === 'choose' ? <TextField label={t('hqStaff.reset.password')} hint={t('hqStaff.form.hint.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="reset-password" /> : null}
          {reset.error ? <Notice kind="error" testId="reset-error">{errorText(reset.error)}</Notice> : null}
          <div className="dialog-foot">
            <Button variant="secondary" disabled={reset.isPending} onClick={() => onClose(false)}>{t('hqStaff.staff.cancel')}</Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-submit">{t('hqStaff.reset.submit')}</Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
