import type { TenderKind } from '../../../../../shared/schemas/order';
import type { DiscountSource } from '../../../../../shared/schemas/promotions';

/** Everything a receipt shows, as plain data: the counter fills it from the sale it just rang up. */
export type ReceiptStatus = 'pending' | 'completed' | 'rejected' | 'refunded' | 'partially_refunded';
export type ReceiptDiscountSource = DiscountSource | 'other';

export type ReceiptItem = {
  name: string;
  quantity: number;
  unitPriceFen: number;
  discountFen: number;
  /** Why the line is cheaper, as the pricing engine explained it; amountFen null when only the label is known. */
  discounts: { label: string; amountFen: number | null }[];
  totalFen: number;
};

export type ReceiptTender = { kind: TenderKind; amountFen: number; reference: string; points: number | null };

export type ReceiptData = {
  store: { name: string; address: string; phone: string };
  orderId: string;
  /** UTC ms; printed in Asia/Shanghai time. */
  at: number;
  clerkName: string;
  member: { name: string; phone: string; cardNo: string; tierName: string } | null;
  items: ReceiptItem[];
  subtotalFen: number;
  discounts: { source: ReceiptDiscountSource; amountFen: number }[];
  totalFen: number;
  tenders: ReceiptTender[];
  /** What the customer handed over in cash, when the clerk entered it (for the change). */
  cashTenderedFen: number | null;
  pointsEarned: number;
  balancesAfter: { principalFen: number; bonusFen: number; points: number } | null;
  status: ReceiptStatus;
  /** Refunded so far (a reprint of a refunded sale). */
  refundedFen: number;
  rejectReason: string | null;
  footer: string | null;
};

const SOURCES: readonly DiscountSource[] = ['tier', 'birthday', 'campaign_percent', 'campaign_threshold', 'coupon', 'manual'];

type Explanation = string | { kind?: DiscountSource; label: string; amountFen?: number };

/** What a sale looks like to the counter: the order as priced (online or on the tablet) and its tenders. */
export type ReceiptSource = {
  store: ReceiptData['store'];
  clerkName: string;
  member?: ReceiptData['member'];
  order: {
    id: string;
    createdAt: number;
    status: ReceiptStatus;
    rejectReason?: string | null;
    lines: readonly { name: string; quantity: number; unitPriceFen: number; discountFen: number; totalFen: number; explanation?: readonly Explanation[] }[];
    subtotalFen: number;
    discountFen: number;
    totalFen: number;
    discountBySource?: Partial<Record<DiscountSource, number>>;
    pointsEarned?: number;
    refundedFen?: number;
  };
  tenders: readonly { kind: TenderKind; amountFen: number; reference?: string; points?: number }[];
  cashTenderedFen?: number | null;
  balancesAfter?: ReceiptData['balancesAfter'];
  footer?: string | null;
};

/** Discounts by source: the engine's totals when given, else summed from the lines' explanations. */
function discountsOf(o: ReceiptSource['order']): ReceiptData['discounts'] {
  const by = new Map<ReceiptDiscountSource, number>();
  if (o.discountBySource) {
    for (const s of SOURCES) if (o.discountBySource[s]) by.set(s, o.discountBySource[s]!);
  } else {
    for (const e of o.lines.flatMap((l) => l.explanation ?? [])) {
      if (typeof e !== 'string' && e.kind && e.amountFen) by.set(e.kind, (by.get(e.kind) ?? 0) + e.amountFen);
    }
  }
  const explained = [...by.values()].reduce((n, v) => n + v, 0);
  if (o.discountFen > explained) by.set('other', o.discountFen - explained);
  return [...by].map(([source, amountFen]) => ({ source, amountFen }));
}

export function buildReceiptData(src: ReceiptSource): ReceiptData {
  const o = src.order;
  return {
    store: src.store,
    orderId: o.id,
    at: o.createdAt,
    clerkName: src.clerkName,
    member: src.member ?? null,
    items: o.lines.map((l) => ({
      name: l.name, quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, totalFen: l.totalFen,
      discounts: (l.explanation ?? []).map((e) => (typeof e === 'string' ? { label: e, amountFen: null } : { label: e.label, amountFen: e.amountFen ?? null })),
    })),
    subtotalFen: o.subtotalFen,
    discounts: discountsOf(o),
    totalFen: o.totalFen,
    tenders: src.tenders.map((t) => ({ kind: t.kind, amountFen: t.amountFen, reference: t.reference ?? '', points: t.points ?? null })),
    cashTenderedFen: src.cashTenderedFen ?? null,
    pointsEarned: o.pointsEarned ?? 0,
    balancesAfter: src.balancesAfter ?? null,
    status: o.status,
    refundedFen: o.refundedFen ?? 0,
    rejectReason: o.rejectReason ?? null,
    footer: src.footer ?? null,
  };
}

/** Change to hand back: cash handed over − cash due; null when not entered or not enough. */
export function changeDue(d: Pick<ReceiptData, 'tenders' | 'cashTenderedFen'>): number | null {
  const cash = d.tenders.filter((t) => t.kind === 'cash').reduce((n, t) => n + t.amountFen, 0);
  if (d.cashTenderedFen === null || cash === 0 || d.cashTenderedFen < cash) return null;
  return d.cashTenderedFen - cash;
}
