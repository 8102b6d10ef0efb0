/**
 * RFM scoring (issue 19, 会员分析): recency, frequency and monetary value over the last 365 days,
 * each scored 1–5 on fixed thresholds, and the classic eight segments from high/low of each.
 * Fixed thresholds, not quintiles: a member's score depends on the member alone, so the nightly job
 * pages through members and a page done twice scores alike (decision 029). The thresholds are in
 * the API's answer so HQ reads what "high" means.
 */
export const RFM_WINDOW_DAYS = 365;

/** Lower bounds for scores 5, 4, 3, 2 (below the last: 1). Recency is days since the last visit (upper bounds). */
export const RFM_THRESHOLDS = {
  /** Score 5 if the last visit was at most 30 days ago, 4 if ≤ 60, 3 if ≤ 90, 2 if ≤ 180, else 1 (never: 1). */
  recencyDays: [30, 60, 90, 180],
  /** Orders in the window: ≥ 12 → 5, ≥ 6 → 4, ≥ 3 → 3, ≥ 2 → 2, else 1. */
  frequency: [12, 6, 3, 2],
  /** Net spend in the window, fen: ≥ ¥5,000 → 5, ≥ ¥2,000 → 4, ≥ ¥800 → 3, ≥ ¥300 → 2, else 1. */
  monetaryFen: [500_000, 200_000, 80_000, 30_000],
} as const;

/** A score of 3 or more is "high". */
export const RFM_HIGH = 3;

export const RFM_SEGMENTS = [
  'important_value', // 重要价值: R↑ F↑ M↑
  'important_develop', // 重要发展: R↑ F↓ M↑
  'important_keep', // 重要保持: R↓ F↑ M↑
  'important_retain', // 重要挽留: R↓ F↓ M↑
  'general_value', // 一般价值: R↑ F↑ M↓
  'general_develop', // 一般发展: R↑ F↓ M↓
  'general_keep', // 一般保持: R↓ F↑ M↓
  'general_retain', // 一般挽留: R↓ F↓ M↓
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_ZH: Record<RfmSegment, string> = {
  important_value: '重要价值', important_develop: '重要发展', important_keep: '重要保持', important_retain: '重要挽留',
  general_value: '一般价值', general_develop: '一般发展', general_keep: '一般保持', general_retain: '一般挽留',
};

const atLeast = (v: number, bounds: readonly number[]) => {
  const i = bounds.findIndex((b) => v >= b);
  return i === -1 ? 1 : 5 - i;
};

export function recencyScore(daysSince: number | null): number {
  if (daysSince === null) return 1;
  const i = RFM_THRESHOLDS.recencyDays.findIndex((b) => daysSince <= b);
  return i === -1 ? 1 : 5 - i;
}
export const frequencyScore = (orders: number) => atLeast(orders, RFM_THRESHOLDS.frequency);
export const monetaryScore = (netFen: number) => atLeast(netFen, RFM_THRESHOLDS.monetaryFen);

export function segmentOf(r: number, f: number, m: number): RfmSegment {
  const hi = (s: number) => s >= RFM_HIGH;
  const key = `${hi(r) ? 'R' : 'r'}${hi(f) ? 'F' : 'f'}${hi(m) ? 'M' : 'm'}`;
  const table: Record<string, RfmSegment> = {
    RFM: 'important_value', RfM: 'important_develop', rFM: 'important_keep', rfM: 'important_retain',
    RFm: 'general_value', Rfm: 'general_develop', rFm: 'general_keep', rfm: 'general_retain',
  };
  return table[key]!;
}

export type RfmInput = { daysSinceLastVisit: number | null; orders: number; netFen: number };
export type RfmScore = { r: number; f: number; m: number; segment: RfmSegment };

/** The member's scores and segment. */
export function scoreRfm(x: RfmInput): RfmScore {
  const r = recencyScore(x.daysSinceLastVisit), f = frequencyScore(x.orders), m = monetaryScore(x.netFen);
  return { r, f, m, segment: segmentOf(r, f, m) };
}
