import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { CommissionPlan } from '../../../../../shared/schemas/commission';
import { useApi } from '../../../lib/app-context';
import { useErrorText } from '../../../lib/errors';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { useCategories, useProducts, useStoreList } from '../rules-queries';
import { blankRule, formToPlan, planToForm, RULE_KINDS, type PlanForm } from './commission-form';

/** 提成方案 (HQ): name, stores, and its rules; the server checks the plan and names the field it refuses. */
export function CommissionPlanDialog({ plan, onClose, onSaved }: { plan: CommissionPlan | null; onClose: () => void; onSaved: (p: CommissionPlan) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [id] = useState(() => plan?.id ?? ulid());
  const stores = useStoreList().data ?? [];
  const { register, control, handleSubmit } = useForm<PlanForm>({ defaultValues: planToForm(plan) });
  const rules = useFieldArray({ control, name: 'rules' });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const save = useMutation({
    mutationFn: (f: PlanForm) => (plan ? api.put<CommissionPlan>(`/api/reports/commission-plans/${encodeURIComponent(id)}`, formToPlan(f)) : api.post<CommissionPlan>('/api/reports/commission-plans', { id, ...formToPlan(f) })),
    onSuccess: (p) => (void qc.invalidateQueries({ queryKey: ['reports'] }), onSaved(p)),
  });

  return (
    <dialog ref={ref} className="hq-dialog report-plan-dialog" aria-labelledby="plan-title" data-testid="plan-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={handleSubmit((f) => save.mutate(f))} noValidate>
        <h2 id="plan-title" className="section-title">{plan ? t('hqReports.commission.form.titleEdit', { name: plan.name }) : t('hqReports.commission.form.titleNew')}</h2>
        <div className="form-row">
          <TextField label={t('hqReports.commission.form.name')} {...register('name')} maxLength={60} data-testid="plan-name" autoFocus />
          <label className="checkbox"><input type="checkbox" {...register('active')} data-testid="plan-active" /> {t('hqReports.commission.form.active')}</label>
        </div>
        <label className="field">
          <span className="field-label">{t('hqReports.commission.form.stores')}</span>
          <select className="select select-multi" multiple {...register('storeIds')} data-testid="plan-stores">
            {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <h3 className="report-sub">{t('hqReports.commission.form.rules')}</h3>
        {rules.fields.map((f, i) => (
          <fieldset key={f.id} className="report-rule" data-testid="plan-rule">
            <RuleFields i={i} control={control} register={register} />
            <Button variant="ghost" className="btn-sm" onClick={() => rules.remove(i)} disabled={rules.fields.length === 1}>{t('hqReports.commission.form.remove')}</Button>
          </fieldset>
        ))}
        <Button variant="secondary" className="btn-sm" onClick={() => rules.append(blankRule())} data-testid="plan-add-rule">{t('hqReports.commission.form.addRule')}</Button>
        <p className="muted report-note">{t('hqReports.commission.modeHint')}</p>
        {save.error ? <Notice kind="error" testId="plan-error">{errorText(save.error)}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqReports.commission.form.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="plan-save">{t('hqReports.commission.form.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}

function RuleFields({ i, control, register }: { i: number; control: Control<PlanForm>; register: UseFormRegister<PlanForm> }) {
  const { t } = useTranslation();
  const kind = useWatch({ control, name: `rules.${i}.kind` });
  const categories = useCategories().data ?? [];
  const products = useProducts().data ?? [];
  const tiers = useFieldArray({ control, name: `rules.${i}.tiers` });
  return (
    <div className="report-rule-fields">
      <label className="field">
        <span className="field-label">{t('hqReports.commission.form.kind')}</span>
        <select className="select" {...register(`rules.${i}.kind`)} data-testid="plan-rule-kind">
          {RULE_KINDS.map((k) => <option key={k} value={k}>{t(`hqReports.commission.kinds.${k}`)}</option>)}
        </select>
      </label>
      {kind === 'category_percent' || kind === 'product_percent' ? (
        <>
          <label className="field">
            <span className="field-label">{t(kind === 'category_percent' ? 'hqReports.commission.form.category' : 'hqReports.commission.form.product')}</span>
            <select className="select" {...register(`rules.${i}.target`)} data-testid="plan-rule-target">
              <option value="" />
              {(kind === 'category_percent' ? categories : products).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <TextField label={t('hqReports.commission.form.rate')} inputMode="decimal" {...register(`rules.${i}.rate`)} data-testid="plan-rule-rate" />
        </>
      ) : kind === 'tiered_sales' ? (
        <div className="report-tiers">
          <label className="field">
            <span className="field-label">{t('hqReports.commission.form.mode')}</span>
            <select className="select" {...register(`rules.${i}.mode`)} data-testid="plan-rule-mode">
              <option value="marginal">{t('hqReports.commission.modes.marginal')}</option>
              <option value="whole">{t('hqReports.commission.modes.whole')}</option>
            </select>
          </label>
          {tiers.fields.map((f, j) => (
            <div key={f.id} className="report-tier-row">
              <TextField label={t('hqReports.commission.form.tierFrom')} inputMode="decimal" {...register(`rules.${i}.tiers.${j}.from`)} readOnly={j === 0} data-testid="plan-tier-from" />
              <TextField label={t('hqReports.commission.form.tierRate')} inputMode="decimal" {...register(`rules.${i}.tiers.${j}.rate`)} data-testid="plan-tier-rate" />
              {j > 0 ? <Button variant="ghost" className="btn-sm" onClick={() => tiers.remove(j)}>{t('hqReports.commission.form.remove')}</Button> : <span />}
            </div>
          ))}
          <Button variant="secondary" className="btn-sm" onClick={() => tiers.append({ from: '', rate: '' })} data-testid="plan-add-tier">{t('hqReports.commission.form.addTier')}</Button>
        </div>
      ) : (
        <TextField label={t('hqReports.commission.form.amount')} inputMode="decimal" {...register(`rules.${i}.amount`)} data-testid="plan-rule-amount" />
      )}
    </div>
  );
}
