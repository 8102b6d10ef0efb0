import type { SyncedOrder } from '../../../../../shared/sync/entities';
import type { Member } from '../../../../../shared/schemas/member';
import { buildReceiptData, type ReceiptData } from '../receipt';
import type { ReceiptHeader } from '../counter/sale-done';

/**
 * A reprint from the order as synced (with each line's discount words and what has been refunded);
 * the totals by discount source are not kept, and stored-value balances are the member's now, not at the time, so they are left out.
 */
export function orderReceipt(o: SyncedOrder, member: Member | null, tierName: string | null, header: ReceiptHeader): ReceiptData {
  const status = o.status;
  return buildReceiptData({
    ...header,
    member: member ? { name: member.name, phone: member.phone, cardNo: member.cardNo, tierName: tierName ?? member.tierCode } : null,
    order: { id: o.id, createdAt: o.createdAt, status, rejectReason: o.rejectReason, lines: o.lines, subtotalFen: o.subtotalFen, discountFen: o.discountFen, totalFen: o.totalFen, pointsEarned: o.pointsEarned, refundedFen: o.refundedFen },
    tenders: o.tenders,
  });
}
