import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { TierCode } from '../../../../shared/schemas/member';
import type { Campaign } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { CampaignTargets, type Targets } from './campaign-targets';
import { parseFen, parseMultiplier, parseRate, rateInput, yuanInput } from './rules-units';

const DAY = 86_400_000, SHANGHAI = 8 * 3_600_000;
/** Local (Shanghai) calendar days in, UTC ms out: a campaign runs from the first day's midnight to the day after the last. */
const toDate = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
const fromDate = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) - SHANGHAI : null);

/** 新建/编辑活动: terms, the stores it is pushed to, whom and what it reaches, dates and weekdays. */
export function CampaignDialog({ campaign: c, onClose, onSaved }: { campaign: Campaign | null; onClose: () => void; onSaved: (c: Campaign) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const today = Date.now();
  const [f, setF] = useState({
    id: c?.id ?? `cmp-${ulid().toLowerCase()}`, name: c?.name ?? '', kind: c?.kind ?? 'percent_off',
    rate: c?.kind === 'percent_off' ? rateInput(c.discountBp, lang) : lang === 'en' ? '20' : '8',
    threshold: c?.kind === 'threshold' ? yuanInput(c.thresholdFen) : '200', off: c?.kind === 'threshold' ? yuanInput(c.offFen) : '30', repeat: c?.kind === 'threshold' ? c.repeat : false,
    multiplier: c?.kind === 'points_multiplier' ? String(c.multiplierBp / 10_000) : '2',
    from: toDate(c?.startsAt ?? today), to: toDate((c?.endsAt ?? today + 7 * DAY) - 1),
    active: c?.active ?? true, membersOnly: c?.membersOnly ?? false, stacksWithTierDiscount: c?.stacksWithTierDiscount ?? true, stacksWithCoupons: c?.stacksWithCoupons ?? true,
  });
  const [targets, setTargets] = useState<Targets>({
    storeIds: c?.storeIds ?? null, tierCodes: (c?.tierCodes ?? null) as TierCode[] | null, weekdays: c?.weekdays ?? null,
    categoryIds: c && c.kind !== 'points_multiplier' ? c.categoryIds : null, productIds: c && c.kind !== 'points_multiplier' ? (c.productIds ?? null) : null,
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const set = (k: 'name' | 'rate' | 'threshold' | 'off' | 'multiplier' | 'from' | 'to') => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const flag = (k: 'repeat' | 'active' | 'membersOnly' | 'stacksWithTierDiscount' | 'stacksWithCoupons') => (
    <label className="checkbox"><input type="checkbox" checked={f[k]} onChange={(e) => setF((x) => ({ ...x, [k]: e.target.checked }))} data-testid={`campaign-${k}`} /> {t(`hqCampaigns.form.${k}`)}</label>
  );
  const save = useMutation({ mutationFn: (body: Campaign) => api.put<Campaign>(`/api/promotions/campaigns/${encodeURIComponent(body.id)}`, body), onSuccess: onSaved, onError: (e) => setError(errorText(e)) });

  function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromDate(f.from), last = fromDate(f.to);
    if (startsAt === null || last === null) return setError(t('hqCampaigns.form.badDates'));
    const base = { id: f.id, name: f.name.trim(), storeIds: targets.storeIds, tierCodes: targets.tierCodes, weekdays: targets.weekdays, startsAt, endsAt: last + DAY, dailyWindow: c?.dailyWindow ?? null,
      active: f.active, priority: c?.priority ?? 0, membersOnly: f.membersOnly, stacksWithTierDiscount: f.stacksWithTierDiscount, stacksWithCoupons: f.stacksWithCoupons };
    const lines = { categoryIds: targets.categoryIds, productIds: targets.productIds };
    let body: Campaign;
    if (f.kind === 'percent_off') {
      const bp = parseRate(f.rate, lang);
      if (bp === null) return setError(t('hqCampaigns.form.badNumber', { field: t('hqCampaigns.form.rate') }));
      body = { ...base, ...lines, kind: 'percent_off', discountBp: bp };
    } else if (f.kind === 'threshold') {
      const thresholdFen = parseFen(f.threshold), offFen = parseFen(f.off);
      if (thresholdFen === null || offFen === null) return setError(t('hqCampaigns.form.badNumber', { field: t('hqCampaigns.form.threshold') }));
      body = { ...base, ...lines, kind: 'threshold', thresholdFen, offFen, repeat: f.repeat, maxTimes: c?.kind === 'threshold' ? c.maxTimes : null };
    } else {
      const m = parseMultiplier(f.multiplier);
      if (m === null) return setError(t('hqCampaigns.form.badNumber', { field: t('hqCampaigns.form.multiplier') }));
      body = { ...base, kind: 'points_multiplier', multiplierBp: m };
    }
    setError(null);
    save.mutate(body);
  }

  return (
    <dialog ref={ref} className="hq-dialog hq-dialog-wide" aria-labelledby="campaign-title" data-testid="campaign-dialog" onCancel={(e) => (e.preventDefault(), !save.isPending && onClose())}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="campaign-title" className="section-title">{c ? t('hqCampaigns.form.titleEdit', { name: c.name }) : t('hqCampaigns.form.titleNew')}</h2>
        <div className="form-row">
          <TextField label={t('hqCampaigns.form.name')} value={f.name} maxLength={60} onChange={set('name')} placeholder={t('hqCampaigns.form.namePlaceholder')} data-testid="campaign-name" autoFocus />
          <label className="field"><span className="field-label">{t('hqCampaigns.form.kind')}</span>
            <select className="select" value={f.kind} disabled={!!c} onChange={(e) => setF((x) => ({ ...x, kind: e.target.value as Campaign['kind'] }))} data-testid="campaign-kind">
              {(['percent_off', 'threshold', 'points_multiplier'] as const).map((k) => <option key={k} value={k}>{t(`hqCampaigns.kind.${k}`)}</option>)}
            </select>
          </label>
        </div>
        {f.kind === 'percent_off' ? <TextField label={`${t('hqCampaigns.form.rate')} (${lang === 'en' ? '% off' : '折'})`} inputMode="decimal" value={f.rate} onChange={set('rate')} data-testid="campaign-rate" /> : null}
        {f.kind === 'threshold' ? (
          <div className="form-row">
            <TextField label={`${t('hqCampaigns.form.threshold')} (¥)`} inputMode="decimal" value={f.threshold} onChange={set('threshold')} data-testid="campaign-threshold" />
            <TextField label={`${t('hqCampaigns.form.off')} (¥)`} inputMode="decimal" value={f.off} onChange={set('off')} data-testid="campaign-off" />
            {flag('repeat')}
          </div>
        ) : null}
        {f.kind === 'points_multiplier' ? <TextField label={`${t('hqCampaigns.form.multiplier')} (×)`} inputMode="decimal" value={f.multiplier} onChange={set('multiplier')} data-testid="campaign-multiplier" /> : null}
        <div className="form-row">
          <TextField label={t('hqCampaigns.form.from')} type="date" value={f.from} onChange={set('from')} data-testid="campaign-from" />
          <TextField label={t('hqCampaigns.form.to')} type="date" value={f.to} onChange={set('to')} data-testid="campaign-to" />
        </div>
        <CampaignTargets value={targets} onChange={setTargets} lines={f.kind !== 'points_multiplier'} />
        <div className="rules-flags">{flag('active')}{flag('membersOnly')}{flag('stacksWithTierDiscount')}{flag('stacksWithCoupons')}</div>
        {error ? <Notice kind="error" testId="campaign-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={save.isPending} onClick={onClose}>{t('hqCampaigns.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="campaign-save">{t('hqCampaigns.save')}</Button>
        </div>
      </form>
    </dialog>
  );
}
