import { tenderKindSchema, type TenderKind } from '../schemas/order';
import type { ByTender, ShiftMovement, ShiftSummary } from '../schemas/shift';

export const TENDER_KINDS: readonly TenderKind[] = tenderKindSchema.options;

export const emptyByTender = (): ByTender => Object.fromEntries(TENDER_KINDS.map((k) => [k, 0])) as ByTender;

const asTender = (v: unknown): TenderKind | null => (TENDER_KINDS.includes(v as TenderKind) ? (v as TenderKind) : null);
const asInt = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A payment row of an order (a LEFT JOIN: an order without payments still counts as an order). */
export type OrderPaymentRow = { orderId: string; kind: 'sale' | 'refund'; tender: string | null; amountFen: number | null };

export const orderMovement = (r: OrderPaymentRow): ShiftMovement => ({
  kind: r.kind,
  ref: r.orderId,
  tender: asTender(r.tender),
  // A refund is money going out whichever sign it was stored with.
  amountFen: Math.abs(r.amountFen ?? 0),
});

/**
 * An applied member-account operation by this staff member. Recharges and punch-card sales keep
 * how they were paid only in their audit row (`paidWith`); a recharge's amount is the principal its
 * ledger entry added; a refund's amount is its cumulative total minus what was refunded before,
 * and how it was paid back is recorded nowhere (tender null).
 */
export type AccountOpRow = {
  opId: string;
  kind: string;
  detail: string | null;
  auditDetail: string | null;
  principalDeltaFen: number | null;
  refundedBeforeFen: number | null;
};

export function accountOpMovement(r: AccountOpRow): ShiftMovement | null {
  const audit = parse(r.auditDetail);
  if (r.kind === 'recharge') {
    const amountFen = asInt(r.principalDeltaFen);
    return amountFen === null ? null : { kind: 'recharge', ref: r.opId, tender: asTender(audit.paidWith), amountFen };
  }
  if (r.kind === 'punch_sale') {
    const amountFen = asInt(audit.priceFen);
    return amountFen === null ? null : { kind: 'punch_sale', ref: r.opId, tender: asTender(audit.paidWith), amountFen };
  }
  if (r.kind === 'refund') {
    const cumulative = asInt(parse(r.detail).cumulativeFen);
    if (cumulative === null) return null;
    return { kind: 'refund', ref: r.opId, tender: null, amountFen: cumulative - (r.refundedBeforeFen ?? 0) };
  }
  return null;
}

type Tally = { count: number; totalFen: number; byTender: ByTender };

function tally(moves: readonly ShiftMovement[]): Tally {
  const byTender = emptyByTender();
  let totalFen = 0;
  for (const m of moves) {
    totalFen += m.amountFen;
    if (m.tender) byTender[m.tender] += m.amountFen;
  }
  return { count: new Set(moves.map((m) => m.ref)).size, totalFen, byTender };
}

/**
 * What a shift took, by tender, and the cash that should be in the drawer:
 * opening float + cash sales + cash recharges + cash punch-card sales − cash refunds.
 */
export function summarizeShift(input: { movements: readonly ShiftMovement[]; openingCashFen: number; countedCashFen: number | null; asOf: number }): ShiftSummary {
  const of = (kind: 'sale' | 'recharge' | 'punch_sale') => tally(input.movements.filter((m) => m.kind === kind));
  const sales = of('sale');
  const recharges = of('recharge');
  const punchCardSales = of('punch_sale');
  const refundMoves = input.movements.filter((m) => m.kind === 'refund');
  const refunds = { ...tally(refundMoves), untenderedFen: refundMoves.reduce((n, m) => n + (m.tender ? 0 : m.amountFen), 0) };
  const netByTender = emptyByTender();
  for (const k of TENDER_KINDS) {
    netByTender[k] = sales.byTender[k] + recharges.byTender[k] + punchCardSales.byTender[k] - refunds.byTender[k];
  }
  const cashExpectedFen = input.openingCashFen + netByTender.cash;
  return {
    asOf: input.asOf,
    orders: sales.count,
    salesFen: sales.totalFen,
    byTender: sales.byTender,
    refunds,
    recharges,
    punchCardSales,
    netByTender,
    openingCashFen: input.openingCashFen,
    cashExpectedFen,
    countedCashFen: input.countedCashFen,
    differenceFen: input.countedCashFen === null ? null : input.countedCashFen - cashExpectedFen,
  };
}
