import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langEN from 'echarts/i18n/langEN-obj.js';
import langZH from 'echarts/i18n/langZH-obj.js';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the reports draw, so the chunk stays small; it is loaded lazily (chart.tsx).
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);
type Locale = Parameters<typeof echarts.registerLocale>[1];
echarts.registerLocale('ZH', langZH as Locale);
echarts.registerLocale('EN', langEN as Locale);

export type ChartOption = echarts.EChartsCoreOption;

/** One ECharts instance in a div: re-created when the language changes, resized with its box. */
export default function EChartsView({ option, lang, height, onPick, testId }: { option: ChartOption; lang: 'zh-CN' | 'en'; height: number; onPick?: (dataIndex: number) => void; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const node = el.current!;
    const c = echarts.init(node, null, { locale: lang === 'en' ? 'EN' : 'ZH', renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => {
      if (typeof e.dataIndex === 'number') pick.current?.(e.dataIndex);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(node);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  return <div ref={el} className="report-chart" style={{ height }} data-testid={testId} />;
}
