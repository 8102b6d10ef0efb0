import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/schemas/auth';
import { staffCreateSchema, staffEditFormSchema, type StaffAccount, type StaffCreate, type StaffCreateInput } from '../../../../shared/schemas/staff';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { fieldsOf } from './form-errors';

const FIELDS = ['username', 'name', 'phone', 'role', 'storeId', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Create or edit a staff account. A store manager creates and edits clerks of their own store only. */
export function StaffDialog(p: { account: StaffAccount | null; stores: StoreSummary[]; isHq: boolean; ownStoreId: string | null; onClose: () => void; onSaved: (a: StaffAccount, created: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const a = p.account;
  // One form for both: an edit checks the fields it shows (the shared edit schema), a create all of them.
  const form = useForm<StaffCreateInput, unknown, StaffCreate>({
    resolver: zodResolver((a ? staffEditFormSchema : staffCreateSchema) as typeof staffCreateSchema),
    defaultValues: { username: a?.username ?? '', name: a?.name ?? '', phone: a?.phone ?? '', role: a?.role ?? 'clerk', storeId: a ? a.storeId : p.isHq ? null : p.ownStoreId, password: '' },
  });
  const { register, handleSubmit, formState, setError: mark, watch, setValue } = form;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const role = watch('role');
  const save = useMutation({
    mutationFn: (v: StaffCreate) => {
      const storeId = v.role === 'hq_admin' ? null : v.storeId || null;
      if (!a) return api.post<StaffAccount>('/api/staff', { ...v, storeId });
      const next = { name: v.name, phone: v.phone, role: v.role, storeId };
      const changed = Object.fromEntries(Object.entries(next).filter(([k, x]) => a[k as keyof StaffAccount] !== x));
      return Object.keys(changed).length ? api.patch<StaffAccount>(`/api/staff/${encodeURIComponent(a.id)}`, changed) : Promise.resolve(a);
    },
    onSuccess: (saved) => p.onSaved(saved, !a),
    onError: (err) => {
      for (const f of fieldsOf(err, FIELDS) as Field[]) mark(f, { type: 'server', message: err instanceof ApiError && err.code === 'CONFLICT' ? t('hqStaff.form.taken') : t(`hqStaff.form.hint.${f}`) });
      setError(errorText(err));
    },
  });
  const err = (f: Field) => (formState.errors[f] ? (formState.errors[f]?.type === 'server' ? formState.errors[f]?.message : t(`hqStaff.form.hint.${f}`)) : undefined);
  const roles: StaffRole[] = p.isHq ? ['hq_admin', 'store_manager', 'clerk'] : ['clerk'];

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="staff-title" data-testid="staff-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && p.onClose())}>
      <form className="form" onSubmit={handleSubmit((v) => (setError(null), save.mutate(v)))} noValidate>
        <h2 id="staff-title" className="section-title">{a ? t('hqStaff.form.titleEdit', { name: a.name }) : t('hqStaff.form.titleNew')}</h2>
        {a ? null : <TextField label={t('hqStaff.form.username')} {...register('username')} error={err('username')} autoCapitalize="none" spellCheck={false} data-testid="staff-username" autoFocus />}
        <div className="form-row">
          <TextField label={t('hqStaff.form.name')} {...register('name')} error={err('name')} maxLength={40} data-testid="staff-name" autoFocus={!!a} />
          <TextField label={t('hqStaff.form.phone')} {...register('phone')} error={err('phone')} inputMode="numeric" maxLength={11} data-testid="staff-phone" />
        </div>
        <div className="form-row">
          <label className="field">
            <span className="field-label">{t('hqStaff.form.role')}</span>
            <select className="select" {...register('role', { onChange: (e) => e.target.value === 'hq_admin' && setValue('storeId', null) })} disabled={!p.isHq} data-testid="staff-role">
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('hqStaff.form.store')}</span>
            <select className="select" {...register('storeId', { setValueAs: (v: string | null) => v || null })} disabled={!p.isHq || role === 'hq_admin'} data-testid="staff-store">
              <option value="">{role === 'hq_admin' ? t('hqStaff.form.noStore') : t('hqStaff.form.pickStore')}</option>
              {p.stores.filter((s) => s.status === 'open' || s.id === a?.storeId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            {err('storeId') ? <p className="field-error">{err('storeId')}</p> : null}
          </label>
        </div>
        {a ? null : <TextField label={t('hqStaff.form.password')} hint={t('hqStaff.form.passwordHint')} type="text" autoComplete="off" {...register('password')} error={err('password')} data-testid="staff-password" />}
        {error ? <Notice kind="error" testId="staff-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={p.onClose}>{t('hqStaff.form.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="staff-save">{t('hqStaff.form.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
