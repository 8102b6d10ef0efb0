import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { toLang } from '../../../lib/format';
import type { ChartOption } from './echarts-view';

// ECharts is a few hundred KiB: its chunk loads when the first chart is drawn, never with the app.
const EChartsView = lazy(() => import('./echarts-view'));

/** A chart that paints after the figures: a placeholder of its size until ECharts has loaded. */
export function Chart({ option, height = 280, onPick, testId }: { option: ChartOption; height?: number; onPick?: (dataIndex: number) => void; testId?: string }) {
  const { i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  return (
    <Suspense fallback={<div className="report-chart report-chart-loading" style={{ height }} aria-hidden="true" />}>
      <EChartsView option={option} lang={lang} height={height} onPick={onPick} testId={testId} />
    </Suspense>
  );
}
export type { ChartOption };
