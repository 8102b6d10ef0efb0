import { addDays, addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns';
import { businessDay } from '../../../../../shared/domain/business-day';

export const PRESETS = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'lastMonth', 'last365', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The business days a preset covers, ending with the chain's business day of `now` (UTC+8,
 * shared/domain/business-day.ts, not the browser's zone). `custom` keeps what was typed.
 */
export function presetRange(preset: Preset, now: number, custom?: { from: string; to: string }): { from: string; to: string } {
  const todayIso = businessDay(now);
  const today = parseISO(todayIso);
  switch (preset) {
    case 'today':
      return { from: todayIso, to: todayIso };
    case 'yesterday':
      return { from: fmt(addDays(today, -1)), to: fmt(addDays(today, -1)) };
    case 'last7':
      return { from: fmt(addDays(today, -6)), to: todayIso };
    case 'last30':
      return { from: fmt(addDays(today, -29)), to: todayIso };
    case 'thisMonth':
      return { from: fmt(startOfMonth(today)), to: todayIso };
    case 'lastMonth': {
      const m = addMonths(today, -1);
      return { from: fmt(startOfMonth(m)), to: fmt(endOfMonth(m)) };
    }
    case 'last365':
      return { from: fmt(addDays(today, -364)), to: todayIso };
    case 'custom':
      return custom && custom.from <= custom.to ? custom : { from: todayIso, to: todayIso };
  }
}

/** Every day of from..to (a chart's axis: days without sales still show). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = parseISO(from); fmt(d) <= to && out.length < 400; d = addDays(d, 1)) out.push(fmt(d));
  return out;
}
