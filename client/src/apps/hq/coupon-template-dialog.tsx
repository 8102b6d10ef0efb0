import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { CouponTemplate } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { parseFen, parseRate, rateInput, yuanInput } from './rules-units';

/** 券模板: cash (with a minimum spend), percent (with a cap) or 满减, valid for N days from issue. */
export function CouponTemplateDialog({ template: x, onClose, onSaved }: { template: CouponTemplate | null; onClose: () => void; onSaved: (t: CouponTemplate) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [f, setF] = useState({
    id: x?.id ?? `ctpl-${ulid().toLowerCase()}`, name: x?.name ?? '', kind: x?.kind ?? 'cash', active: x?.active ?? true,
    amount: x?.kind === 'cash' ? yuanInput(x.amountFen) : '10', min: x && x.kind !== 'threshold' ? yuanInput(x.minSpendFen) : '0',
    rate: x?.kind === 'percent' ? rateInput(x.discountBp, lang) : lang === 'en' ? '15' : '8.5', cap: x?.kind === 'percent' && x.maxOffFen ? yuanInput(x.maxOffFen) : '',
    threshold: x?.kind === 'threshold' ? yuanInput(x.thresholdFen) : '100', off: x?.kind === 'threshold' ? yuanInput(x.offFen) : '15',
    days: x?.validity.kind === 'days_after_issue' ? String(x.validity.days) : '30',
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const set = (k: 'name' | 'amount' | 'min' | 'rate' | 'cap' | 'threshold' | 'off' | 'days') => (e: { target: { value: string } }) => setF((v) => ({ ...v, [k]: e.target.value }));
  const save = useMutation({ mutationFn: (b: CouponTemplate) => api.put<CouponTemplate>(`/api/promotions/coupon-templates/${encodeURIComponent(b.id)}`, b), onSuccess: onSaved, onError: (e) => setError(errorText(e)) });

  function submit(e: FormEvent) {
    e.preventDefault();
    const days = Number(f.days);
    const validity = x?.validity.kind === 'fixed' ? x.validity : { kind: 'days_after_issue' as const, days: Number.isInteger(days) && days > 0 ? days : 0 };
    const base = { id: f.id, name: f.name.trim(), active: f.active, validity, categoryIds: x?.categoryIds ?? null, storeIds: x?.storeIds ?? null };
    const num = (v: number | null, field: string) => (v === null ? (setError(t('hqCampaigns.form.badNumber', { field })), null) : v);
    let body: CouponTemplate | null = null;
    if (f.kind === 'cash') {
      const amountFen = num(parseFen(f.amount), t('hqCampaigns.coupons.amount')), minSpendFen = num(parseFen(f.min), t('hqCampaigns.coupons.minSpend'));
      if (amountFen !== null && minSpendFen !== null) body = { ...base, kind: 'cash', amountFen, minSpendFen };
    } else if (f.kind === 'percent') {
      const discountBp = num(parseRate(f.rate, lang), t('hqCampaigns.form.rate')), minSpendFen = num(parseFen(f.min), t('hqCampaigns.coupons.minSpend'));
      if (discountBp !== null && minSpendFen !== null) body = { ...base, kind: 'percent', discountBp, minSpendFen, maxOffFen: f.cap.trim() ? parseFen(f.cap) : null };
    } else {
      const thresholdFen = num(parseFen(f.threshold), t('hqCampaigns.form.threshold')), offFen = num(parseFen(f.off), t('hqCampaigns.form.off'));
      if (thresholdFen !== null && offFen !== null) body = { ...base, kind: 'threshold', thresholdFen, offFen };
    }
    if (body) (setError(null), save.mutate(body));
  }

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="tpl-title" data-testid="template-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="tpl-title" className="section-title">{x ? t('hqCampaigns.form.titleEdit', { name: x.name }) : t('hqCampaigns.coupons.newTemplate')}</h2>
        <TextField label={t('hqCampaigns.form.name')} value={f.name} maxLength={60} onChange={set('name')} data-testid="template-name" autoFocus />
        <label className="field"><span className="field-label">{t('hqCampaigns.form.kind')}</span>
          <select className="select" value={f.kind} disabled={!!x} onChange={(e) => setF((v) => ({ ...v, kind: e.target.value as CouponTemplate['kind'] }))} data-testid="template-kind">
            {(['cash', 'percent', 'threshold'] as const).map((k) => <option key={k} value={k}>{t(`hqCampaigns.coupons.kind.${k}`)}</option>)}
          </select>
        </label>
        {f.kind === 'cash' ? <div className="form-row"><TextField label={`${t('hqCampaigns.coupons.amount')} (¥)`} value={f.amount} onChange={set('amount')} data-testid="template-amount" /><TextField label={`${t('hqCampaigns.coupons.minSpend')} (¥)`} value={f.min} onChange={set('min')} /></div> : null}
        {f.kind === 'percent' ? (
          <div className="form-row">
            <TextField label={`${t('hqCampaigns.form.rate')} (${lang === 'en' ? '% off' : '折'})`} value={f.rate} onChange={set('rate')} data-testid="template-rate" />
            <TextField label={`${t('hqCampaigns.coupons.cap')} (¥)`} value={f.cap} onChange={set('cap')} />
            <TextField label={`${t('hqCampaigns.coupons.minSpend')} (¥)`} value={f.min} onChange={set('min')} />
          </div>
        ) : null}
        {f.kind === 'threshold' ? <div className="form-row"><TextField label={`${t('hqCampaigns.form.threshold')} (¥)`} value={f.threshold} onChange={set('threshold')} /><TextField label={`${t('hqCampaigns.form.off')} (¥)`} value={f.off} onChange={set('off')} /></div> : null}
        {x?.validity.kind === 'fixed' ? null : <TextField label={t('hqCampaigns.coupons.days')} inputMode="numeric" value={f.days} onChange={set('days')} data-testid="template-days" />}
        <label className="checkbox"><input type="checkbox" checked={f.active} onChange={(e) => setF((v) => ({ ...v, active: e.target.checked }))} /> {t('hqCampaigns.form.active')}</label>
        {error ? <Notice kind="error" testId="template-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqCampaigns.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="template-save">{t('hqCampaigns.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
