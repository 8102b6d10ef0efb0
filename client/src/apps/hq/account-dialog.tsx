import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

/** 账户 in the top bar: a staff member changes their own password (their other sessions end). */
export function AccountButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost btn-md" onClick={() => setOpen(true)} data-testid="account-open">{t('hqStaff.account.button')}</button>
      {open ? <AccountDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function AccountDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [f, setF] = useState({ current: '', next: '', again: '' });
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const change = useMutation({ mutationFn: () => api.put<{ ok: true; revokedSessions: number }>('/api/me/password', { currentPassword: f.current, newPassword: f.next }) });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setLocal(f.next.length < 10 ? t('hqStaff.account.tooShort') : f.next !== f.again ? t('hqStaff.account.mismatch') : null);
    if (f.next.length >= 10 && f.next === f.again) change.mutate();
  }
  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="account-title" data-testid="account-dialog" onCancel={(e) => (e.preventDefault(), !change.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="account-title" className="section-title">{t('hqStaff.account.change')}</h2>
        {change.data ? (
          <Notice kind="success" testId="account-done">{t('hqStaff.account.done', { count: change.data.revokedSessions })}</Notice>
        ) : (
          <>
            <TextField label={t('hqStaff.account.current')} type="password" autoComplete="current-password" value={f.current} onChange={set('current')} data-testid="account-current" autoFocus />
            <TextField label={t('hqStaff.account.new')} hint={t('hqStaff.account.newHint')} type="password" autoComplete="new-password" value={f.next} onChange={set('next')} data-testid="account-new" />
            <TextField label={t('hqStaff.account.confirm')} type="password" autoComplete="new-password" value={f.again} onChange={set('again')} data-testid="account-again" />
          </>
        )}
        {local || change.error ? <Notice kind="error" testId="account-error">{local ?? errorText(change.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={change.isPending} onClick={onClose}>{t('hqStaff.account.close')}</Button>
          {change.data ? null : <Button type="submit" loading={change.isPending} data-testid="account-save">{t('hqStaff.account.save')}</Button>}
        </div>
      </form>
    </dialog>
  );
}
