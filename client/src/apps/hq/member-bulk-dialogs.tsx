import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

/** A modal <dialog> that opens on mount; Esc closes it unless busy. */
export function MemberModal({ title, testId, busy, onClose, children, wide }: { title: string; testId: string; busy?: boolean; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className={`hq-dialog${wide ? ' member-dialog-wide' : ''}`} aria-label={title} data-testid={testId} onCancel={(e) => (e.preventDefault(), !busy && onClose())}>
      <h2 className="section-title">{title}</h2>
      {children}
    </dialog>
  );
}

const tagList = (s: string) => [...new Set(s.split(/[,，;；、]/).map((x) => x.trim()).filter(Boolean))];

/** 分配门店 (HQ): the opId is made once per dialog, so a double click or a retry moves nobody twice. */
export function MemberAssignDialog({ ids, stores, onClose, onDone }: { ids: string[]; stores: StoreSummary[]; onClose: () => void; onDone: (r: { moved: number; unchanged: number }) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [opId] = useState(ulid);
  const [storeId, setStoreId] = useState('');
  const m = useMutation({
    mutationFn: () => api.post<{ moved: number; unchanged: number }>('/api/member-admin/assign', { opId, storeId, memberIds: ids }),
    onSuccess: (r) => (void qc.invalidateQueries({ queryKey: ['members'] }), void qc.invalidateQueries({ queryKey: ['member'] }), onDone(r)),
  });
  const submit = (e: FormEvent) => (e.preventDefault(), m.mutate());
  return (
    <MemberModal title={t('hqMembers.assignDialog.title')} testId="assign-dialog" busy={m.isPending} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('hqMembers.assignDialog.intro', { count: ids.length })}</p>
        <label className="field">
          <span className="field-label">{t('hqMembers.assignDialog.store')}</span>
          <select className="select" value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="assign-store">
            <option value="">{t('hqMembers.assignDialog.pick')}</option>
            {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        {m.isError ? <Notice kind="error" testId="assign-error">{errorText(m.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="ghost" onClick={onClose} disabled={m.isPending}>{t('hqMembers.cancel')}</Button>
          <Button type="submit" loading={m.isPending} disabled={!storeId} data-testid="assign-confirm">{t('hqMembers.assignDialog.confirm')}</Button>
        </div>
      </form>
    </MemberModal>
  );
}

/** 打标签: staff tags added and removed on the selected members in one audited request. */
export function MemberTagDialog({ ids, onClose, onDone }: { ids: string[]; onClose: () => void; onDone: (r: { changed: number }) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [opId] = useState(ulid);
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const m = useMutation({
    mutationFn: () => api.post<{ changed: number; unchanged: number }>('/api/member-admin/tags', { opId, memberIds: ids, add: tagList(add), remove: tagList(remove) }),
    onSuccess: (r) => (void qc.invalidateQueries({ queryKey: ['members'] }), void qc.invalidateQueries({ queryKey: ['member'] }), onDone(r)),
  });
  const submit = (e: FormEvent) => (e.preventDefault(), m.mutate());
  return (
    <MemberModal title={t('hqMembers.tagDialog.title')} testId="tag-dialog" busy={m.isPending} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('hqMembers.tagDialog.intro', { count: ids.length })}</p>
        <TextField label={t('hqMembers.tagDialog.add')} value={add} onChange={(e) => setAdd(e.target.value)} data-testid="tag-add" autoFocus />
        <TextField label={t('hqMembers.tagDialog.remove')} value={remove} onChange={(e) => setRemove(e.target.value)} data-testid="tag-remove" />
        {m.isError ? <Notice kind="error" testId="tag-error">{errorText(m.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="ghost" onClick={onClose} disabled={m.isPending}>{t('hqMembers.cancel')}</Button>
          <Button type="submit" loading={m.isPending} data-testid="tag-confirm">{t('hqMembers.tagDialog.confirm')}</Button>
        </div>
      </form>
    </MemberModal>
  );
}
