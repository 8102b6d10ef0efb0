import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { MemberAdminDetail } from '../../../../shared/schemas/member-admin';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

type Action = 'freeze' | 'unfreeze' | 'replace-card' | 'points/adjust';

/**
 * 冻结/解冻, 补卡, 积分调整 through the account routes (who may do which: decision 002; points are
 * HQ's). One opId per opened form, so a double click books nothing twice.
 */
export function MemberActions({ m, isHq }: { m: MemberAdminDetail; isHq: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState<Action | null>(null);
  const [opId, setOpId] = useState(ulid);
  const [f, setF] = useState({ reason: '', newCardNo: '', delta: '' });
  const run = useMutation({
    mutationFn: (a: Action) => {
      const body = a === 'freeze' ? { opId, reason: f.reason } : a === 'unfreeze' ? { opId } : a === 'replace-card' ? { opId, newCardNo: f.newCardNo.trim() } : { opId, delta: Number(f.delta), reason: f.reason };
      return api.post(`/api/members/${encodeURIComponent(m.id)}/${a}`, body);
    },
    onSuccess: () => (setOpen(null), setOpId(ulid()), setF({ reason: '', newCardNo: '', delta: '' }), void qc.invalidateQueries({ queryKey: ['member', m.id] }), void qc.invalidateQueries({ queryKey: ['members'] })),
  });
  const show = (a: Action) => (run.reset(), setOpId(ulid()), setOpen(open === a ? null : a));
  const submit = (e: FormEvent) => (e.preventDefault(), open && run.mutate(open));
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <section className="member-section" data-testid="member-actions">
      <h3 className="member-section-title">{t('hqMembers.detail.actions')}</h3>
      <div className="member-action-bar">
        {m.status === 'frozen'
          ? <Button variant="secondary" className="btn-sm" onClick={() => show('unfreeze')} data-testid="action-unfreeze">{t('hqMembers.detail.unfreeze')}</Button>
          : <Button variant="secondary" className="btn-sm btn-danger-outline" onClick={() => show('freeze')} data-testid="action-freeze">{t('hqMembers.detail.freeze')}</Button>}
        <Button variant="secondary" className="btn-sm" onClick={() => show('replace-card')} data-testid="action-replace-card">{t('hqMembers.detail.replaceCard')}</Button>
        {isHq ? <Button variant="secondary" className="btn-sm" onClick={() => show('points/adjust')} data-testid="action-points">{t('hqMembers.detail.adjustPoints')}</Button> : null}
      </div>
      {run.isSuccess ? <Notice kind="success" testId="action-done">{t('hqMembers.detail.done')}</Notice> : null}
      {open ? (
        <form className="form member-action-form" onSubmit={submit} noValidate>
          {open === 'freeze' ? <TextField label={t('hqMembers.detail.freezeReason')} value={f.reason} maxLength={200} onChange={set('reason')} data-testid="action-reason" /> : null}
          {open === 'replace-card' ? <TextField label={t('hqMembers.detail.newCardNo')} inputMode="numeric" value={f.newCardNo} maxLength={12} onChange={set('newCardNo')} data-testid="action-card" /> : null}
          {open === 'points/adjust' ? (
            <>
              <TextField label={t('hqMembers.detail.delta')} inputMode="numeric" value={f.delta} onChange={set('delta')} data-testid="action-delta" />
              <TextField label={t('hqMembers.detail.reason')} value={f.reason} maxLength={200} onChange={set('reason')} data-testid="action-reason" />
            </>
          ) : null}
          {run.isError ? <Notice kind="error" testId="action-error">{errorText(run.error)}</Notice> : null}
          <div className="dialog-foot">
            <Button variant="ghost" className="btn-sm" onClick={() => setOpen(null)}>{t('hqMembers.cancel')}</Button>
            <Button type="submit" className="btn-sm" loading={run.isPending} data-testid="action-submit">{t('hqMembers.detail.submit')}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
