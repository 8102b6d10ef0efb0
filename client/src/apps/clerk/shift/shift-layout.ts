import { formatFen, parseYuan } from '../../../../../shared/domain/money';
import { tenderKindSchema, type TenderKind } from '../../../../../shared/schemas/order';
import type { Shift, ShiftSummary } from '../../../../../shared/schemas/shift';
import { formatReceiptTime } from '../receipt/receipt-format';
import type { ReceiptLine, Tone } from '../receipt/receipt-layout';
import { pairLines, textWidth, wrap } from '../receipt/receipt-text';

/** What the clerk typed in yuan ("500", "500.5", "¥1,000") as fen; null unless a sensible cash amount. */
export function cashInputToFen(input: string): number | null {
  const fen = parseYuan(input);
  return fen === null || fen < 0 || fen > 100_000_000 ? null : fen;
}

export type DifferenceKind = 'balanced' | 'short' | 'over';
export const differenceKind = (fen: number): DifferenceKind => (fen === 0 ? 'balanced' : fen < 0 ? 'short' : 'over');

export type TenderRow = { kind: TenderKind; salesFen: number; accountFen: number; refundsFen: number; netFen: number };

/** One row per tender that moved anything this shift: sales, recharges and punch cards, refunds, net. */
export function tenderRows(s: ShiftSummary): TenderRow[] {
  return tenderKindSchema.options
    .map((kind) => ({
      kind,
      salesFen: s.byTender[kind],
      accountFen: s.recharges.byTender[kind] + s.punchCardSales.byTender[kind],
      refundsFen: s.refunds.byTender[kind],
      netFen: s.netByTender[kind],
    }))
    .filter((r) => r.salesFen || r.accountFen || r.refundsFen);
}

export type ShiftPrintLabels = {
  title: string;
  staff: string;
  openedAt: string;
  closedAt: string;
  orders: string;
  sales: string;
  recharges: string;
  punchCardSales: string;
  refunds: string;
  untendered: string;
  openingCash: string;
  expectedCash: string;
  countedCash: string;
  difference: string;
  note: string;
  printedAt: string;
  signature: string;
  count: (n: number) => string;
  differenceText: (fen: number) => string;
  tender: Record<TenderKind, string>;
};

/** The shift summary as receipt lines, to print on the counter's roll printer and sign. */
export function layoutShiftSummary(shift: Shift, cols: number, l: ShiftPrintLabels, opts: { storeName: string | null; printedAt: number }): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  const pair = (left: string, right: string, tone: Tone = 'normal') => {
    for (const p of pairLines(left, right, cols)) out.push({ kind: 'pair', ...p, tone });
  };
  const centered = (text: string, tone: Tone) => {
    for (const t of wrap(text, cols)) out.push({ kind: 'center', text: t, tone });
  };
  const rule = () => out.push({ kind: 'rule' });
  const byTender = (amounts: Record<TenderKind, number>) => {
    for (const k of tenderKindSchema.options) if (amounts[k]) pair(`  ${l.tender[k]}`, formatFen(amounts[k]), 'muted');
  };
  const s = shift.summary;

  if (opts.storeName) centered(opts.storeName, 'title');
  centered(l.title, 'strong');
  rule();
  pair(l.staff, shift.staffName);
  pair(l.openedAt, formatReceiptTime(shift.openedAt));
  if (shift.closedAt !== null) pair(l.closedAt, formatReceiptTime(shift.closedAt));
  if (s) {
    rule();
    pair(l.orders, String(s.orders));
    pair(l.sales, formatFen(s.salesFen), 'strong');
    byTender(s.byTender);
    for (const [label, tally] of [[l.recharges, s.recharges], [l.punchCardSales, s.punchCardSales]] as const) {
      if (!tally.count) continue;
      pair(`${label} ${l.count(tally.count)}`, formatFen(tally.totalFen));
      byTender(tally.byTender);
    }
    if (s.refunds.count) {
      pair(`${l.refunds} ${l.count(s.refunds.count)}`, formatFen(-s.refunds.totalFen));
      byTender(s.refunds.byTender);
      if (s.refunds.untenderedFen) pair(`  ${l.untendered}`, formatFen(s.refunds.untenderedFen), 'muted');
    }
    rule();
    pair(l.openingCash, formatFen(s.openingCashFen));
    pair(l.expectedCash, formatFen(s.cashExpectedFen));
    if (s.countedCashFen !== null) pair(l.countedCash, formatFen(s.countedCashFen));
    if (s.differenceFen !== null) pair(l.difference, l.differenceText(s.differenceFen), 'strong');
  }
  if (shift.note) for (const t of wrap(`${l.note}: ${shift.note}`, cols)) out.push({ kind: 'text', text: t, tone: 'normal' });
  rule();
  pair(l.printedAt, formatReceiptTime(opts.printedAt), 'muted');
  out.push({ kind: 'text', text: '', tone: 'normal' });
  out.push({ kind: 'text', text: `${l.signature}: ${'_'.repeat(Math.max(8, cols - textWidth(l.signature) - 2))}`, tone: 'normal' });
  return out;
}
