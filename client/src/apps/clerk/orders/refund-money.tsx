import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { RefundSplit } from './refund';
import type { RefundPreview } from './use-refund-preview';

/**
 * Where the refunded money goes, in the words the clerk repeats to the customer: what returns to
 * the card (and which points come off it), and what the clerk hands back in cash or by the
 * original payment app. The member's account has the exact figures (preview); else an estimate.
 */
export function RefundMoney({ split, preview, member, loading }: { split: RefundSplit; preview: RefundPreview | null; member: boolean; loading: boolean }) {
  const { t } = useTranslation();
  const cardBack = preview ? preview.principalBackFen + preview.bonusBackFen : split.storedValueFen;
  const earned = preview ? preview.earnedPointsTakenBack : split.earnedPoints;
  const handBack = Math.max(0, split.moneyFen - (preview?.cashDeductFen ?? 0));
  return (
    <ul className="refund-money" data-testid="refund-money">
      {member && cardBack > 0 ? (
        <li>
          <span>{t('orders.money.card')}</span>
          <strong className="money">{formatFen(cardBack)}</strong>
          {preview ? <small className="muted">{t('orders.money.cardSplit', { principal: formatFen(preview.principalBackFen), bonus: formatFen(preview.bonusBackFen) })}</small> : null}
        </li>
      ) : null}
      {member && split.pointsFen > 0 ? (
        <li><span>{t('orders.money.pointsBack')}</span><strong>{preview ? t('orders.money.points', { points: preview.pointsBack }) : formatFen(split.pointsFen)}</strong></li>
      ) : null}
      {member && split.punchFen > 0 ? <li><span>{t('orders.money.punchBack')}</span><strong className="money">{formatFen(split.punchFen)}</strong></li> : null}
      {member && earned > 0 ? <li><span>{t('orders.money.earnedBack')}</span><strong>−{t('orders.money.points', { points: earned })}</strong></li> : null}
      <li className="refund-hand-back">
        <span>{t('orders.money.handBack')}</span>
        <strong className="money" data-testid="refund-hand-back">{formatFen(handBack)}</strong>
        {preview && preview.cashDeductFen > 0 ? <small className="muted">{t('orders.money.deducted', { amount: formatFen(preview.cashDeductFen) })}</small> : null}
      </li>
      <li className="refund-money-note muted">{member ? (loading ? t('orders.money.checking') : preview ? t('orders.money.exact') : t('orders.money.estimate')) : t('orders.money.walkIn')}</li>
    </ul>
  );
}
