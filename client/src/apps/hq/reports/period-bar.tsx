import { useTranslation } from 'react-i18next';
import { useStoreList } from '../rules-queries';
import { PRESETS, type Preset } from './period';
import type { ReportParams } from './report-tabs';

export type PeriodChoice = { preset: Preset; custom: { from: string; to: string }; compare: ReportParams['compare']; storeId: string };

/**
 * 统计期间: a preset or two dates, the comparison, and (HQ) the store. A manager's reports are
 * their store's, so they get no store choice.
 */
export function PeriodBar({ value, onChange, range, isHq, compares = true }: { value: PeriodChoice; onChange: (v: PeriodChoice) => void; range: { from: string; to: string }; isHq: boolean; compares?: boolean }) {
  const { t } = useTranslation();
  const stores = useStoreList();
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...value, ...patch });
  return (
    <div className="report-period no-print" data-testid="report-period">
      <div className="report-presets" role="group" aria-label={t('hqReports.period.label')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" className={`report-preset${value.preset === p ? ' is-active' : ''}`} aria-pressed={value.preset === p}
            onClick={() => set({ preset: p, custom: p === 'custom' ? range : value.custom })} data-testid={`period-${p}`}>
            {t(`hqReports.period.presets.${p}`)}
          </button>
        ))}
      </div>
      {value.preset === 'custom' ? (
        <span className="report-dates">
          <input type="date" className="field-input" aria-label={t('hqReports.period.from')} value={value.custom.from} max={value.custom.to}
            onChange={(e) => e.target.value && set({ custom: { ...value.custom, from: e.target.value } })} data-testid="period-from" />
          <span aria-hidden="true">–</span>
          <input type="date" className="field-input" aria-label={t('hqReports.period.to')} value={value.custom.to} min={value.custom.from}
            onChange={(e) => e.target.value && set({ custom: { ...value.custom, to: e.target.value } })} data-testid="period-to" />
        </span>
      ) : null}
      {compares ? <label className="report-select">
        <span>{t('hqReports.period.compare')}</span>
        <select className="select" value={value.compare} onChange={(e) => set({ compare: e.target.value as PeriodChoice['compare'] })} data-testid="period-compare">
          {(['none', 'previous', 'last_year'] as const).map((c) => <option key={c} value={c}>{t(`hqReports.period.compares.${c}`)}</option>)}
        </select>
      </label> : null}
      {isHq ? (
        <label className="report-select">
          <span>{t('hqReports.period.store')}</span>
          <select className="select" value={value.storeId} onChange={(e) => set({ storeId: e.target.value })} data-testid="period-store">
            <option value="">{t('hqReports.period.allStores')}</option>
            {(stores.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
      ) : null}
    </div>
  );
}
