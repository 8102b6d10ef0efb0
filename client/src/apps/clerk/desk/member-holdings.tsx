import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../../shared/schemas/account-api';
import type { PunchCard } from '../../../../../shared/schemas/account';
import type { Member } from '../../../../../shared/schemas/member';
import { useOnline } from '../../../lib/use-online';
import { useDeskError } from './desk-errors';
import { formatDay, PunchCardLine } from './punch-card-line';
import { punchCardUsability, sortForRedeem } from './punch-cards';
import { useSoldProducts } from './use-desk-data';

type Props = { member: Member; storeId: string; account: AccountView | null; cards: readonly PunchCard[] | null; error: unknown };

/** Punch cards and coupons: read online on a clerk's tablet (the account is not part of its offline view). */
export function MemberHoldings({ member, storeId, account, cards, error }: Props) {
  const { t } = useTranslation();
  const online = useOnline();
  const deskError = useDeskError();
  const sold = useSoldProducts((cards ?? []).map((c) => c.productId));
  if (!account || !cards) {
    const why = !online ? t('desk.holdings.offline') : error ? deskError(error) : t('desk.punch.loading');
    return <p className="muted" data-testid="holdings-unavailable">{why}</p>;
  }
  const now = Date.now();
  const items = sortForRedeem(cards.map((card) => ({ card, use: punchCardUsability(card, storeId, now, member.status, !sold || sold.has(card.productId)) })));
  const coupons = [...account.coupons].sort((a, b) => Number(b.status === 'issued') - Number(a.status === 'issued') || a.expiresAt - b.expiresAt);
  return (
    <div className="desk-holdings">
      <section>
        <h3 className="desk-subtitle">{t('desk.holdings.punchCards', { count: items.length })}</h3>
        {items.length === 0 ? <p className="empty">{t('desk.punch.none')}</p> : (
          <ul className="punch-list" data-testid="holdings-punch-cards">
            {items.map(({ card, use }) => (
              <li key={card.id} className={`punch-item is-static${use.ok ? '' : ' is-disabled'}`}>
                <PunchCardLine card={card} use={use} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3 className="desk-subtitle">{t('desk.holdings.coupons', { count: coupons.length })}</h3>
        {coupons.length === 0 ? <p className="empty">{t('desk.holdings.noCoupons')}</p> : (
          <ul className="coupon-list" data-testid="holdings-coupons">
            {coupons.map((c) => (
              <li key={c.id} className={`coupon-item${c.status === 'issued' ? '' : ' is-disabled'}`}>
                <span className="punch-name">{c.name}</span>
                <span className="punch-meta">{t('desk.punch.expires', { date: formatDay(c.expiresAt) })}</span>
                <span className={`badge ${c.status === 'issued' ? 'badge-muted' : 'badge-danger'}`}>{t(`desk.holdings.couponStatus.${c.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
