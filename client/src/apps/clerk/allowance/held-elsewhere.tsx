import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { Rejection } from '../../../../../shared/sync/entities';

/** Why stored value was short: the money other tablets hold for offline use, named (decision 015). */
export function HeldElsewhere({ holders }: { holders: Rejection['holders'] }) {
  const { t } = useTranslation();
  if (!holders?.length) return null;
  return (
    <>
      {holders.map((h, i) => (
        <span key={i} className="held-elsewhere" data-testid="held-elsewhere">
          {' '}
          {t('allowance.heldAt', { amount: formatFen(h.fen), store: h.storeName, device: h.deviceName })}
        </span>
      ))}
    </>
  );
}
