import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSubPath } from '../../../lib/router';
import { Loading } from '../../../lib/ui/states';
import { DrillDrawer } from './drill-drawer';
import type { DrillFilter } from './drill-filter';
import { presetRange } from './period';
import { PeriodBar, type PeriodChoice } from './period-bar';
import { REPORT_TABS, type ReportParams } from './report-tabs';

/** 报表: the period bar over tabbed reports (/hq/reports/<tab>), and the drawer of the orders behind a figure. */
export function ReportsScreen({ isHq }: { isHq: boolean }) {
  const { t } = useTranslation();
  const sub = useSubPath().split('/')[1] ?? '';
  const tab = REPORT_TABS.find((x) => x.key === sub) ?? REPORT_TABS[0]!;
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ preset: 'last30', custom: presetRange('last30', Date.now()), compare: 'previous', storeId: '' }));
  const [drill, setDrill] = useState<DrillFilter | null>(null);
  const range = presetRange(choice.preset, Date.now(), choice.custom);
  const params: ReportParams = { ...range, compare: choice.compare, ...(choice.storeId ? { storeId: choice.storeId } : {}) };
  const Tab = tab.Component;
  return (
    <div className="reports">
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="reports-heading">{t('hqReports.heading')}</h1>
          <p className="muted">{t('hqReports.subtitle')}</p>
        </div>
      </div>
      <div className="inv-tabs report-tabs no-print" role="tablist">
        {REPORT_TABS.map((x) => (
          <button key={x.key} type="button" role="tab" aria-selected={x.key === tab.key} className={`inv-tab${x.key === tab.key ? ' is-active' : ''}`}
            onClick={() => navigate(`reports/${x.key}`)} data-testid={`report-tab-${x.key}`}>
            {t(x.label as 'hqReports.tabs.sales')}
          </button>
        ))}
      </div>
      <PeriodBar value={choice} onChange={setChoice} range={range} isHq={isHq} compares={tab.compares !== false} />
      <p className="report-print-period print-only">{t(tab.label as 'hqReports.tabs.sales')} · {t('hqReports.period.range', range)}</p>
      <Suspense fallback={<Loading />}>
        <Tab params={params} isHq={isHq} drill={setDrill} />
      </Suspense>
      {drill ? <DrillDrawer filter={drill} onClose={() => setDrill(null)} /> : null}
    </div>
  );
}
