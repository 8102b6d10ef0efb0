import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { linkClick, navigate, useSubPath } from '../../lib/router';
import { ApprovalPinForm, ApprovalProvider, selfApproves } from './approval';
import { CounterScreen } from './counter/counter-screen';
import { OrdersScreen } from './orders';
import { MemberDesk, RegisterForm, usePhotoSync } from './desk';
import { ShiftPanel } from './shift';
import './counter/counter.css';
import { RejectionsPanel } from './rejections-panel';
import { TopBar } from './top-bar';
import { DevicePanel, useAllowanceKeeper } from './allowance';

const TABS = [
  { path: '', key: 'counter' },
  { path: 'orders', key: 'orders' },
  { path: 'members/new', key: 'register' },
  { path: 'shift', key: 'shift' },
] as const;

/**
 * The counter tablet: the sale screen first; the member desk, registration and the shift one tap
 * away. Refused operations stay on top of every screen until dealt with.
 */
export function HomeScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const sub = useSubPath();
  const storeId = me.store?.id ?? '';
  const deskId = /^members\/([^/]+)$/.exec(sub)?.[1];
  const ordersAt = /^orders(?:\/([^/]+))?$/.exec(sub);
  const [handoff, setHandoff] = useState<{ memberId: string; at: number } | null>(null);
  const header = { store: { name: me.store?.name ?? '', address: me.store?.address ?? '', phone: me.store?.phone ?? '' }, clerkName: me.user.name };
  usePhotoSync();
  const allowances = useAllowanceKeeper(storeId);
  return (
    <ApprovalProvider actor={me.user} storeId={storeId}>
      <div className="clerk-shell">
        <TopBar me={me} />
        <nav className="clerk-nav" aria-label={t('clerk.nav.label')}>
          {TABS.map((tab) => (
            <a key={tab.key} href={`${import.meta.env.BASE_URL}${tab.path}`} onClick={linkClick(tab.path)} aria-current={sub === tab.path || (tab.path === 'orders' && ordersAt) ? 'page' : undefined} data-testid={`nav-${tab.key}`}>
              {t(`clerk.nav.${tab.key}`)}
            </a>
          ))}
        </nav>
        <div className="clerk-rejections">
          <RejectionsPanel />
        </div>
        <div className="counter-host" hidden={sub !== ''}>
          <CounterScreen storeId={storeId} header={header} active={sub === ''} handoff={handoff} onOpenDesk={(id) => navigate(`members/${id}`)} onRegister={() => navigate('members/new')} />
        </div>
        {sub === '' ? null : ordersAt ? (
          <OrdersScreen storeId={storeId} actor={me.user} header={header} selectedId={ordersAt[1] ?? null} onSelect={(id) => navigate(id ? `orders/${id}` : 'orders')} />
        ) : sub === 'approval-pin' && selfApproves(me.user, storeId) ? (
          <main className="clerk-main">
            <ApprovalPinForm />
          </main>
        ) : sub === 'members/new' ? (
          <main className="clerk-main">
            <RegisterForm storeId={storeId} onRegistered={(id) => navigate(`members/${id}`)} onOpenMember={(id) => navigate(`members/${id}`)} onCancel={() => navigate('')} />
          </main>
        ) : sub === 'device' ? (
          <main className="clerk-main">
            <DevicePanel me={me} onRenew={allowances.renewNow} />
          </main>
        ) : sub === 'shift' ? (
          <main className="clerk-main">
            <ShiftPanel storeName={me.store?.name ?? null} />
          </main>
        ) : deskId ? (
          <main className="clerk-main">
            <MemberDesk memberId={deskId} storeId={storeId} onClose={() => navigate('')} onCheckout={(memberId) => { setHandoff({ memberId, at: Date.now() }); navigate(''); }} />
          </main>
        ) : (
          <p className="empty">…</p>
        )}
        <footer className="shortcuts" aria-label={t('clerk.shortcuts.label')}>
          <span><kbd className="kbd">F2</kbd> {t('clerk.shortcuts.product')}</span>
          <span><kbd className="kbd">F3</kbd> {t('clerk.shortcuts.member')}</span>
          <span><kbd className="kbd">F4</kbd> {t('clerk.shortcuts.register')}</span>
          <span><kbd className="kbd">F9</kbd> {t('clerk.shortcuts.pay')}</span>
          <span><kbd className="kbd">Esc</kbd> {t('clerk.shortcuts.back')}</span>
        </footer>
      </div>
    </ApprovalProvider>
  );
}
