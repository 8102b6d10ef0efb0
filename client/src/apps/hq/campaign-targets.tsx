import { useTranslation } from 'react-i18next';
import type { TierCode } from '../../../../shared/schemas/member';
import { toLang } from '../../lib/format';
import { useCategories, useProducts, useStoreList, useTiers } from './rules-queries';

export type Targets = { storeIds: string[] | null; tierCodes: TierCode[] | null; weekdays: number[] | null; categoryIds: string[] | null; productIds: string[] | null };

/** null = every one; ticking boxes narrows it, unticking the last one widens it back to every one. */
function Checks<T extends string | number>({ legend, all, options, value, onChange, testId }: { legend: string; all: string; options: { id: T; label: string }[]; value: T[] | null; onChange: (v: T[] | null) => void; testId: string }) {
  const picked = new Set(value ?? []);
  const toggle = (id: T) => {
    const next = picked.has(id) ? [...picked].filter((x) => x !== id) : [...picked, id];
    onChange(next.length ? next : null);
  };
  return (
    <fieldset className="rules-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <label className="checkbox"><input type="checkbox" checked={value === null} onChange={() => onChange(null)} /> {all}</label>
      <div className="check-grid">
        {options.map((o) => (
          <label className="checkbox" key={String(o.id)}><input type="checkbox" checked={picked.has(o.id)} onChange={() => toggle(o.id)} data-testid={`${testId}-${o.id}`} /> {o.label}</label>
        ))}
      </div>
    </fieldset>
  );
}

/** Where (stores), who (tiers), when (weekdays) and what (categories, products) a campaign reaches. */
export function CampaignTargets({ value, onChange, lines }: { value: Targets; onChange: (v: Targets) => void; lines: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const stores = useStoreList().data ?? [];
  const tiers = useTiers().data ?? [];
  const cats = useCategories().data ?? [];
  const products = useProducts().data ?? [];
  const set = <K extends keyof Targets>(k: K) => (v: Targets[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <Checks legend={t('hqCampaigns.form.stores')} all={t('hqCampaigns.allStores')} options={stores.map((s) => ({ id: s.id, label: s.name }))} value={value.storeIds} onChange={set('storeIds')} testId="campaign-stores" />
      <Checks legend={t('hqCampaigns.form.tiers')} all={t('hqCampaigns.form.allTiers')} options={tiers.map((x) => ({ id: x.code, label: lang === 'en' ? x.nameEn : x.name }))} value={value.tierCodes} onChange={set('tierCodes')} testId="campaign-tiers" />
      <Checks legend={t('hqCampaigns.form.weekdays')} all={t('hqCampaigns.form.everyDay')} options={([1, 2, 3, 4, 5, 6, 7] as const).map((d) => ({ id: d, label: t(`hqCampaigns.weekday.${d}`) }))} value={value.weekdays} onChange={set('weekdays')} testId="campaign-weekdays" />
      {lines ? (
        <>
          <Checks legend={t('hqCampaigns.form.categories')} all={t('hqCampaigns.form.allGoods')} options={cats.map((c) => ({ id: c.id, label: lang === 'en' ? c.nameEn : c.name }))} value={value.categoryIds} onChange={set('categoryIds')} testId="campaign-categories" />
          <label className="field">
            <span className="field-label">{t('hqCampaigns.form.products')}</span>
            <select className="select select-multi" multiple value={value.productIds ?? []} data-testid="campaign-products"
              onChange={(e) => { const ids = [...e.target.selectedOptions].map((o) => o.value); set('productIds')(ids.length ? ids : null); }}>
              {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
            <span className="muted">{t('hqCampaigns.form.productsHint')}</span>
          </label>
        </>
      ) : null}
    </>
  );
}
