import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { PunchCard } from '../../../../../shared/schemas/account';
import type { Member } from '../../../../../shared/schemas/member';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { useOnline } from '../../../lib/use-online';
import { NotReady, useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';
import { PunchCardLine } from './punch-card-line';
import { punchCardUsability, sortForRedeem } from './punch-cards';
import { Stepper } from './stepper';
import { useSoldProducts } from './use-desk-data';

type Props = { member: Member; storeId: string; cards: readonly PunchCard[] | null; onRedeemed(cardId: string, uses: number): void; onDone: DeskDone; onCancel(): void };

/** A service visit paid by a punch card: settled as an order (mutate.redeemPunch), offline too once the cards were read. */
export function PunchRedeemForm({ member, storeId, cards, onRedeemed, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const deskError = useDeskError();
  const online = useOnline();
  const [cardId, setCardId] = useState<string | null>(null);
  const [uses, setUses] = useState(1);
  const [failure, setFailure] = useState<unknown>(null);
  // The visit is priced from this store's catalog: a service not sold here cannot be settled here.
  const sold = useSoldProducts((cards ?? []).map((c) => c.productId));
  if (!cards) return <p className="muted">{online ? t('desk.punch.loading') : t('desk.holdings.offline')}</p>;
  const now = Date.now();
  const items = sortForRedeem(cards.map((card) => ({ card, use: punchCardUsability(card, storeId, now, member.status, !sold || sold.has(card.productId)) })));
  const chosen = items.find((i) => i.card.id === cardId && i.use.ok)?.card ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    if (!chosen) return;
    const id = ulid();
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.redeemPunch({ id, storeId, memberId: member.id, cardId: chosen.id, productId: chosen.productId, uses, createdAt: Date.now() });
      onRedeemed(chosen.id, uses);
      onDone(t('desk.punch.redeemed', { name: chosen.name, uses, left: chosen.usesLeft - uses }), id);
    } catch (err) {
      setFailure(err);
    }
  }

  if (items.length === 0) return <p className="empty">{t('desk.punch.none')}</p>;
  return (
    <form className="desk-form" onSubmit={submit} noValidate data-testid="punch-redeem-form">
      <ul className="punch-list" role="radiogroup" aria-label={t('desk.punch.pickCard')}>
        {items.map(({ card, use }) => (
          <li key={card.id}>
            <button type="button" role="radio" aria-checked={card.id === chosen?.id} disabled={!use.ok} className={`punch-item${card.id === chosen?.id ? ' is-active' : ''}`}
              onClick={() => { setCardId(card.id); setUses(1); }} data-testid="punch-card-option" data-usable={use.ok}>
              <PunchCardLine card={card} use={use} />
            </button>
          </li>
        ))}
      </ul>
      {chosen ? <Stepper label={t('desk.punch.usesNow')} value={uses} min={1} max={Math.min(100, chosen.usesLeft)} onChange={setUses} testId="redeem-uses" /> : null}
      {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
      <div className="desk-form-foot">
        <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
        <Button type="submit" size="lg" disabled={!chosen} data-testid="redeem-submit">{t('desk.punch.redeem', { uses })}</Button>
      </div>
    </form>
  );
}
