import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/schemas/member';
import type { TierEdit } from '../../../../shared/schemas/rules';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { useCategories } from './rules-queries';
import { multiplierText, parseFen, parseMultiplier, parseRate, rateInput, yuanInput } from './rules-units';

/** Edits one tier: thresholds in ¥, rates as 折 (or % off), and a rate per category where it differs. */
export function RulesTierDialog({ tier, baseVersion, onClose, onSaved }: { tier: Tier; baseVersion: number; onClose: () => void; onSaved: (t: Tier) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const categories = useCategories().data ?? [];
  const [f, setF] = useState({
    name: tier.name, nameEn: tier.nameEn, upgrade: yuanInput(tier.upgradeSpendFen), keep: yuanInput(tier.keepSpendFen),
    rate: rateInput(tier.discountBp, lang), multiplier: multiplierText(tier.pointsMultiplierBp).slice(1),
    cats: Object.fromEntries(Object.entries(tier.categoryDiscounts ?? {}).map(([k, bp]) => [k, rateInput(bp, lang)])) as Record<string, string>,
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const set = (k: 'name' | 'nameEn' | 'upgrade' | 'keep' | 'rate' | 'multiplier') => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const save = useMutation({
    mutationFn: (body: TierEdit) => api.put<Tier>(`/api/tiers/${tier.code}`, body),
    onSuccess: onSaved,
    onError: (e) => setError(errorText(e)),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const upgradeSpendFen = parseFen(f.upgrade), keepSpendFen = parseFen(f.keep), discountBp = parseRate(f.rate, lang), pointsMultiplierBp = parseMultiplier(f.multiplier);
    const cats = Object.entries(f.cats).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, parseRate(v, lang)] as const);
    const bad = [upgradeSpendFen === null && t('hqRules.tiers.upgrade'), keepSpendFen === null && t('hqRules.tiers.keep'), discountBp === null && t('hqRules.tiers.discount'),
      pointsMultiplierBp === null && t('hqRules.tiers.points'), ...cats.filter(([, v]) => v === null).map(([k]) => categories.find((c) => c.id === k)?.name ?? k)].filter(Boolean);
    if (bad.length) return setError(t('hqRules.invalid', { fields: bad.join('、') }));
    setError(null);
    save.mutate({ name: f.name, nameEn: f.nameEn, upgradeSpendFen: upgradeSpendFen!, keepSpendFen: keepSpendFen!, discountBp: discountBp!, pointsMultiplierBp: pointsMultiplierBp!, categoryDiscounts: Object.fromEntries(cats) as Record<string, number>, baseVersion });
  }
  const unit = lang === 'en' ? t('hqRules.percentOff') : t('hqRules.zhe');

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="tier-title" data-testid="tier-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="tier-title" className="section-title">{t('hqRules.tiers.editTitle', { name: tier.name })}</h2>
        <div className="form-row">
          <TextField label={t('hqRules.tiers.name')} value={f.name} maxLength={20} onChange={set('name')} data-testid="tier-name" />
          <TextField label={t('hqRules.tiers.nameEn')} value={f.nameEn} maxLength={30} onChange={set('nameEn')} />
        </div>
        <div className="form-row">
          <TextField label={`${t('hqRules.tiers.upgrade')} (¥)`} inputMode="decimal" value={f.upgrade} onChange={set('upgrade')} data-testid="tier-upgrade" />
          <TextField label={`${t('hqRules.tiers.keep')} (¥)`} inputMode="decimal" value={f.keep} onChange={set('keep')} data-testid="tier-keep" />
        </div>
        <div className="form-row">
          <TextField label={`${t('hqRules.tiers.discount')} (${unit})`} inputMode="decimal" value={f.rate} onChange={set('rate')} data-testid="tier-rate" />
          <TextField label={`${t('hqRules.tiers.points')} (×)`} inputMode="decimal" value={f.multiplier} onChange={set('multiplier')} data-testid="tier-multiplier" />
        </div>
        <fieldset className="rules-fieldset">
          <legend>{t('hqRules.tiers.categories')} ({unit})</legend>
          <p className="muted">{t('hqRules.tiers.categoriesHint')}</p>
          <div className="rules-grid">
            {categories.map((c) => (
              <TextField key={c.id} label={lang === 'en' ? c.nameEn : c.name} inputMode="decimal" value={f.cats[c.id] ?? ''} placeholder={f.rate}
                onChange={(e) => setF((x) => ({ ...x, cats: { ...x.cats, [c.id]: e.target.value } }))} data-testid={`tier-cat-${c.id}`} />
            ))}
          </div>
        </fieldset>
        {error ? <Notice kind="error" testId="tier-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqRules.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="tier-save">{t('hqRules.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
