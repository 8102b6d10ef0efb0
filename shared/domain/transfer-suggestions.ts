/**
 * Suggested transfers (调拨建议, docs/decisions/025): from each store's stock of a product and what
 * it sold over the last `days`, which store runs out first and which holds more than it needs.
 * A store is short when its stock covers less than half the target cover; it should be brought up
 * to the target. A store has surplus above the target cover (and above its low-stock threshold);
 * a store that sold none lately keeps its threshold. The shortest store is served first, from the
 * largest surplus first.
 */
export type StoreStock = { storeId: string; productId: string; quantity: number; soldUnits: number; threshold?: number };
export type SuggestionParams = { days: number; targetCoverDays: number };
export type Suggestion = {
  productId: string;
  fromStoreId: string;
  toStoreId: string;
  quantity: number;
  fromCoverDays: number | null;
  toCoverDays: number | null;
  toCoverAfterDays: number | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Units sold per day over the window. */
export const dailyRate = (soldUnits: number, days: number): number => (days > 0 && soldUnits > 0 ? soldUnits / days : 0);

/** How many days the stock lasts at that rate (one decimal); null when nothing sold lately. */
export function daysOfCover(quantity: number, soldUnits: number, days: number): number | null {
  const rate = dailyRate(soldUnits, days);
  return rate > 0 ? round1(Math.max(quantity, 0) / rate) : null;
}

export function suggestTransfers(stocks: readonly StoreStock[], p: SuggestionParams): Suggestion[] {
  const byProduct = new Map<string, StoreStock[]>();
  for (const s of stocks) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s]);
  const out: Suggestion[] = [];
  for (const [productId, rows] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
    const view = rows.map((s) => {
      const rate = dailyRate(s.soldUnits, p.days);
      const cover = daysOfCover(s.quantity, s.soldUnits, p.days);
      const keep = Math.max(Math.ceil(p.targetCoverDays * rate), s.threshold ?? 0);
      const short = rate > 0 && (cover ?? 0) < p.targetCoverDays / 2;
      return {
        s, rate, cover,
        need: short ? Math.ceil(p.targetCoverDays * rate - Math.max(s.quantity, 0)) : 0,
        spare: !short && (cover === null || cover > p.targetCoverDays) ? Math.max(0, s.quantity - keep) : 0,
      };
    });
    const needy = view.filter((v) => v.need > 0).sort((a, b) => (a.cover ?? 0) - (b.cover ?? 0) || a.s.storeId.localeCompare(b.s.storeId));
    const donors = view.filter((v) => v.spare > 0).sort((a, b) => b.spare - a.spare || a.s.storeId.localeCompare(b.s.storeId));
    for (const n of needy) {
      let got = 0;
      for (const d of donors) {
        const q = Math.min(d.spare, n.need - got);
        if (q <= 0) continue;
        d.spare -= q;
        got += q;
        out.push({ productId, fromStoreId: d.s.storeId, toStoreId: n.s.storeId, quantity: q, fromCoverDays: d.cover, toCoverDays: n.cover, toCoverAfterDays: daysOfCover(Math.max(n.s.quantity, 0) + got, n.s.soldUnits, p.days) });
        if (got >= n.need) break;
      }
    }
  }
  return out.sort((a, b) => (a.toCoverDays ?? 0) - (b.toCoverDays ?? 0) || a.productId.localeCompare(b.productId));
}
