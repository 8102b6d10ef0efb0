import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../../shared/schemas/account-api';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { Loading } from '../../../lib/ui/states';
import { CardLossForm } from './card-loss-form';
import { useDeskError } from './desk-errors';
import { DeskRejections } from './desk-rejections';
import type { DeskDone } from './desk-types';
import { EditMemberForm } from './edit-member-form';
import { MemberHeader } from './member-header';
import { MemberHoldings } from './member-holdings';
import { PhotoCapture } from './photo-capture';
import { usePhotoSync } from './photo-api';
import { photoQueue } from './photo-queue';
import { applyLocalRedeems } from './punch-cards';
import { PunchRedeemForm } from './punch-redeem-form';
import { PunchSellForm } from './punch-sell-form';
import { RechargeForm } from './recharge-form';
import { RewardPickupForm } from './reward-pickup-form';
import { useDeskAccount, useDeskMember, useRules } from './use-desk-data';
import './desk.css';

export type MemberDeskProps = { memberId: string; storeId: string; onClose(): void; onCheckout?(memberId: string): void };
const TABS = ['overview', 'recharge', 'redeem', 'sell', 'gift', 'edit', 'loss', 'photo'] as const;
type Tab = (typeof TABS)[number];

/** One member at the counter: who they are, what they hold, and every desk action on them. */
export function MemberDesk({ memberId, storeId, onClose, onCheckout }: MemberDeskProps) {
  const { t } = useTranslation();
  const deskError = useDeskError();
  usePhotoSync();
  const m = useDeskMember(memberId);
  const rules = useRules();
  const acc = useDeskAccount(memberId);
  const [tab, setTab] = useState<Tab>('overview');
  const [flash, setFlash] = useState<string | null>(null);
  const [refIds, setRefIds] = useState<string[]>([]);
  // Uses redeemed here since the account was read; forgotten when a fresh read arrives.
  const [taken, setTaken] = useState<{ base: AccountView | null; map: Record<string, number> }>({ base: null, map: {} });
  const local = taken.base === acc.account ? taken.map : {};
  const cards = acc.account ? applyLocalRedeems(acc.account.punchCards, local) : null;

  const done: DeskDone = (message, refId) => {
    setFlash(message);
    if (refId) setRefIds((ids) => [...ids, refId]);
    setTab('overview');
  };
  const go = (next: Tab) => {
    setFlash(null);
    setTab(next);
  };
  const rejections = <DeskRejections refIds={[memberId, ...refIds]} />;

  if (m.status !== 'ready') {
    return (
      <section className="desk" data-testid="member-desk">
        {rejections}
        {m.status === 'loading' ? <Loading /> : <Notice kind="error" testId="desk-load-error">{m.status === 'offline' ? t('desk.offlineUnknown') : deskError(m.error)}</Notice>}
        <div><Button variant="secondary" size="lg" onClick={onClose}>{t('desk.close')}</Button></div>
      </section>
    );
  }
  const member = m.value;
  const back = () => go('overview');
  return (
    <section className="desk" data-testid="member-desk" data-member-id={memberId}>
      <MemberHeader member={member} onClose={onClose} onCheckout={onCheckout} />
      {member.status === 'frozen' ? <div className="desk-frozen" role="status" data-testid="desk-frozen">{t('desk.frozenBanner')}</div> : null}
      {rejections}
      {flash ? <Notice kind="success" testId="desk-flash">{flash}</Notice> : null}
      <nav className="desk-tabs" role="tablist" aria-label={t('desk.actions')}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={`desk-tab${tab === k ? ' is-active' : ''}`} onClick={() => go(k)} data-testid={`desk-tab-${k}`}>
            {t(`desk.tabs.${k}`)}
          </button>
        ))}
      </nav>
      <div className="desk-panel card" role="tabpanel">
        {tab === 'overview' ? <MemberHoldings member={member} storeId={storeId} account={acc.account} cards={cards} error={acc.error} /> : null}
        {tab === 'recharge' ? <RechargeForm member={member} storeId={storeId} rules={rules} onDone={done} onCancel={back} /> : null}
        {tab === 'redeem' ? (
          <PunchRedeemForm member={member} storeId={storeId} cards={cards} onDone={done} onCancel={back}
            onRedeemed={(cardId, uses) => setTaken({ base: acc.account, map: { ...local, [cardId]: (local[cardId] ?? 0) + uses } })} />
        ) : null}
        {tab === 'sell' ? <PunchSellForm member={member} storeId={storeId} onDone={done} onCancel={back} /> : null}
        {tab === 'gift' ? <RewardPickupForm member={member} storeId={storeId} onDone={done} onCancel={back} /> : null}
        {tab === 'edit' ? <EditMemberForm member={member} onDone={done} onCancel={back} /> : null}
        {tab === 'loss' ? <CardLossForm member={member} onDone={done} onCancel={back} /> : null}
        {tab === 'photo' ? (
          <PhotoCapture value={null} onChange={(url) => url && (photoQueue.enqueue(member.id, url), done(t('desk.photo.queued')))} />
        ) : null}
      </div>
    </section>
  );
}
