import { formatFen } from '../../../../../shared/domain/money';
import type { TenderKind } from '../../../../../shared/schemas/order';
import { changeDue, type ReceiptData, type ReceiptDiscountSource, type ReceiptStatus } from './receipt-data';
import { formatInt, formatReceiptTime, maskCard, maskPhone, shortOrderId } from './receipt-format';
import { center, joinPair, pairLines, textWidth, wrap } from './receipt-text';

/** The words on a receipt, already in the tablet's language (see useReceiptLabels). */
export type ReceiptLabels = {
  phone: string;
  order: string;
  time: string;
  clerk: string;
  member: string;
  card: string;
  lineDiscount: string;
  lineTotal: string;
  subtotal: string;
  total: string;
  tendered: string;
  change: string;
  reference: string;
  pointsUnit: string;
  pointsEarned: string;
  principal: string;
  bonus: string;
  points: string;
  rejectReason: string;
  refunded: string;
  pendingHint: string;
  footer: string;
  status: Record<ReceiptStatus, string>;
  tender: Record<TenderKind, string>;
  discount: Record<ReceiptDiscountSource, string>;
};

export type Tone = 'normal' | 'strong' | 'muted' | 'title';
/** One printed line, never wider than the paper's columns. */
export type ReceiptLine =
  | { kind: 'pair'; left: string; right: string; tone: Tone }
  | { kind: 'center'; text: string; tone: Tone }
  | { kind: 'text'; text: string; tone: Tone }
  | { kind: 'rule' }
  | { kind: 'status'; status: ReceiptStatus; text: string };

const minus = (fen: number) => formatFen(-Math.abs(fen));

/** The receipt as lines for `cols` columns (32 on 58 mm paper, 48 on 80 mm). */
export function layoutReceipt(d: ReceiptData, cols: number, l: ReceiptLabels): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  const pair = (left: string, right: string, tone: Tone = 'normal') => {
    for (const p of pairLines(left, right, cols)) out.push({ kind: 'pair', ...p, tone });
  };
  const centered = (text: string, tone: Tone = 'normal') => {
    for (const t of wrap(text, cols)) out.push({ kind: 'center', text: t, tone });
  };
  const text = (s: string, tone: Tone = 'normal', indent = '') => {
    for (const t of wrap(s, cols - indent.length)) out.push({ kind: 'text', text: indent + t, tone });
  };
  const rule = () => out.push({ kind: 'rule' });

  centered(d.store.name, 'title');
  if (d.store.address) centered(d.store.address, 'muted');
  if (d.store.phone) centered(`${l.phone} ${d.store.phone}`, 'muted');
  out.push({ kind: 'status', status: d.status, text: l.status[d.status] });
  if (d.status === 'rejected' && d.rejectReason) text(`${l.rejectReason}: ${d.rejectReason}`, 'strong');
  if (d.status === 'pending') text(l.pendingHint, 'muted');
  rule();
  pair(l.order, shortOrderId(d.orderId));
  pair(l.time, formatReceiptTime(d.at));
  pair(l.clerk, d.clerkName);
  if (d.member) {
    pair(l.member, `${d.member.name} ${maskPhone(d.member.phone)}`);
    pair(l.card, `${maskCard(d.member.cardNo)} ${d.member.tierName}`);
  }
  rule();
  for (const item of d.items) {
    text(item.name);
    pair(`  ${item.quantity} x ${formatFen(item.unitPriceFen)}`, formatFen(item.quantity * item.unitPriceFen));
    const amounts = item.discounts.filter((x) => x.amountFen !== null);
    for (const x of item.discounts) pair(`  ${x.label}`, x.amountFen !== null ? minus(x.amountFen) : '', 'muted');
    if (item.discountFen > 0 && amounts.length === 0) pair(`  ${l.lineDiscount}`, minus(item.discountFen), 'muted');
    if (item.discountFen > 0) pair(`  ${l.lineTotal}`, formatFen(item.totalFen));
  }
  rule();
  pair(l.subtotal, formatFen(d.subtotalFen));
  for (const x of d.discounts) pair(`  ${l.discount[x.source]}`, minus(x.amountFen), 'muted');
  pair(l.total, formatFen(d.totalFen), 'strong');
  if (d.refundedFen > 0) pair(l.refunded, minus(d.refundedFen), 'strong');
  rule();
  const change = changeDue(d);
  for (const t of d.tenders) {
    pair(t.points ? `${l.tender[t.kind]} ${formatInt(t.points)}${l.pointsUnit}` : l.tender[t.kind], formatFen(t.amountFen));
    if (t.reference) text(`${l.reference} ${t.reference}`, 'muted', '  ');
    if (t.kind === 'cash' && change !== null && d.cashTenderedFen !== null) {
      pair(`  ${l.tendered}`, formatFen(d.cashTenderedFen), 'muted');
      pair(`  ${l.change}`, formatFen(change), 'strong');
    }
  }
  if (d.member) {
    rule();
    if (d.pointsEarned) pair(l.pointsEarned, `+${formatInt(d.pointsEarned)}`);
    if (d.balancesAfter) {
      pair(l.principal, formatFen(d.balancesAfter.principalFen));
      pair(l.bonus, formatFen(d.balancesAfter.bonusFen));
      pair(l.points, formatInt(d.balancesAfter.points));
    }
  }
  rule();
  centered(d.footer ?? l.footer);
  return out;
}

/** The same receipt as plain text, `cols` wide: what a text-only printer would get. */
export function receiptText(lines: readonly ReceiptLine[], cols: number): string {
  return lines
    .map((x) => {
      switch (x.kind) {
        case 'pair':
          return x.right ? joinPair(x.left, x.right, cols) : x.left;
        case 'center':
          return center(x.text, cols);
        case 'text':
          return x.text;
        case 'rule':
          return '-'.repeat(cols);
        case 'status':
          return center(`[${x.text}]`, cols);
      }
    })
    .map((s) => s.trimEnd())
    .join('\n');
}

/** Widest line in columns (tests: nothing may pass the paper's edge). */
export const widest = (text: string): number => Math.max(0, ...text.split('\n').map(textWidth));
