import { formatFen } from '../../../../../shared/domain/money';
import type { ChartOption } from './chart';

/** The palette of hq.css (the brand blue first), so charts look like the rest of the back office. */
export const PALETTE = ['#1f5eff', '#e8684a', '#2f9e6b', '#d08a1c', '#7a56c2', '#5d6b7a', '#c2569a', '#3aa6b9'];

export type Series = { name: string; values: number[]; /** 'fen' shows ¥, 'count' plain, 'bp' a percent (right axis) */ unit: 'fen' | 'count' | 'bp'; type?: 'bar' | 'line' };

const show = (unit: Series['unit'], v: number) => (unit === 'fen' ? formatFen(Math.round(v * 100)) : unit === 'bp' ? `${v.toFixed(2)}%` : String(v));
// Money is drawn in yuan and rates in percent: the axes read as people read them.
const scaled = (s: Series) => s.values.map((v) => (s.unit === 'fen' ? v / 100 : s.unit === 'bp' ? v / 100 : v));

/** Bars (or lines) over labelled categories; a rate series goes on a right-hand axis. */
export function barOption(labels: string[], series: Series[], opts: { horizontal?: boolean; line?: boolean } = {}): ChartOption {
  const hasRate = series.some((s) => s.unit === 'bp');
  const cat = { type: 'category', data: labels, axisLabel: { hideOverlap: true } };
  const val = [{ type: 'value', axisLabel: { formatter: (v: number) => (series[0]?.unit === 'fen' ? `¥${v.toLocaleString()}` : String(v)) } }, ...(hasRate ? [{ type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }] : [])];
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: opts.horizontal ? 120 : 56, right: hasRate ? 56 : 24, top: series.length > 1 ? 36 : 16, bottom: 32, containLabel: false },
    xAxis: opts.horizontal ? val[0] : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? (opts.line ? 'line' : 'bar'),
      smooth: true,
      yAxisIndex: !opts.horizontal && s.unit === 'bp' ? 1 : 0,
      data: scaled(s),
      barMaxWidth: 36,
      tooltip: { valueFormatter: (v: number) => show(s.unit, v) },
    })),
  };
}

/** Shares of a whole (tenders, walk-in vs member). */
export function pieOption(items: { name: string; fen: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (v: number) => formatFen(Math.round(v * 100)) },
    legend: { orient: 'vertical', right: 8, top: 'middle' },
    series: [{ type: 'pie', radius: ['45%', '72%'], center: ['38%', '50%'], data: items.map((i) => ({ name: i.name, value: i.fen / 100 })), label: { formatter: '{d}%' } }],
  };
}
