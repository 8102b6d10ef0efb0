/**
 * Core pricing, the same code on the tablet and the server: the store's price, the member's tier
 * discount, and the points a payment earns. Campaigns and coupons join in the checkout issue.
 *
 * Rounding: a line's discount is rounded half up to the fen per line (not per unit), so the line
 * total is what a calculator on the counter would show.
 */
export type CatalogItem = { productId: string; name: string; categoryId: string; listPriceFen: number; costPriceFen: number; storePriceFen: number | null };
export type LineIn = { productId: string; quantity: number };
export type Priced = {
  lines: { lineNo: number; productId: string; name: string; categoryId: string; quantity: number; unitPriceFen: number; discountFen: number; totalFen: number; unitCostFen: number; explanation: string[] }[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  costFen: number;
};

export function priceLines(lines: readonly LineIn[], catalog: ReadonlyMap<string, CatalogItem>, tier: { name: string; discountBp: number } | null): Priced | { missing: string } {
  const out: Priced['lines'] = [];
  for (const [i, l] of lines.entries()) {
    const item = catalog.get(l.productId);
    if (!item) return { missing: l.productId };
    const unit = item.storePriceFen ?? item.listPriceFen;
    const gross = unit * l.quantity;
    const bp = tier?.discountBp ?? 10_000;
    const discount = gross - Math.round((gross * bp) / 10_000);
    const explanation = discount > 0 && tier ? [`${tier.name} ${(bp / 1000).toFixed(bp % 1000 === 0 ? 0 : 1)}折 −${discount}`] : [];
    out.push({ lineNo: i + 1, productId: l.productId, name: item.name, categoryId: item.categoryId, quantity: l.quantity, unitPriceFen: unit, discountFen: discount, totalFen: gross - discount, unitCostFen: item.costPriceFen, explanation });
  }
  const sum = (f: (x: Priced['lines'][number]) => number) => out.reduce((n, x) => n + f(x), 0);
  return {
    lines: out,
    subtotalFen: sum((x) => x.unitPriceFen * x.quantity),
    discountFen: sum((x) => x.discountFen),
    totalFen: sum((x) => x.totalFen),
    costFen: sum((x) => x.unitCostFen * x.quantity),
  };
}

/** Points for the part paid with money: whole yuan × points per yuan × tier multiplier, rounded down. */
export function pointsEarned(moneyPaidFen: number, pointsPerYuan: number, multiplierBp: number): number {
  if (moneyPaidFen <= 0) return 0;
  return Math.floor((Math.floor(moneyPaidFen / 100) * pointsPerYuan * multiplierBp) / 10_000);
}
