import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { storeCreateSchema, type Store, type StoreCreate, type StoreCreateInput } from '../../../../shared/schemas/store';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { fieldsOf } from './form-errors';

const FIELDS = ['code', 'name', 'address', 'phone', 'hours'] as const;

/** 新建门店 / 编辑 (HQ): an edit sends only the fields that changed (PATCH), so the audit row shows just those. */
export function StoreDialog({ store, onClose, onSaved }: { store: Store | null; onClose: () => void; onSaved: (s: Store) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<StoreCreateInput, unknown, StoreCreate>({
    resolver: zodResolver(storeCreateSchema),
    defaultValues: { code: store?.code ?? '', name: store?.name ?? '', address: store?.address ?? '', phone: store?.phone ?? '', hours: store?.hours ?? '', status: store?.status ?? 'open' },
  });
  const { register, handleSubmit, formState, setError: setFieldError, watch } = form;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const save = useMutation({
    mutationFn: (v: StoreCreate) => {
      if (!store) return api.post<Store>('/api/stores', v);
      const changed = Object.fromEntries(Object.entries(v).filter(([k, x]) => store[k as keyof Store] !== x));
      return Object.keys(changed).length ? api.patch<Store>(`/api/stores/${encodeURIComponent(store.id)}`, changed) : Promise.resolve(store);
    },
    onSuccess: onSaved,
    onError: (err) => {
      const fields = fieldsOf(err, FIELDS);
      for (const f of fields) setFieldError(f as (typeof FIELDS)[number], { type: 'server', message: err instanceof ApiError && err.code === 'CONFLICT' ? t('hqStaff.form.taken') : t(`hqStaff.store.hint.${f as (typeof FIELDS)[number]}`) });
      setError(errorText(err));
    },
  });
  // Server-side marks are set with type "server"; the schema's own (English) messages are shown as the localized hint.
  const mark = (f: (typeof FIELDS)[number]) => formState.errors[f] ? (formState.errors[f]?.type === 'server' ? formState.errors[f]?.message : t(`hqStaff.store.hint.${f}`)) : undefined;
  const onError = () => setError(null);

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="store-title" data-testid="store-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={handleSubmit((v) => (setError(null), save.mutate(v)), onError)} noValidate>
        <h2 id="store-title" className="section-title">{store ? t('hqStaff.store.titleEdit', { name: store.name }) : t('hqStaff.store.titleNew')}</h2>
        <div className="form-row">
          <TextField label={t('hqStaff.store.code')} {...register('code')} error={mark('code')} maxLength={16} autoCapitalize="characters" data-testid="store-code" autoFocus={!store} />
          <TextField label={t('hqStaff.store.name')} {...register('name')} error={mark('name')} maxLength={40} data-testid="store-name" autoFocus={!!store} />
        </div>
        <TextField label={t('hqStaff.store.address')} {...register('address')} error={mark('address')} maxLength={200} data-testid="store-address" />
        <div className="form-row">
          <TextField label={t('hqStaff.store.phone')} {...register('phone')} error={mark('phone')} inputMode="tel" data-testid="store-phone" />
          <TextField label={t('hqStaff.store.hours')} placeholder={t('hqStaff.store.hoursPlaceholder')} {...register('hours')} error={mark('hours')} data-testid="store-hours" />
        </div>
        <label className="field">
          <span className="field-label">{t('hqStaff.store.status')}</span>
          <select className="select" {...register('status')} data-testid="store-status">
            <option value="open">{t('hq.stores.status.open')}</option>
            <option value="closed">{t('hq.stores.status.closed')}</option>
          </select>
        </label>
        {watch('status') === 'closed' ? <p className="muted">{t('hqStaff.store.closeWarning')}</p> : null}
        {error ? <Notice kind="error" testId="store-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqStaff.form.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="store-save">{t('hqStaff.form.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
