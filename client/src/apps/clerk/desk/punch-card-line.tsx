import { useTranslation } from 'react-i18next';
import type { PunchCard } from '../../../../../shared/schemas/account';
import type { Usability } from './punch-cards';

const pad = (n: number) => String(n).padStart(2, '0');
/** A calendar date in the counter's time zone: what a clerk reads out. */
export const formatDay = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** One punch card: uses left of total, expiry, where it is valid, and (when it cannot be used here) why. */
export function PunchCardLine({ card, use }: { card: PunchCard; use: Usability }) {
  const { t } = useTranslation();
  return (
    <span className="punch-line">
      <span className="punch-name">{card.name}</span>
      <span className="punch-uses" data-testid="punch-uses-left">
        <strong>{card.usesLeft}</strong> / {card.usesTotal} {t('desk.punch.visits')}
      </span>
      <span className="punch-meta">
        <span>{card.expiresAt === null ? t('desk.punch.noExpiry') : t('desk.punch.expires', { date: formatDay(card.expiresAt) })}</span>
        <span>{card.storeIds === null ? t('desk.punch.allStores') : t('desk.punch.someStores', { count: card.storeIds.length })}</span>
      </span>
      {use.ok ? null : (
        <span className="badge badge-danger punch-reason" data-testid="punch-reason">
          {t(`desk.punch.blocked.${use.reason}`)}
        </span>
      )}
    </span>
  );
}
