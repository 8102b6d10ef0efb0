import { describe, expect, it } from 'vitest';
import { daysBetween, presetRange, type Preset } from './period';
import { toCsv, type ReportColumn } from './report-columns';
import { formatBp, formatChange, ratingAvg, shareBp } from './report-format';
import { drillQuery } from './drill-filter';

// 2026-12-07 01:30 in Guangzhou is still 6 December in UTC: presets follow the chain's day.
const NOW = Date.UTC(2026, 11, 6, 17, 30);

describe('period presets', () => {
  it.each<[Preset, string, string]>([
    ['today', '2026-12-07', '2026-12-07'],
    ['yesterday', '2026-12-06', '2026-12-06'],
    ['last7', '2026-12-01', '2026-12-07'],
    ['last30', '2026-11-08', '2026-12-07'],
    ['thisMonth', '2026-12-01', '2026-12-07'],
    ['lastMonth', '2026-11-01', '2026-11-30'],
    ['last365', '2025-12-08', '2026-12-07'],
  ])('%s is %s..%s', (preset, from, to) => {
    expect(presetRange(preset, NOW)).toEqual({ from, to });
  });

  it('custom keeps a valid range, and falls back to today for a reversed one', () => {
    expect(presetRange('custom', NOW, { from: '2026-01-01', to: '2026-02-01' })).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(presetRange('custom', NOW, { from: '2026-02-01', to: '2026-01-01' })).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('lists the days of a range across a month end', () => {
    expect(daysBetween('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });
});

describe('report figures as text', () => {
  it.each([[9753, '97.53%'], [5, '0.05%'], [-1250, '-12.50%'], [null, '—']] as const)('%s bp is %s', (bp, s) => expect(formatBp(bp)).toBe(s));
  it('signs changes and shares', () => {
    expect(formatChange(1250)).toBe('+12.50%');
    expect(formatChange(null)).toBe('—');
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(1, 0)).toBeNull();
    expect(ratingAvg(14, 3)).toBe('4.67');
  });

  it('makes the CSV of what is shown: money as plain yuan, rates as percent', () => {
    const cols: ReportColumn<{ name: string; fen: number; bp: number | null }>[] = [
      { id: 'name', header: '门店', value: (r) => r.name, kind: 'text' },
      { id: 'fen', header: '销售额', value: (r) => r.fen, kind: 'fen' },
      { id: 'bp', header: '毛利率', value: (r) => r.bp, kind: 'bp' },
    ];
    expect(toCsv(cols, [{ name: '天河, 1店', fen: 1_176_700, bp: 9753 }, { name: '越秀', fen: -5, bp: null }])).toBe('门店,销售额,毛利率\r\n"天河, 1店",11767.00,97.53%\r\n越秀,-0.05,');
  });

  it('drills with only the filters set', () => {
    expect(drillQuery({ title: 'x', from: '2026-12-01', to: '2026-12-07', storeId: undefined, hour: 0 }, '1:abc')).toEqual({ from: '2026-12-01', to: '2026-12-07', hour: '0', cursor: '1:abc' });
  });
});

describe('the commission plan form', () => {
  it('turns percent and yuan into basis points and fen, and back', async () => {
    const { formToPlan, planToForm } = await import('./commission-form');
    const plan = {
      id: 'p', updatedAt: 0, name: ' 提成 ', active: true, storeIds: ['store-1'],
      rules: [
        { kind: 'category_percent' as const, categoryId: 'cat-hair', rateBp: 250 },
        { kind: 'per_card_opened' as const, fen: 1_000 },
        { kind: 'tiered_sales' as const, mode: 'whole' as const, tiers: [{ fromFen: 0, rateBp: 100 }, { fromFen: 1_000_000, rateBp: 150 }] },
      ],
    };
    const form = planToForm(plan);
    expect(form.rules[0]).toMatchObject({ target: 'cat-hair', rate: '2.5' });
    expect(form.rules[2]!.tiers).toEqual([{ from: '0.00', rate: '1' }, { from: '10000.00', rate: '1.5' }]);
    expect(formToPlan(form)).toEqual({ name: '提成', active: true, storeIds: ['store-1'], rules: plan.rules });
  });
});
