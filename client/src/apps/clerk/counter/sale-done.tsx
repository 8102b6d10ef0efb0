import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HeldElsewhere } from '../allowance/held-elsewhere';
import { formatFen } from '../../../../../shared/domain/money';
import type { Member, Tier } from '../../../../../shared/schemas/member';
import type { PricedOrder } from '../../../../../shared/schemas/promotions';
import type { SyncedOrder } from '../../../../../shared/sync/entities';
import { keys } from '../../../../../shared/sync/keys';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { tierProgress } from '../../../lib/tier';
import { Button } from '../../../lib/ui/button';
import { buildReceiptData, ReceiptPreview } from '../receipt';
import type { Tender } from '../../../../../shared/schemas/order';
import { reasonKey } from '../rejections';
import type { Rejection } from '../../../../../shared/sync/entities';
import { prefixes } from '../../../../../shared/sync/keys';

export type DoneSale = { orderId: string; createdAt: number; priced: PricedOrder; changeFen: number; memberBefore: Member | null; pointsEarned: number; tenders: Tender[]; cashReceivedFen: number | null };
export type ReceiptHeader = { store: { name: string; address: string; phone: string }; clerkName: string };

/**
 * The sale is done at the counter the moment it is queued (its money is checked again by the
 * member's object when it reaches the server); the badge follows the order's real state: waiting to
 * sync, settled, or refused — with the reason.
 */
export function SaleDone({ sale, member, tiers, header, onNext, onRetry }: { sale: DoneSale; member: Member | null; tiers: Map<string, Tier>; header: ReceiptHeader; onNext(): void; onRetry(): void }) {
  const { t } = useTranslation();
  const order = useSubscribe((tx) => tx.get(keys.order(sale.orderId)) as Promise<SyncedOrder | undefined>, undefined, [sale.orderId]);
  const refusal = useSubscribe(
    async (tx) => ((await tx.scan({ prefix: prefixes.rejection }).values().toArray()) as Rejection[]).find((r) => r.refId === sale.orderId) ?? null,
    null,
    [sale.orderId],
  );
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const status = order?.status ?? 'pending';
  const tier = member ? (tiers.get(member.tierCode) ?? null) : null;
  const nextTier = tier ? ([...tiers.values()].filter((x) => x.rank > tier.rank).sort((a, b) => a.rank - b.rank)[0] ?? null) : null;
  const progress = member ? tierProgress(member.lifetimeSpendFen, tier, nextTier) : null;
  return (
    <section className="done" data-testid="sale-done" data-status={status}>
      <div className={`done-badge done-${status}`} data-testid="sale-status">{t(`counter.status.${status}`)}</div>
      {status === 'rejected' ? (
        <p className="notice-inline notice-danger" data-testid="sale-reject-reason">
          {refusal && reasonKey(refusal.code) ? t(reasonKey(refusal.code)!) : (order?.rejectReason ?? t('counter.refusedUnknown'))}
          <HeldElsewhere holders={refusal?.holders} /> {t('counter.refusedHint')}
        </p>
      ) : null}
      <p className="done-total money" data-testid="done-total">{formatFen(sale.priced.totalFen)}</p>
      {sale.changeFen > 0 ? <p className="done-change">{t('counter.change')} <strong className="money">{formatFen(sale.changeFen)}</strong></p> : null}
      {sale.priced.discountFen > 0 ? <p className="muted">{t('counter.saved', { amount: formatFen(sale.priced.discountFen) })}</p> : null}
      {member && status !== 'rejected' ? (
        <div className="done-member">
          <p>{t('counter.pointsEarned', { points: order?.pointsEarned || sale.pointsEarned })}</p>
          <p className="muted">
            {t('counter.balanceAfter', { principal: formatFen(member.principalFen), bonus: formatFen(member.bonusFen), points: member.points })}
          </p>
          {progress ? <p className="muted">{t('counter.tierProgress', { amount: formatFen(progress.remainingFen), tier: progress.next.name })}</p> : null}
        </div>
      ) : null}
      <div className="done-actions">
        {status === 'rejected' ? <Button variant="secondary" size="lg" onClick={onRetry} data-testid="retry-sale">{t('counter.retry')}</Button> : null}
        <button ref={next} type="button" className="btn btn-primary btn-lg" onClick={onNext} data-testid="next-customer">{t('counter.next')} <kbd className="kbd">Enter</kbd></button>
      </div>
      <ReceiptPreview
        data={buildReceiptData({
          ...header,
          member: member ? { name: member.name, phone: member.phone, cardNo: member.cardNo, tierName: tier?.name ?? member.tierCode } : null,
          order: { id: sale.orderId, createdAt: sale.createdAt, status: status === 'pending' || status === 'rejected' ? status : 'completed', rejectReason: order?.rejectReason ?? null, lines: sale.priced.lines, subtotalFen: sale.priced.subtotalFen, discountFen: sale.priced.discountFen, totalFen: sale.priced.totalFen, discountBySource: sale.priced.discountBySource, pointsEarned: order?.pointsEarned || sale.pointsEarned },
          tenders: sale.tenders,
          cashTenderedFen: sale.cashReceivedFen,
          balancesAfter: member && status !== 'rejected' ? { principalFen: member.principalFen, bonusFen: member.bonusFen, points: member.points } : null,
        })}
      />
    </section>
  );
}
