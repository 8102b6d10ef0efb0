import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { CouponTemplate } from '../../../../shared/schemas/promotions';
import type { Reward, RewardOffer } from '../../../../shared/schemas/rewards';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

const optInt = (s: string) => (s.trim() === '' ? null : Number(s));

/** Creates or edits one reward (HQ). The server validates it (PUT /api/rewards/:id) and says which field is wrong. */
export function RewardDialog({ offer, onClose, onSaved }: { offer: RewardOffer | null; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const templates = useResource(() => api.get<{ couponTemplates: CouponTemplate[] }>('/api/promotions/coupon-templates'), []);
  const r = offer?.reward;
  const [f, setF] = useState({
    id: r?.id ?? `rw-${ulid().toLowerCase()}`, name: r?.name ?? '', nameEn: r?.nameEn ?? '', description: r?.description ?? '', kind: r?.kind ?? 'coupon',
    pointsCost: String(r?.pointsCost ?? ''), couponTemplateId: r?.couponTemplateId ?? '', productId: r?.productId ?? '',
    stock: r?.stock == null ? '' : String(r.stock), perMemberLimit: r?.perMemberLimit == null ? '' : String(r.perMemberLimit), active: r?.active ?? true,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Partial<Reward> = {
      id: f.id, name: f.name, nameEn: f.nameEn, description: f.description, kind: f.kind as Reward['kind'], pointsCost: Number(f.pointsCost),
      couponTemplateId: f.kind === 'coupon' ? f.couponTemplateId || null : null, productId: f.kind === 'coupon' ? null : f.productId || null,
      stock: optInt(f.stock), perMemberLimit: optInt(f.perMemberLimit), startsAt: r?.startsAt ?? null, endsAt: r?.endsAt ?? null, storeIds: r?.storeIds ?? null, active: f.active,
    };
    try {
      const saved = await api.put<Reward>(`/api/rewards/${encodeURIComponent(f.id)}`, body);
      onSaved(saved.name);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="reward-title" data-testid="reward-dialog" onCancel={(e) => (e.preventDefault(), !busy && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="reward-title" className="section-title">{r ? t('hq.loyalty.form.titleEdit', { name: r.name }) : t('hq.loyalty.form.titleNew')}</h2>
        <TextField label={t('hq.loyalty.form.name')} value={f.name} maxLength={40} onChange={set('name')} data-testid="reward-name" autoFocus />
        <TextField label={t('hq.loyalty.form.nameEn')} value={f.nameEn} maxLength={60} onChange={set('nameEn')} />
        <TextField label={t('hq.loyalty.form.description')} value={f.description} maxLength={200} onChange={set('description')} />
        <label className="field">
          <span className="field-label">{t('hq.loyalty.form.kind')}</span>
          <select className="select" value={f.kind} disabled={!!r} onChange={set('kind')} data-testid="reward-kind">
            {(['coupon', 'product', 'service'] as const).map((k) => <option key={k} value={k}>{t(`hq.loyalty.kind.${k}`)}</option>)}
          </select>
        </label>
        {f.kind === 'coupon' ? (
          <label className="field">
            <span className="field-label">{t('hq.loyalty.form.template')}</span>
            <select className="select" value={f.couponTemplateId} onChange={set('couponTemplateId')} data-testid="reward-template">
              <option value="">{t('hq.loyalty.form.pickTemplate')}</option>
              {(templates.data?.couponTemplates ?? []).filter((c) => c.active).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        ) : (
          <TextField label={t('hq.loyalty.form.product')} value={f.productId} onChange={set('productId')} data-testid="reward-product" />
        )}
        <TextField label={t('hq.loyalty.form.cost')} inputMode="numeric" value={f.pointsCost} onChange={set('pointsCost')} data-testid="reward-cost" />
        <TextField label={t('hq.loyalty.form.stock')} inputMode="numeric" value={f.stock} onChange={set('stock')} data-testid="reward-stock" />
        <TextField label={t('hq.loyalty.form.limit')} inputMode="numeric" value={f.perMemberLimit} onChange={set('perMemberLimit')} />
        <label className="checkbox">
          <input type="checkbox" checked={f.active} onChange={(e) => setF((x) => ({ ...x, active: e.target.checked }))} /> {t('hq.loyalty.form.active')}
        </label>
        {error ? <Notice kind="error" testId="reward-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={busy} onClick={onClose}>{t('hq.loyalty.form.cancel')}</Button>
          <Button type="submit" loading={busy} data-testid="reward-save">{t('hq.loyalty.form.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
