import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/schemas/member';
import type { ChainRules } from '../../../../shared/schemas/rules';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { fromForm, toForm, type RulesFormState } from './rules-form-model';

const Field = ({ label, value, onChange, testId, disabled }: { label: string; value: string; onChange: (v: string) => void; testId?: string; disabled?: boolean }) => (
  <TextField label={label} value={value} inputMode="decimal" disabled={disabled} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
);
const Group = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <fieldset className="rules-fieldset" data-testid={testId}><legend>{title}</legend>{children}</fieldset>
);

/** The chain's money and points rules. Saving names the version it was opened at: a newer save elsewhere is a 409. */
export function RulesForm({ rules, version, tiers, canEdit, onDraft, onSaved }: { rules: ChainRules; version: number; tiers: Tier[]; canEdit: boolean; onDraft: (r: ChainRules) => void; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const [f, setF] = useState<RulesFormState>(() => toForm(rules, lang));
  const [error, setError] = useState<string | null>(null);
  const built = useMemo(() => fromForm(f, rules, lang), [f, rules, lang]);
  useEffect(() => { if (built.bad.length === 0) onDraft(built.rules); }, [built, onDraft]);
  const set = <K extends keyof RulesFormState>(k: K) => (v: RulesFormState[K]) => setF((x) => ({ ...x, [k]: v }));
  const save = useMutation({
    mutationFn: () => api.put<ChainRules>('/api/rules', { ...built.rules, baseVersion: version }),
    onSuccess: () => onSaved(version + 1),
    onError: (e) => setError(e instanceof ApiError && e.status === 409 ? t('hqRules.stale') : errorText(e)),
  });
  const ro = !canEdit;
  const unit = lang === 'en' ? t('hqRules.percentOff') : t('hqRules.zhe');

  return (
    <section className="card rules-form" aria-labelledby="rules-title" data-testid="rules-form">
      <div className="table-head">
        <h2 id="rules-title" className="table-card-title">{t('hqRules.rules.title')}</h2>
        {canEdit ? <span className="muted" data-testid="rules-version">{t('hqRules.version', { version })}</span> : null}
      </div>
      <Group title={t('hqRules.recharge.title')} testId="recharge-rules">
        {f.recharge.map((r, i) => (
          <div className="rules-inline" key={i} data-testid="recharge-row">
            <Field label={`${t('hqRules.recharge.pay')} (¥)`} value={r.min} disabled={ro} testId={`recharge-min-${i}`} onChange={(v) => set('recharge')(f.recharge.map((x, j) => (j === i ? { ...x, min: v } : x)))} />
            <Field label={`${t('hqRules.recharge.get')} (¥)`} value={r.bonus} disabled={ro} testId={`recharge-bonus-${i}`} onChange={(v) => set('recharge')(f.recharge.map((x, j) => (j === i ? { ...x, bonus: v } : x)))} />
            {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => set('recharge')(f.recharge.filter((_, j) => j !== i))}>{t('hqRules.remove')}</Button> : null}
          </div>
        ))}
        {canEdit ? <Button variant="secondary" className="btn-sm" onClick={() => set('recharge')([...f.recharge, { min: '', bonus: '' }])} data-testid="recharge-add">{t('hqRules.recharge.add')}</Button> : null}
      </Group>
      <Group title={t('hqRules.points.title')}>
        <div className="rules-grid">
          <Field label={t('hqRules.points.perYuan')} value={f.pointsPerYuan} disabled={ro} onChange={set('pointsPerYuan')} testId="points-per-yuan" />
          <Field label={t('hqRules.points.value')} value={f.pointValue} disabled={ro} onChange={set('pointValue')} />
          <label className="field"><span className="field-label">{t('hqRules.points.expiry')}</span>
            <select className="select" value={f.expiryKind} disabled={ro} onChange={(e) => set('expiryKind')(e.target.value as RulesFormState['expiryKind'])} data-testid="points-expiry">
              {(['rolling_months', 'end_of_next_year', 'never'] as const).map((k) => <option key={k} value={k}>{t(`hqRules.points.expiryKind.${k}`)}</option>)}
            </select>
          </label>
          {f.expiryKind === 'rolling_months' ? <Field label={t('hqRules.points.months')} value={f.expiryMonths} disabled={ro} onChange={set('expiryMonths')} /> : null}
          <Field label={t('hqRules.points.lockDays')} value={f.lockDays} disabled={ro} onChange={set('lockDays')} />
        </div>
      </Group>
      <Group title={t('hqRules.birthday.title')}>
        <label className="checkbox"><input type="checkbox" checked={f.birthdayOn} disabled={ro} onChange={(e) => set('birthdayOn')(e.target.checked)} data-testid="birthday-on" /> {t('hqRules.birthday.on')}</label>
        <div className="rules-grid">
          <label className="field"><span className="field-label">{t('hqRules.birthday.scope')}</span>
            <select className="select" value={f.birthdayScope} disabled={ro} onChange={(e) => set('birthdayScope')(e.target.value as 'day' | 'month')}>
              <option value="day">{t('hqRules.birthday.day')}</option><option value="month">{t('hqRules.birthday.month')}</option>
            </select>
          </label>
          {tiers.map((x) => (
            <Field key={x.code} label={`${lang === 'en' ? x.nameEn : x.name} (${unit})`} value={f.birthdayRates[x.code] ?? ''} disabled={ro} testId={`birthday-rate-${x.code}`} onChange={(v) => set('birthdayRates')({ ...f.birthdayRates, [x.code]: v })} />
          ))}
        </div>
        <label className="checkbox"><input type="checkbox" checked={f.birthdayStacks} disabled={ro} onChange={(e) => set('birthdayStacks')(e.target.checked)} /> {t('hqRules.birthday.stacks')}</label>
      </Group>
      <Group title={t('hqRules.offline.title')}>
        <div className="rules-grid">
          <Field label={t('hqRules.offline.perMember')} value={f.perMemberCap} disabled={ro} onChange={set('perMemberCap')} />
          <Field label={t('hqRules.offline.share')} value={f.sharePct} disabled={ro} onChange={set('sharePct')} />
          <Field label={t('hqRules.offline.leaseHours')} value={f.leaseHours} disabled={ro} onChange={set('leaseHours')} />
          <Field label={t('hqRules.offline.perDevice')} value={f.perDeviceCap} disabled={ro} onChange={set('perDeviceCap')} />
          <Field label={t('hqRules.offline.maxMembers')} value={f.maxMembers} disabled={ro} onChange={set('maxMembers')} />
        </div>
      </Group>
      <Group title={t('hqRules.review.title')}>
        <label className="checkbox"><input type="checkbox" checked={f.reviewOn} disabled={ro} onChange={(e) => set('reviewOn')(e.target.checked)} /> {t('hqRules.review.on')}</label>
        <div className="rules-grid">
          <Field label={t('hqRules.review.window')} value={f.windowMonths} disabled={ro} onChange={set('windowMonths')} />
          <Field label={t('hqRules.review.every')} value={f.everyMonths} disabled={ro} onChange={set('everyMonths')} />
          <Field label={t('hqRules.review.grace')} value={f.graceReviews} disabled={ro} onChange={set('graceReviews')} />
          <Field label={t('hqRules.review.minMonths')} value={f.minMonthsInTier} disabled={ro} onChange={set('minMonthsInTier')} />
          <label className="field"><span className="field-label">{t('hqRules.review.downgrade')}</span>
            <select className="select" value={f.downgrade} disabled={ro} onChange={(e) => set('downgrade')(e.target.value as RulesFormState['downgrade'])}>
              <option value="one_tier">{t('hqRules.review.oneTier')}</option><option value="to_qualifying">{t('hqRules.review.toQualifying')}</option>
            </select>
          </label>
        </div>
      </Group>
      <Group title={t('hqRules.stock.title')}>
        <label className="checkbox"><input type="checkbox" checked={f.allowNegativeStock} disabled={ro} onChange={(e) => set('allowNegativeStock')(e.target.checked)} data-testid="allow-negative-stock" /> {t('hqRules.stock.allowNegative')}</label>
      </Group>
      {built.bad.length ? <Notice kind="error" testId="rules-invalid">{t('hqRules.invalid', { fields: built.bad.join(', ') })}</Notice> : null}
      {error ? <Notice kind="error" testId="rules-error">{error}</Notice> : null}
      {canEdit ? (
        <div className="dialog-foot">
          <Button variant="secondary" onClick={() => (setF(toForm(rules, lang)), setError(null))}>{t('hqRules.reset')}</Button>
          <Button loading={save.isPending} disabled={built.bad.length > 0} onClick={() => (setError(null), save.mutate())} data-testid="rules-save">{t('hqRules.save')}</Button>
        </div>
      ) : null}
    </section>
  );
}
